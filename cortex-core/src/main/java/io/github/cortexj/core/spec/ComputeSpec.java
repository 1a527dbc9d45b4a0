package io.github.cortexj.core.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code compute} section: the resources each replica or worker requests.
 *
 * <p>{@code cpu} and {@code mem} are Kubernetes quantities ({@code 200m}, {@code 1}, {@code 512Mi}) and are
 * validated as Cortex does (at least {@code 20m} CPU and {@code 20Mi} memory). {@code gpu}, {@code inf} and
 * {@code node_groups} are validated and kept in the spec for Cortex compatibility, but the embedded runtime does
 * not use them; checking that a request fits an instance type needs a cluster and is not done.
 *
 * <p>Immutable and thread safe. The canonical constructor does no validation beyond copying {@code nodeGroups};
 * the rules are applied when the API spec is parsed or built.
 *
 * @param cpu the CPU request as a quantity string, or {@code null} for no request; default {@value #DEFAULT_CPU}
 * @param mem the memory request as a quantity string, or {@code null} (the default) for no request
 * @param gpu the number of GPUs, default 0
 * @param inf the number of Inferentia chips, 0 or 1, default 0
 * @param nodeGroups the node groups to run on, or {@code null} (the default) for any
 */
public record ComputeSpec(
    @Nullable String cpu, @Nullable String mem, int gpu, int inf, @Nullable List<String> nodeGroups) {

  /** Cortex's default CPU request. */
  public static final String DEFAULT_CPU = "200m";

  /** Copies {@code nodeGroups} into an unmodifiable list. */
  public ComputeSpec {
    if (nodeGroups != null) {
      nodeGroups = Collections.unmodifiableList(new ArrayList<>(nodeGroups));
    }
  }

  /**
   * Returns Cortex's defaults: {@code cpu: 200m}, no memory request, no accelerators, any node group.
   *
   * @return the default compute section
   */
  public static ComputeSpec defaults() {
    return new ComputeSpec(DEFAULT_CPU, null, 0, 0, null);
  }

  /**
   * Starts a builder holding Cortex's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ComputeSpec}; not thread safe. */
  public static final class Builder {
    private @Nullable String cpu = DEFAULT_CPU;
    private @Nullable String mem;
    private int gpu;
    private int inf;
    private @Nullable List<String> nodeGroups;

    private Builder() {}

    /**
     * Sets the CPU request.
     *
     * @param cpu a quantity such as {@code 1} or {@code 500m}, or {@code null} for no request
     * @return this builder
     */
    public Builder cpu(@Nullable String cpu) {
      this.cpu = cpu;
      return this;
    }

    /**
     * Sets the memory request.
     *
     * @param mem a quantity such as {@code 512Mi}, or {@code null} for no request
     * @return this builder
     */
    public Builder mem(@Nullable String mem) {
      this.mem = mem;
      return this;
    }

    /**
     * Sets the number of GPUs.
     *
     * @param gpu at least 0
     * @return this builder
     */
    public Builder gpu(int gpu) {
      this.gpu = gpu;
      return this;
    }

    /**
     * Sets the number of Inferentia chips.
     *
     * @param inf 0 or 1
     * @return this builder
     */
    public Builder inf(int inf) {
      this.inf = inf;
      return this;
    }

    /**
     * Sets the node groups to run on.
     *
     * @param nodeGroups a non-empty list of names, or {@code null} for any
     * @return this builder
     */
    public Builder nodeGroups(@Nullable List<String> nodeGroups) {
      this.nodeGroups = nodeGroups;
      return this;
    }

    /**
     * Returns the section; it is validated with the rest of the API spec.
     *
     * @return the compute section
     */
    public ComputeSpec build() {
      return new ComputeSpec(cpu, mem, gpu, inf, nodeGroups);
    }
  }
}
