package io.github.cortexj.core.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One environment of the CLI config: a name and the operator endpoint of the cluster it stands for, as Cortex's
 * {@code cli.yaml} lists them under {@code environments}.
 *
 * <p>The endpoint {@value #LOCAL_ENDPOINT} stands for a cluster embedded in the calling JVM. Any other endpoint is
 * a URL; when it has no scheme, {@code https://} is put in front of it, as Cortex does
 * ({@code example.com:8888} becomes {@code https://example.com:8888}). Surrounding whitespace is removed.
 *
 * <p>Keys of the file's entry other than {@code name} and {@code operator_endpoint} (such as Cortex's legacy
 * {@code provider}) are kept in {@link #otherFields()}, so that saving a config read from a file does not lose
 * them.
 *
 * <p>Immutable and thread safe: the other fields are deep copies, and {@link #otherFields()} hands out copies.
 *
 * @param name at most {@value #MAX_NAME_LENGTH} characters, not empty
 * @param operatorEndpoint {@value #LOCAL_ENDPOINT} or a URL, normalised as described above
 * @param otherFields the entry's other keys, in file order
 */
public record Environment(String name, String operatorEndpoint, Map<String, JsonNode> otherFields) {

  /** The longest environment name Cortex accepts. */
  public static final int MAX_NAME_LENGTH = 63;

  /** The operator endpoint that stands for a cluster embedded in the calling JVM. */
  public static final String LOCAL_ENDPOINT = "local";

  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

  /**
   * Validates and normalises an environment.
   *
   * @throws CliConfigException of kind {@value CliConfigException#INVALID} when the name is empty or too long,
   *     the endpoint is empty or not a URL, or the other fields hold {@code name} or {@code operator_endpoint}
   */
  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operatorEndpoint, "operatorEndpoint");
    Objects.requireNonNull(otherFields, "otherFields");
    checkName(name);
    operatorEndpoint = normaliseEndpoint(name, operatorEndpoint);
    otherFields = copyOf(otherFields);
    for (String key : otherFields.keySet()) {
      if (key.equals("name") || key.equals("operator_endpoint")) {
        throw new CliConfigException(
            CliConfigException.INVALID,
            "environment \"" + name + "\": other fields must not hold \"" + key + "\", a field of its own");
      }
    }
  }

  /**
   * Creates an environment with no other fields.
   *
   * @param name the name
   * @param operatorEndpoint {@value #LOCAL_ENDPOINT} or the operator's URL
   * @return the environment
   * @throws CliConfigException when the name or endpoint is invalid
   */
  public static Environment of(String name, String operatorEndpoint) {
    return new Environment(name, operatorEndpoint, Map.of());
  }

  /**
   * Tells whether this environment stands for a cluster embedded in the calling JVM.
   *
   * @return whether the endpoint is {@value #LOCAL_ENDPOINT}
   */
  public boolean isLocal() {
    return operatorEndpoint.equals(LOCAL_ENDPOINT);
  }

  /**
   * Returns the entry's keys other than {@code name} and {@code operator_endpoint}, in file order.
   *
   * @return an unmodifiable copy whose nodes are copies too
   */
  @Override
  public Map<String, JsonNode> otherFields() {
    return copyOf(otherFields);
  }

  /**
   * Returns a copy of this environment with another operator endpoint, keeping the other fields.
   *
   * @param endpoint {@value #LOCAL_ENDPOINT} or the operator's URL
   * @return the new environment
   */
  public Environment withOperatorEndpoint(String endpoint) {
    return new Environment(name, endpoint, otherFields);
  }

  private static void checkName(String name) {
    if (name.isEmpty()) {
      throw new CliConfigException(CliConfigException.INVALID, "environment name: must not be empty");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME_LENGTH) {
      throw new CliConfigException(
          CliConfigException.INVALID,
          "environment name \"" + name + "\": must be at most " + MAX_NAME_LENGTH + " characters (got " + length
              + ")");
    }
  }

  private static String normaliseEndpoint(String name, String endpoint) {
    String trimmed = endpoint.strip();
    String where = "environment \"" + name + "\": operator_endpoint";
    if (trimmed.isEmpty()) {
      throw new CliConfigException(CliConfigException.INVALID, where + ": must not be empty");
    }
    if (trimmed.equals(LOCAL_ENDPOINT)) {
      return trimmed;
    }
    String url = HAS_SCHEME.matcher(trimmed).matches() ? trimmed : "https://" + trimmed;
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        throw new CliConfigException(
            CliConfigException.INVALID, where + ": \"" + endpoint + "\" is not a URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new CliConfigException(
          CliConfigException.INVALID, where + ": \"" + endpoint + "\" is not a valid URL (" + e.getReason() + ")", e);
    }
    return url;
  }

  static Map<String, JsonNode> copyOf(Map<String, JsonNode> fields) {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "field name"), value.deepCopy()));
    return Collections.unmodifiableMap(copy);
  }
}
