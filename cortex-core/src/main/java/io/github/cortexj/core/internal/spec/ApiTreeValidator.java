package io.github.cortexj.core.internal.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.internal.spec.Problems.ApiProblems;
import io.github.cortexj.core.spec.ApiConfigError.Reason;
import io.github.cortexj.core.spec.ApiConfigException;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.AutoscalingSpec;
import io.github.cortexj.core.spec.ComputeSpec;
import io.github.cortexj.core.spec.DefinitionSpec;
import io.github.cortexj.core.spec.HandlerSpec;
import io.github.cortexj.core.spec.LogLevel;
import io.github.cortexj.core.spec.NetworkingSpec;
import io.github.cortexj.core.spec.UpdateStrategySpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates cortex.yaml trees with Cortex's rules (reference §3) and builds the {@link ApiSpec} records.
 *
 * <p>As Cortex does, it works in two passes: the first reads each API's {@code name} and {@code kind}, the second
 * validates every field of the APIs whose kind cortex-java runs; then names and endpoints are checked for
 * uniqueness. Unlike Cortex it does not stop at the first problem: all are collected and thrown together in one
 * {@link ApiConfigException}. Not thread safe; each run uses a new instance.
 */
public final class ApiTreeValidator {

  static final int MAX_NAME_LENGTH = 42;
  static final int MAX_ENDPOINT_LENGTH = 1000;
  private static final Pattern DNS_1035 = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern ENDPOINT = Pattern.compile("^[a-zA-Z0-9_\\-./]*$");
  private static final Pattern NODE_GROUP = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("^\\d+$");
  private static final Pattern PERCENTAGE = Pattern.compile("^(\\d+)%$");
  private static final BigDecimal MIN_CPU = new BigDecimal("0.02");
  private static final BigDecimal MIN_MEM = BigDecimal.valueOf(20L << 20);
  private static final Duration WINDOW_STEP = Duration.ofSeconds(10);
  private static final Set<String> OTHER_CORTEX_KINDS = Set.of("RealtimeAPI", "TrafficSplitter");
  private static final Set<String> SECTIONS =
      Set.of("handler", "definition", "networking", "compute", "autoscaling", "update_strategy");
  private static final Set<String> NON_JAVA_HANDLER_TYPES = Set.of("python", "tensorflow", "onnx");
  private static final String KINDS = "BatchAPI, AsyncAPI, TaskAPI";

  /** Cortex handler and definition keys that only make sense for Python containers, with the reason. */
  private static final Map<String, String> CONTAINER_ONLY_KEYS =
      Map.of(
          "path", "cortex-java loads the Java class named by \"class\", not a Python file",
          "python_path", "cortex-java loads classes from the class path, not from a Python path",
          "dependencies", "cortex-java installs no pip, conda or shell dependencies; put libraries on the class path",
          "image", "cortex-java runs handlers in this JVM, not in a container image",
          "tensorflow_serving_image", "cortex-java runs handlers in this JVM, not in a container image",
          "shm_size", "cortex-java runs handlers in this JVM, which has no /dev/shm to size",
          "models", "cortex-java has no model server; load models in the handler's constructor",
          "protobuf_path", "only RealtimeAPI accepts it, and cortex-java does not run RealtimeAPI",
          "multi_model_reloading", "only RealtimeAPI accepts it, and cortex-java does not run RealtimeAPI",
          "server_side_batching", "only RealtimeAPI accepts it, and cortex-java does not run RealtimeAPI");

  private final Problems problems;

  private ApiTreeValidator(@Nullable String file) {
    this.problems = new Problems(file);
  }

  /**
   * Parses and validates the text of a cortex.yaml file.
   *
   * @param yaml the file's text
   * @param file the file name used in error messages
   * @return the APIs in file order
   * @throws ApiConfigException listing every problem
   */
  public static List<ApiSpec> validateYaml(String yaml, String file) {
    ApiTreeValidator validator = new ApiTreeValidator(file);
    JsonNode root = YamlTrees.read(yaml, validator.problems);
    List<ApiSpec> apis = root == null ? List.of() : validator.validateList(root);
    validator.problems.throwIfAny();
    return apis;
  }

