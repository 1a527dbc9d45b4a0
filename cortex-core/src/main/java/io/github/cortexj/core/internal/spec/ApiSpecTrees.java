package io.github.cortexj.core.internal.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.AutoscalingSpec;
import io.github.cortexj.core.spec.ComputeSpec;
import io.github.cortexj.core.spec.DefinitionSpec;
import io.github.cortexj.core.spec.HandlerSpec;
import io.github.cortexj.core.spec.UpdateStrategySpec;
import java.time.Duration;

/**
 * Writes API specs as JSON trees with Cortex's snake_case keys: in the spec JSON shape (durations in nanoseconds,
 * every section of the kind present) or in the cortex.yaml shape (durations as Go strings). Stateless and thread
 * safe.
 */
public final class ApiSpecTrees {

  /** How durations are written. */
  public enum DurationStyle {
    /** Integer nanoseconds, as in Cortex's spec JSON. */
    NANOSECONDS,
    /** Go duration strings such as {@code 5m}, as in cortex.yaml. */
    GO_STRING
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiSpecTrees() {}

  /** Returns a new empty JSON object. */
  public static ObjectNode newObject() {
    return NODES.objectNode();
  }

  /**
   * Writes a spec with every section key present, {@code null} for the sections its kind does not have.
   *
   * @param spec the spec
   * @param style how to write durations
   * @return a fresh tree
   */
  public static ObjectNode toTree(ApiSpec spec, DurationStyle style) {
    ObjectNode api = newObject();
    api.put("name", spec.name());
    api.put("kind", spec.kind().cortexName());
    HandlerSpec handler = spec.handler();
    if (handler == null) {
      api.putNull("handler");
    } else {
      ObjectNode section = api.putObject("handler");
      section.put("type", handler.type());
      section.put("class", handler.className());
      section.put("processes_per_replica", handler.processesPerReplica());
      section.put("threads_per_process", handler.threadsPerProcess());
      section.put("log_level", handler.logLevel().cortexName());
      section.set("config", ConfigValues.toTree(handler.config()));
      section.set("env", ConfigValues.toTree(handler.env()));
      handler.requestTimeoutIfAny().ifPresent(timeout -> putDuration(section, "request_timeout", timeout, style));
      handler.requestTtlIfAny().ifPresent(ttl -> putDuration(section, "request_ttl", ttl, style));
    }
    DefinitionSpec definition = spec.definition();
    if (definition == null) {
      api.putNull("definition");
    } else {
      ObjectNode section = api.putObject("definition");
      section.put("class", definition.className());
      section.put("log_level", definition.logLevel().cortexName());
      section.set("config", ConfigValues.toTree(definition.config()));
      section.set("env", ConfigValues.toTree(definition.env()));
    }
    api.putObject("networking").put("endpoint", spec.networking().endpoint());
    api.set("compute", computeTree(spec.compute()));
    AutoscalingSpec autoscaling = spec.autoscaling();
    if (autoscaling == null) {
      api.putNull("autoscaling");
    } else {
      api.set("autoscaling", autoscalingTree(autoscaling, style));
    }
    UpdateStrategySpec updateStrategy = spec.updateStrategy();
    if (updateStrategy == null) {
      api.putNull("update_strategy");
    } else {
      api.set("update_strategy", updateStrategyTree(updateStrategy));
    }
    return api;
  }

  /**
   * Writes a spec as an element of a cortex.yaml list: like {@link #toTree} with Go durations, without the
   * sections the kind does not have.
   *
   * @param spec the spec
   * @return a fresh tree
   */
  public static ObjectNode toYamlTree(ApiSpec spec) {
    ObjectNode api = toTree(spec, DurationStyle.GO_STRING);
    for (String section : new String[] {"handler", "definition", "autoscaling", "update_strategy"}) {
      if (api.get(section).isNull()) {
        api.remove(section);
      }
    }
    return api;
  }

  /** Writes a compute section. */
  public static ObjectNode computeTree(ComputeSpec compute) {
    ObjectNode section = newObject();
    section.put("cpu", compute.cpu());
    section.put("mem", compute.mem());
    section.put("gpu", compute.gpu());
    section.put("inf", compute.inf());
    if (compute.nodeGroups() == null) {
      section.putNull("node_groups");
    } else {
      ArrayNode groups = section.putArray("node_groups");
      compute.nodeGroups().forEach(groups::add);
    }
    return section;
  }

  /** Writes an autoscaling section. */
  public static ObjectNode autoscalingTree(AutoscalingSpec autoscaling, DurationStyle style) {
    ObjectNode section = newObject();
    section.put("min_replicas", autoscaling.minReplicas());
    section.put("max_replicas", autoscaling.maxReplicas());
    section.put("init_replicas", autoscaling.initReplicas());
    section.put("target_replica_concurrency", autoscaling.targetReplicaConcurrency());
    section.put("max_replica_concurrency", autoscaling.maxReplicaConcurrency());
    putDuration(section, "window", autoscaling.window(), style);
    putDuration(section, "downscale_stabilization_period", autoscaling.downscaleStabilizationPeriod(), style);
    putDuration(section, "upscale_stabilization_period", autoscaling.upscaleStabilizationPeriod(), style);
    section.put("max_downscale_factor", autoscaling.maxDownscaleFactor());
    section.put("max_upscale_factor", autoscaling.maxUpscaleFactor());
    section.put("downscale_tolerance", autoscaling.downscaleTolerance());
    section.put("upscale_tolerance", autoscaling.upscaleTolerance());
    return section;
  }

  /** Writes an update strategy section. */
  public static ObjectNode updateStrategyTree(UpdateStrategySpec updateStrategy) {
    ObjectNode section = newObject();
    section.put("max_surge", updateStrategy.maxSurge());
    section.put("max_unavailable", updateStrategy.maxUnavailable());
    return section;
  }

  private static void putDuration(ObjectNode section, String key, Duration value, DurationStyle style) {
    if (style == DurationStyle.NANOSECONDS) {
      section.put(key, value.toNanos());
    } else {
      section.put(key, GoDurations.format(value));
    }
  }
}
