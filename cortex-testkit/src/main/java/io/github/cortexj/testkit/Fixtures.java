package io.github.cortexj.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads test inputs (batch items, request payloads, config) from class-path resources: JSON, text or binary,
 * with errors that name the resource.
 *
 * <pre>{@code
 * List<JsonNode> reviews = Fixtures.jsonList("reviews/three-reviews.json");   // a JSON array, or JSON lines
 * byte[] image = Fixtures.bytes("images/cat.png");
 * String prompt = Fixtures.text("prompts/summary.txt");
 * }</pre>
 *
 * <p>Resource names are absolute class-path names without a leading {@code /} ({@code reviews/a.json} is
 * {@code src/test/resources/reviews/a.json} under Maven), looked up with the thread's context class loader.
 * Stateless and thread safe.
 */
public final class Fixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /**
   * Reads a resource's bytes.
   *
   * @param resource the resource name
   * @return the bytes
   * @throws IllegalArgumentException when there is no such resource
   */
  public static byte[] bytes(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Fixtures.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("fixture \"" + name + "\" is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read fixture \"" + name + "\"", e);
    }
  }

  /**
   * Reads a UTF-8 text resource.
   *
   * @param resource the resource name
   * @return the text
   */
  public static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8);
  }

  /**
   * Reads a JSON resource.
   *
   * @param resource the resource name
   * @return the JSON tree
   * @throws IllegalArgumentException when it is not JSON
   */
  public static JsonNode json(String resource) {
    try {
      return JSON.readTree(bytes(resource));
    } catch (IOException e) {
      throw new IllegalArgumentException("fixture \"" + resource + "\" is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a list of JSON values: a JSON array, or JSON lines (one value per non-blank line).
   *
   * @param resource the resource name
   * @return the values, in order
   * @throws IllegalArgumentException when it is neither
   */
  public static List<JsonNode> jsonList(String resource) {
    String text = text(resource).strip();
    List<JsonNode> items = new ArrayList<>();
    try {
      if (text.startsWith("[")) {
        JSON.readTree(text).forEach(items::add);
        return List.copyOf(items);
      }
      int line = 0;
      for (String row : text.split("\n", -1)) {
        line++;
        if (!row.isBlank()) {
          try {
            items.add(JSON.readTree(row));
          } catch (IOException e) {
            throw new IllegalArgumentException(
                "fixture \"" + resource + "\", line " + line + ", is not JSON: " + row.strip(), e);
          }
        }
      }
      return List.copyOf(items);
    } catch (IOException e) {
      throw new IllegalArgumentException("fixture \"" + resource + "\" is not a JSON array", e);
    }
  }

  /**
   * Reads a JSON resource bound to a type.
   *
   * @param resource the resource name
   * @param type the type
   * @param <T> the type
   * @return the value
   */
  public static <T> T json(String resource, Class<T> type) {
    try {
      return JSON.readValue(bytes(resource), type);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "fixture \"" + resource + "\" does not bind to " + type.getName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON resource bound to a generic type, such as {@code new TypeReference<List<Review>>() {}}.
   *
   * @param resource the resource name
   * @param type the type
   * @param <T> the type
   * @return the value
   */
  public static <T> T json(String resource, TypeReference<T> type) {
    try {
      return JSON.readValue(bytes(resource), type);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "fixture \"" + resource + "\" does not bind to " + type.getType() + ": " + e.getMessage(), e);
    }
  }
}