  /**
   * Validates one API built in code; errors name the API but no file or index.
   *
   * @param api the API as a cortex.yaml map
   * @return the API
   * @throws ApiConfigException listing every problem
   */
  public static ApiSpec validateBuilt(ObjectNode api) {
    ApiTreeValidator validator = new ApiTreeValidator(null);
    Candidate candidate = validator.firstPass(-1, api);
    validator.secondPass(candidate);
    validator.problems.throwIfAny();
    return Objects.requireNonNull(candidate.spec, "a valid API has a spec");
  }

  /**
   * Writes APIs as the text of a cortex.yaml file that {@link #validateYaml} reads back to equal specs.
   *
   * @param apis the APIs
   * @return the YAML text
   */
  public static String toYaml(List<ApiSpec> apis) {
    ArrayNode list = ApiSpecTrees.newObject().arrayNode();
    apis.forEach(api -> list.add(ApiSpecTrees.toYamlTree(api)));
    return YamlTrees.write(list);
  }

  /** What is known about one API while it is validated. */
  private static final class Candidate {
    final JsonNode node;
    final ApiProblems problems;
    @Nullable String name;
    @Nullable ApiKind kind;
    @Nullable String endpoint;
    @Nullable ApiSpec spec;

    Candidate(JsonNode node, ApiProblems problems) {
      this.node = node;
      this.problems = problems;
    }
  }

