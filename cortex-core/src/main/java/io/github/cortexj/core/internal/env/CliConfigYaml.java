package io.github.cortexj.core.internal.env;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.cortexj.core.env.CliConfig;
import io.github.cortexj.core.env.CliConfigException;
import io.github.cortexj.core.env.Environment;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code cli.yaml} text into a {@link CliConfig} and writes one back, in Cortex's layout: the other
 * top-level keys first (Cortex writes {@code telemetry} first), then {@code default_environment} and
 * {@code environments}, each entry {@code name}, {@code operator_endpoint}, then its other keys. Every failure
 * to parse is a {@link CliConfigException} naming the source and the field. Thread safe: the mappers are
 * configured once and never changed.
 */
public final class CliConfigYaml {

  private static final YAMLMapper READER =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLMapper WRITER =
      new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  private CliConfigYaml() {}

  /**
   * Parses the text of a {@code cli.yaml}. Empty text (or only comments) is the empty config. Keys are
   * case-sensitive; Cortex's legacy {@code provider} key of an environment must be {@code aws} or empty.
   *
   * @param yaml the text
   * @param source what to call the text in messages, usually the file's path
   * @return the config, exactly as written (no default is filled in)
   * @throws CliConfigException when the text is not YAML, a field has the wrong type, or a value is invalid
   */
  public static CliConfig parse(String yaml, String source) {
    JsonNode root;
    try {
      root = READER.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw invalid(source, describe(e), e);
    } catch (RuntimeException e) {
      // SnakeYAML reports some malformed input (and nesting limits) with its own unchecked exceptions.
      throw invalid(source, String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid YAML"), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return CliConfig.empty();
    }
    if (!root.isObject()) {
      throw invalid(source, "must be a mapping with default_environment and environments (got " + typeOf(root)
          + ")", null);
    }
    String defaultEnvironment = null;
    List<Environment> environments = new ArrayList<>();
    Map<String, JsonNode> others = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "default_environment" -> defaultEnvironment = optionalString(value, "default_environment", source);
        case "environments" -> environments = environments(value, source);
        default -> others.put(field.getKey(), value);
      }
    }
    try {
      return new CliConfig(defaultEnvironment, environments, others);
    } catch (CliConfigException e) {
      throw new CliConfigException(e.kind(), source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a config as {@code cli.yaml} text that {@link #parse} reads back to an equal config.
   *
   * @param config the config
   * @return the YAML text
   */
  public static String write(CliConfig config) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    config.otherFields().forEach(root::set);
    String defaultEnvironment = config.defaultEnvironment();
    root.set("default_environment", defaultEnvironment == null ? nodes.nullNode() : nodes.textNode(defaultEnvironment));
    ArrayNode environments = root.putArray("environments");
    for (Environment environment : config.environments()) {
      ObjectNode entry = environments.addObject();
      entry.put("name", environment.name());
      entry.put("operator_endpoint", environment.operatorEndpoint());
      environment.otherFields().forEach(entry::set);
    }
    try {
      return WRITER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Environment> environments(JsonNode value, String source) {
    List<Environment> environments = new ArrayList<>();
    if (value.isNull()) {
      return environments;
    }
    if (!value.isArray()) {
      throw invalid(source, "environments: must be a list (got " + typeOf(value) + ")", null);
    }
    for (int i = 0; i < value.size(); i++) {
      environments.add(environment(value.get(i), "environments[" + i + "]", source));
    }
    return environments;
  }

  private static Environment environment(JsonNode entry, String path, String source) {
    if (!entry.isObject()) {
      throw invalid(source, path + ": must be a mapping with name and operator_endpoint (got " + typeOf(entry) + ")",
          null);
    }
    String name = null;
    String endpoint = null;
    Map<String, JsonNode> others = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : entry.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      switch (key) {
        case "name" -> name = optionalString(value, path + ".name", source);
        case "operator_endpoint" -> endpoint = optionalString(value, path + ".operator_endpoint", source);
        case "provider" -> {
          String provider = optionalString(value, path + ".provider", source);
          if (provider != null && !provider.isEmpty() && !provider.equals("aws")) {
            throw invalid(source, path + ".provider: must be \"aws\" or empty (got \"" + provider + "\")", null);
          }
          others.put(key, value);
        }
        default -> others.put(key, value);
      }
    }
    if (name == null) {
      throw invalid(source, path + ".name: must be defined", null);
    }
    if (endpoint == null) {
      throw invalid(source, path + ".operator_endpoint: must be defined", null);
    }
    try {
      return new Environment(name, endpoint, others);
    } catch (CliConfigException e) {
      throw new CliConfigException(e.kind(), source + ": " + path + ": " + e.getMessage(), e);
    }
  }

  private static @Nullable String optionalString(JsonNode value, String path, String source) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw invalid(source, path + ": must be a string (got " + typeOf(value) + ")", null);
    }
    return value.textValue();
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "a mapping";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static CliConfigException invalid(String source, String message, @Nullable Throwable cause) {
    return new CliConfigException(CliConfigException.INVALID, source + ": " + message, cause);
  }

  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml) {
      Mark mark = yaml.getProblemMark();
      String problem = yaml.getProblem();
      String text = problem != null ? problem : String.valueOf(yaml.getMessage()).lines().findFirst().orElse("");
      return mark == null ? text : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + text;
    }
    String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message;
    }
    return message;
  }
}