  private List<ApiSpec> validateList(JsonNode root) {
    if (root.isMissingNode() || root.isNull()) {
      problems.addFileProblem(Reason.NOT_A_LIST, "is empty; expected a list of APIs");
      return List.of();
    }
    if (!root.isArray()) {
      problems.addFileProblem(
          Reason.NOT_A_LIST,
          "must be a list of APIs (got " + ObjectFields.typeName(root) + "); start each API with \"- name: ...\"");
      return List.of();
    }
    if (root.isEmpty()) {
      problems.addFileProblem(Reason.NOT_A_LIST, "must contain at least one API");
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      candidates.add(firstPass(i, root.get(i)));
    }
    candidates.forEach(this::secondPass);
    checkUnique(candidates);
    List<ApiSpec> apis = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.spec != null) {
        apis.add(candidate.spec);
      }
    }
    return apis;
  }

  // ---------------------------------------------------------------------------------------------- first pass

  private Candidate firstPass(int index, JsonNode node) {
    Candidate candidate = new Candidate(node, problems.forApi(index));
    if (!node.isObject()) {
      candidate.problems.add(
          "", Reason.WRONG_TYPE, "must be a map with at least name and kind (got " + ObjectFields.typeName(node) + ")");
      return candidate;
    }
    JsonNode nameNode = node.get("name");
    if (nameNode != null && nameNode.isTextual()) {
      candidate.problems.setName(nameNode.textValue());
    }
    rejectReferences(node, "", candidate.problems);
    ObjectFields fields = new ObjectFields(node, "", candidate.problems);
    candidate.name = validName(fields);
    candidate.kind = kind(fields);
    return candidate;
  }

  /** Reports every string starting with {@code @} in the API, config maps included, with its path. */
  private static void rejectReferences(JsonNode node, String path, ApiProblems problems) {
    if (ObjectFields.isReference(node)) {
      problems.add(
          path,
          Reason.RESOURCE_REFERENCE,
          "must not start with \"@\" (Cortex reserves it for resource references; got \"" + node.textValue() + "\")");
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        rejectReferences(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        rejectReferences(node.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  private static @Nullable String validName(ObjectFields fields) {
    JsonNode value = fields.raw("name");
    if (value == null || value.isNull()) {
      fields.missing("name", "");
      return null;
    }
    if (ObjectFields.isReference(value)) {
      return null;
    }
    if (!value.isTextual()) {
      fields.wrongType("name", "a string", value);
      return null;
    }
    String name = value.textValue();
    if (name.length() > MAX_NAME_LENGTH) {
      fields.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters (got " + name.length() + ")");
      return null;
    }
    if (!DNS_1035.matcher(name).matches()) {
      fields.invalid(
          "name",
          "must consist of lower case letters, digits and \"-\", start with a letter and end with a letter or digit"
              + " (got \"" + name + "\")");
      return null;
    }
    if (name.startsWith("b-")) {
      fields.invalid("name", "must not start with \"b-\", which Cortex reserves (got \"" + name + "\")");
      return null;
    }
    return name;
  }

  private static @Nullable ApiKind kind(ObjectFields fields) {
    JsonNode value = fields.raw("kind");
    if (value == null || value.isNull()) {
      fields.missing("kind", " (one of " + KINDS + ")");
      return null;
    }
    if (ObjectFields.isReference(value)) {
      return null;
    }
    if (!value.isTextual()) {
      fields.wrongType("kind", "a string", value);
      return null;
    }
    String text = value.textValue();
    if (OTHER_CORTEX_KINDS.contains(text)) {
      fields
          .problems()
          .add(
              "kind",
              Reason.UNSUPPORTED_KIND,
              "cortex-java does not run " + text + " APIs; it runs " + KINDS.replace(", TaskAPI", " and TaskAPI"));
      return null;
    }
    ApiKind kind = ApiKind.fromCortexName(text).orElse(null);
    if (kind == null) {
      fields.invalid("kind", "must be one of " + KINDS + " (got \"" + text + "\")");
    }
    return kind;
  }

  // --------------------------------------------------------------------------------------------- second pass

  private void secondPass(Candidate candidate) {
    ApiKind kind = candidate.kind;
    if (kind == null) {
      return;
    }
    ApiProblems apiProblems = candidate.problems;
    int before = apiProblems.count();
    ObjectFields top = new ObjectFields(candidate.node, "", apiProblems);
    top.raw("name");
    top.raw("kind");
    HandlerSpec handler = null;
    DefinitionSpec definition = null;
    if (kind == ApiKind.TASK_API) {
      JsonNode section = requiredSection(top, "definition");
      if (section != null) {
        definition = definition(new ObjectFields(section, "definition", apiProblems));
      }
    } else {
      JsonNode section = requiredSection(top, "handler");
      if (section != null) {
        handler = handler(new ObjectFields(section, "handler", apiProblems), kind);
      }
    }
    JsonNode networking = optionalSection(top, "networking");
    candidate.endpoint =
        networking == null
            ? (candidate.name == null ? null : "/" + candidate.name)
            : endpoint(new ObjectFields(networking, "networking", apiProblems), candidate.name);
    JsonNode computeNode = optionalSection(top, "compute");
    ComputeSpec compute =
        computeNode == null ? ComputeSpec.defaults() : compute(new ObjectFields(computeNode, "compute", apiProblems));
    AutoscalingSpec autoscaling = null;
    UpdateStrategySpec updateStrategy = null;
    if (kind == ApiKind.ASYNC_API) {
      JsonNode autoscalingNode = optionalSection(top, "autoscaling");
      autoscaling =
          autoscalingNode == null
              ? AutoscalingSpec.defaults()
              : autoscaling(new ObjectFields(autoscalingNode, "autoscaling", apiProblems));
      JsonNode strategyNode = optionalSection(top, "update_strategy");
      updateStrategy =
          strategyNode == null
              ? UpdateStrategySpec.defaults()
              : updateStrategy(new ObjectFields(strategyNode, "update_strategy", apiProblems));
    }
    top.rejectUnread(
        key ->
            SECTIONS.contains(key)
                ? "key \"" + key + "\" is not supported for " + kind + " kind"
                : "key \"" + key + "\" is not supported");
    if (apiProblems.count() == before && candidate.name != null && candidate.endpoint != null && compute != null) {
      candidate.spec =
          new ApiSpec(
              candidate.name,
              kind,
              handler,
              definition,
              new NetworkingSpec(candidate.endpoint),
              compute,
              autoscaling,
              updateStrategy);
    }
  }

  private static @Nullable JsonNode requiredSection(ObjectFields top, String key) {
    JsonNode section = top.raw(key);
    if (section == null || section.isNull()) {
      top.missing(key, "");
      return null;
    }
    if (!section.isObject()) {
      top.wrongType(key, "a map", section);
      return null;
    }
    return section;
  }

  private static @Nullable JsonNode optionalSection(ObjectFields top, String key) {
    JsonNode section = top.present(key);
    if (section != null && !section.isObject()) {
      top.wrongType(key, "a map", section);
      return null;
    }
    return section;
  }

  private static @Nullable HandlerSpec handler(ObjectFields fields, ApiKind kind) {
    handlerType(fields);
    String className = className(fields);
    Integer processes = fields.integer("processes_per_replica", 1);
    if (processes != null && (processes < 1 || processes > 100)) {
      fields.invalid("processes_per_replica", "must be between 1 and 100 (got " + processes + ")");
    } else if (processes != null && processes != 1) {
      fields.invalid("processes_per_replica", "must be 1 for " + kind + " (got " + processes + ")");
    }
    Integer threads = fields.integer("threads_per_process", 1);
    if (threads != null && threads < 1) {
      fields.invalid("threads_per_process", "must be at least 1 (got " + threads + ")");
    } else if (threads != null && threads != 1) {
      fields.invalid("threads_per_process", "must be 1 for " + kind + " (got " + threads + ")");
    }
    LogLevel logLevel = logLevel(fields);
    Map<String, @Nullable Object> config = config(fields);
    Map<String, String> env = env(fields);
    Duration requestTimeout = null;
    Duration requestTtl = null;
    boolean limitsValid = true;
    if (kind == ApiKind.ASYNC_API) {
      // Beyond Cortex: SageMaker's InvocationTimeoutSeconds and RequestTTLSeconds, as Go durations.
      int before = fields.problems().count();
      requestTimeout = requestLimit(fields, "request_timeout");
      requestTtl = requestLimit(fields, "request_ttl");
      limitsValid = fields.problems().count() == before;
    }
    rejectUnreadHandlerKeys(fields);
    if (className == null || processes == null || threads == null || logLevel == null || config == null
        || env == null || !limitsValid) {
      return null;
    }
    return new HandlerSpec(className, config, env, processes, threads, logLevel, requestTimeout, requestTtl);
  }

  /** Reads an optional positive duration of an AsyncAPI's handler; absent or null means no limit. */
  private static @Nullable Duration requestLimit(ObjectFields fields, String key) {
    JsonNode raw = fields.raw(key);
    if (raw == null || raw.isNull()) {
      return null;
    }
    Duration value = fields.duration(key, Duration.ZERO);
    if (value != null && (value.isNegative() || value.isZero())) {
      fields.invalid(key, "must be greater than 0 (got " + text(fields, key) + ")");
      return null;
    }
    return value;
  }

  private static void handlerType(ObjectFields fields) {
    JsonNode value = fields.raw("type");
    if (value == null || value.isNull()) {
      fields.missing("type", " (cortex-java runs handlers of type java)");
      return;
    }
    if (ObjectFields.isReference(value)) {
      return;
    }
    if (!value.isTextual()) {
      fields.wrongType("type", "a string", value);
      return;
    }
    String type = value.textValue();
    if (NON_JAVA_HANDLER_TYPES.contains(type)) {
      fields
          .problems()
          .add(
              fields.pathOf("type"),
              Reason.UNSUPPORTED_HANDLER_TYPE,
              "cortex-java runs Java classes, not " + type + " handlers; use type: java and class: <binary class"
                  + " name, e.g. com.example.MyHandler>");
    } else if (!HandlerSpec.JAVA_TYPE.equals(type)) {
      fields.invalid("type", "must be \"java\" (got \"" + type + "\")");
    }
  }

  private static @Nullable DefinitionSpec definition(ObjectFields fields) {
    String className = className(fields);
    LogLevel logLevel = logLevel(fields);
    Map<String, @Nullable Object> config = config(fields);
    Map<String, String> env = env(fields);
    rejectUnreadHandlerKeys(fields);
    if (className == null || logLevel == null || config == null || env == null) {
      return null;
    }
    return new DefinitionSpec(className, config, env, logLevel);
  }

  private static void rejectUnreadHandlerKeys(ObjectFields fields) {
    fields.rejectUnread(
        key -> {
          String reason = CONTAINER_ONLY_KEYS.get(key);
          return "key \"" + key + "\" is not supported" + (reason == null ? "" : ": " + reason);
        });
  }

  private static @Nullable String className(ObjectFields fields) {
    JsonNode value = fields.raw("class");
    if (value == null || value.isNull()) {
      fields.missing("class", " (the handler's Java binary class name, e.g. com.example.MyHandler)");
      return null;
    }
    if (ObjectFields.isReference(value)) {
      return null;
    }
    if (!value.isTextual()) {
      fields.wrongType("class", "a string", value);
      return null;
    }
    String name = value.textValue();
    if (!JavaNames.isBinaryName(name)) {
      fields.invalid(
          "class", "must be a Java binary class name such as com.example.MyHandler (got \"" + name + "\")");
      return null;
    }
    return name;
  }

  private static @Nullable LogLevel logLevel(ObjectFields fields) {
    JsonNode raw = fields.raw("log_level");
    if (raw == null || raw.isNull()) {
      return LogLevel.INFO;
    }
    String text = fields.string("log_level");
    if (text == null) {
      return null;
    }
    LogLevel level = LogLevel.fromCortexName(text).orElse(null);
    if (level == null) {
      fields.invalid("log_level", "must be one of debug, info, warning, error (got \"" + text + "\")");
    }
    return level;
  }

  private static @Nullable Map<String, @Nullable Object> config(ObjectFields fields) {
    JsonNode value = fields.raw("config");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      fields.wrongType("config", "a map", value);
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> config = (Map<String, @Nullable Object>) ConfigValues.fromTree(value);
    return config;
  }

  private static @Nullable Map<String, String> env(ObjectFields fields) {
    JsonNode value = fields.raw("env");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      fields.wrongType("env", "a map", value);
      return null;
    }
    Map<String, String> env = new LinkedHashMap<>();
    boolean valid = true;
    for (Map.Entry<String, JsonNode> variable : value.properties()) {
      String path = fields.pathOf("env") + "." + variable.getKey();
      JsonNode variableValue = variable.getValue();
      if (variable.getKey().startsWith("CORTEX_")) {
        fields
            .problems()
            .add(path, Reason.RESERVED_ENV, "environment variables starting with CORTEX_ are reserved");
        valid = false;
      } else if (ObjectFields.isReference(variableValue)) {
        valid = false;
      } else if (!variableValue.isTextual()) {
        fields
            .problems()
            .add(
                path,
                Reason.WRONG_TYPE,
                "must be a string (got " + ObjectFields.typeName(variableValue) + "); quote the value");
        valid = false;
      } else {
        env.put(variable.getKey(), variableValue.textValue());
      }
    }
    return valid ? env : null;
  }

  private static @Nullable String endpoint(ObjectFields fields, @Nullable String name) {
    JsonNode raw = fields.raw("endpoint");
    String endpoint = fields.string("endpoint");
    fields.rejectUnread(key -> "key \"" + key + "\" is not supported");
    if (endpoint == null) {
      boolean absent = raw == null || raw.isNull();
      return absent && name != null ? "/" + name : null;
    }
    if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
      fields.invalid(
          "endpoint", "must be at most " + MAX_ENDPOINT_LENGTH + " characters (got " + endpoint.length() + ")");
      return null;
    }
    if (!ENDPOINT.matcher(endpoint).matches()) {
      fields.invalid(
          "endpoint",
          "must contain only letters, digits, \"_\", \"-\", \".\" and \"/\" (got \"" + endpoint + "\")");
      return null;
    }
    if (endpoint.contains("//")) {
      fields.invalid("endpoint", "must not contain \"//\" (got \"" + endpoint + "\")");
      return null;
    }
    String canonical = canonicalEndpoint(endpoint);
    if (canonical.equals("/")) {
      fields.invalid("endpoint", "must not be \"/\" (got \"" + endpoint + "\")");
      return null;
    }
    return canonical;
  }

  /** Cortex's canonical form: a leading {@code /} and no trailing {@code /}. */
  static String canonicalEndpoint(String endpoint) {
    String canonical = endpoint.startsWith("/") ? endpoint : "/" + endpoint;
    if (canonical.length() > 1 && canonical.endsWith("/")) {
      canonical = canonical.substring(0, canonical.length() - 1);
    }
    return canonical;
  }

  private static @Nullable ComputeSpec compute(ObjectFields fields) {
    boolean valid = true;
    JsonNode cpuNode = fields.raw("cpu");
    String cpu = cpuNode == null ? ComputeSpec.DEFAULT_CPU : quantity(fields, "cpu", cpuNode, MIN_CPU, "20m", "200m or 1");
    valid &= cpu != null || cpuNode == null || cpuNode.isNull();
    JsonNode memNode = fields.raw("mem");
    String mem = memNode == null ? null : quantity(fields, "mem", memNode, MIN_MEM, "20Mi", "512Mi or 2Gi");
    valid &= mem != null || memNode == null || memNode.isNull();
    Integer gpu = fields.integer("gpu", 0);
    if (gpu != null && gpu < 0) {
      fields.invalid("gpu", "must be at least 0 (got " + gpu + ")");
      gpu = null;
    }
    Integer inf = fields.integer("inf", 0);
    if (inf != null && (inf < 0 || inf > 1)) {
      fields.invalid("inf", "must be 0 or 1 (got " + inf + ")");
      inf = null;
    }
    if (gpu != null && inf != null && gpu > 0 && inf > 0) {
      fields.problems().add("compute", Reason.INVALID_VALUE, "gpu and inf cannot both be requested");
      valid = false;
    }
    JsonNode groupsNode = fields.raw("node_groups");
    List<String> nodeGroups = null;
    if (groupsNode != null && !groupsNode.isNull()) {
      nodeGroups = nodeGroups(fields, groupsNode);
      valid &= nodeGroups != null;
    }
    fields.rejectUnread(key -> "key \"" + key + "\" is not supported");
    if (!valid || gpu == null || inf == null) {
      return null;
    }
    return new ComputeSpec(cpu, mem, gpu, inf, nodeGroups);
  }

  private static @Nullable String quantity(
      ObjectFields fields, String key, JsonNode value, BigDecimal minimum, String minimumText, String example) {
    if (value.isNull() || ObjectFields.isReference(value)) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      fields.wrongType(key, "a quantity such as " + example, value);
      return null;
    }
    String text = value.asText();
    BigDecimal amount = Quantities.parse(text).orElse(null);
    if (amount == null) {
      fields.invalid(key, "must be a quantity such as " + example + " (got \"" + text + "\")");
      return null;
    }
    if (amount.compareTo(minimum) < 0) {
      fields.invalid(key, "must be at least " + minimumText + " (got " + text + ")");
      return null;
    }
    return text;
  }

  private static @Nullable List<String> nodeGroups(ObjectFields fields, JsonNode value) {
    if (!value.isArray()) {
      fields.wrongType("node_groups", "a list", value);
      return null;
    }
    if (value.isEmpty()) {
      fields.invalid("node_groups", "must not be empty (leave it out to run on any node group)");
      return null;
    }
    List<String> groups = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < value.size(); i++) {
      JsonNode group = value.get(i);
      String path = fields.pathOf("node_groups") + "[" + i + "]";
      if (ObjectFields.isReference(group)) {
        valid = false;
      } else if (!group.isTextual()) {
        fields
            .problems()
            .add(path, Reason.WRONG_TYPE, "must be a string (got " + ObjectFields.typeName(group) + ")");
        valid = false;
      } else if (!NODE_GROUP.matcher(group.textValue()).matches()) {
        fields
            .problems()
            .add(
                path,
                Reason.INVALID_VALUE,
                "must contain only letters, digits, \"_\" and \"-\" (got \"" + group.textValue() + "\")");
        valid = false;
      } else {
        groups.add(group.textValue());
      }
    }
    return valid ? groups : null;
  }

  private static @Nullable AutoscalingSpec autoscaling(ObjectFields fields) {
    int errorsBefore = fields.problems().count();
    Integer min = positive(fields, "min_replicas", 1);
    Integer max = positive(fields, "max_replicas", 100);
    Integer init = fields.integer("init_replicas", min == null ? 1 : min);
    Integer maxConcurrency = fields.integer("max_replica_concurrency", 1024);
    if (maxConcurrency != null && (maxConcurrency < 1 || maxConcurrency > 30_000)) {
      fields.invalid("max_replica_concurrency", "must be between 1 and 30000 (got " + maxConcurrency + ")");
      maxConcurrency = null;
    }
    Double target = fields.number("target_replica_concurrency", 1);
    if (target != null && target <= 0) {
      fields.invalid("target_replica_concurrency", "must be greater than 0 (got " + text(fields, "target_replica_concurrency") + ")");
      target = null;
    }
    Duration window = fields.duration("window", Duration.ofSeconds(60));
    if (window != null && window.compareTo(WINDOW_STEP) < 0) {
      fields.invalid("window", "must be at least 10s (got " + text(fields, "window") + ")");
    } else if (window != null && window.toNanos() % WINDOW_STEP.toNanos() != 0) {
      fields.invalid("window", "must be a multiple of 10s (got " + text(fields, "window") + ")");
    }
    Duration downscalePeriod = notNegative(fields, "downscale_stabilization_period", Duration.ofMinutes(5));
    Duration upscalePeriod = notNegative(fields, "upscale_stabilization_period", Duration.ofMinutes(1));
    Double maxDownscale = fraction(fields, "max_downscale_factor", 0.75);
    Double maxUpscale = fields.number("max_upscale_factor", 1.5);
    if (maxUpscale != null && maxUpscale <= 1) {
      fields.invalid("max_upscale_factor", "must be greater than 1 (got " + text(fields, "max_upscale_factor") + ")");
    }
    Double downscaleTolerance = fraction(fields, "downscale_tolerance", 0.05);
    Double upscaleTolerance = fields.number("upscale_tolerance", 0.05);
    if (upscaleTolerance != null && upscaleTolerance < 0) {
      fields.invalid("upscale_tolerance", "must be at least 0 (got " + text(fields, "upscale_tolerance") + ")");
    }
    if (min != null && max != null && min > max) {
      fields.invalid("min_replicas", "cannot be greater than max_replicas (" + min + " > " + max + ")");
    } else if (min != null && max != null && init != null && (init < min || init > max)) {
      fields.invalid(
          "init_replicas", "must be between min_replicas and max_replicas (" + min + ".." + max + ", got " + init + ")");
    }
    if (target != null && maxConcurrency != null && target > maxConcurrency) {
      fields.invalid(
          "target_replica_concurrency",
          "cannot be greater than max_replica_concurrency (" + text(fields, "target_replica_concurrency") + " > "
              + maxConcurrency + ")");
    }
    fields.rejectUnread(key -> "key \"" + key + "\" is not supported");
    if (fields.problems().count() != errorsBefore) {
      return null;
    }
    return new AutoscalingSpec(
        Objects.requireNonNull(min),
        Objects.requireNonNull(max),
        Objects.requireNonNull(init),
        Objects.requireNonNull(target),
        Objects.requireNonNull(maxConcurrency),
        Objects.requireNonNull(window),
        Objects.requireNonNull(downscalePeriod),
        Objects.requireNonNull(upscalePeriod),
        Objects.requireNonNull(maxDownscale),
        Objects.requireNonNull(maxUpscale),
        Objects.requireNonNull(downscaleTolerance),
        Objects.requireNonNull(upscaleTolerance));
  }

  private static String text(ObjectFields fields, String key) {
    JsonNode value = fields.raw(key);
    return value == null ? "?" : value.asText();
  }

  private static @Nullable Integer positive(ObjectFields fields, String key, int fallback) {
    Integer value = fields.integer(key, fallback);
    if (value != null && value < 1) {
      fields.invalid(key, "must be greater than 0 (got " + value + ")");
      return null;
    }
    return value;
  }

  private static @Nullable Duration notNegative(ObjectFields fields, String key, Duration fallback) {
    Duration value = fields.duration(key, fallback);
    if (value != null && value.isNegative()) {
      fields.invalid(key, "must not be negative (got " + text(fields, key) + ")");
      return null;
    }
    return value;
  }

  private static @Nullable Double fraction(ObjectFields fields, String key, double fallback) {
    Double value = fields.number(key, fallback);
    if (value != null && (value < 0 || value >= 1)) {
      fields.invalid(key, "must be at least 0 and less than 1 (got " + text(fields, key) + ")");
      return null;
    }
    return value;
  }

  private static @Nullable UpdateStrategySpec updateStrategy(ObjectFields fields) {
    String surge = surgeValue(fields, "max_surge");
    String unavailable = surgeValue(fields, "max_unavailable");
    fields.rejectUnread(key -> "key \"" + key + "\" is not supported");
    if (surge == null || unavailable == null) {
      return null;
    }
    if (isZero(surge) && isZero(unavailable)) {
      fields
          .problems()
          .add("update_strategy", Reason.INVALID_VALUE, "max_surge and max_unavailable cannot both be zero");
      return null;
    }
    return new UpdateStrategySpec(surge, unavailable);
  }

  private static @Nullable String surgeValue(ObjectFields fields, String key) {
    JsonNode raw = fields.raw(key);
    if (raw == null || raw.isNull()) {
      return UpdateStrategySpec.DEFAULT_VALUE;
    }
    if (ObjectFields.isReference(raw)) {
      return null;
    }
    String example = "must be a whole number or a percentage from 0% to 100%";
    if (raw.isIntegralNumber() && raw.canConvertToInt() && raw.intValue() >= 0) {
      return Integer.toString(raw.intValue());
    }
    if (!raw.isTextual() && !raw.isNumber()) {
      fields.wrongType(key, "a whole number or a percentage", raw);
      return null;
    }
    String text = raw.asText();
    var percentage = PERCENTAGE.matcher(text);
    if (WHOLE_NUMBER.matcher(text).matches() && text.length() <= 9) {
      return text;
    }
    if (percentage.matches() && percentage.group(1).length() <= 3 && Integer.parseInt(percentage.group(1)) <= 100) {
      return text;
    }
    fields.invalid(key, example + " (got " + (raw.isTextual() ? "\"" + text + "\"" : text) + ")");
    return null;
  }

  private static boolean isZero(String surge) {
    String digits = surge.endsWith("%") ? surge.substring(0, surge.length() - 1) : surge;
    return Integer.parseInt(digits) == 0;
  }

  // ----------------------------------------------------------------------------------------- across the file

  private static void checkUnique(List<Candidate> candidates) {
    Map<String, Integer> names = new HashMap<>();
    Map<String, Candidate> endpoints = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate candidate = candidates.get(i);
      if (candidate.name != null) {
        Integer first = names.putIfAbsent(candidate.name, i);
        if (first != null) {
          candidate.problems.add(
              "name",
              Reason.DUPLICATE_NAME,
              "\"" + candidate.name + "\" is already the name of the api at index " + first);
          candidate.spec = null;
          continue;
        }
      }
      if (candidate.endpoint != null) {
        Candidate first = endpoints.putIfAbsent(candidate.endpoint, candidate);
        if (first != null) {
          candidate.problems.add(
              "networking.endpoint",
              Reason.DUPLICATE_ENDPOINT,
              "\"" + candidate.endpoint + "\" is already the endpoint of api \"" + first.name + "\" (index "
                  + candidates.indexOf(first) + ")");
          candidate.spec = null;
        }
      }
    }
  }
}
