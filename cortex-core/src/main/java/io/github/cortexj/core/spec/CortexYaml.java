package io.github.cortexj.core.spec;

import io.github.cortexj.core.internal.spec.ApiTreeValidator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes cortex.yaml files: a YAML list of APIs of the kinds {@code BatchAPI}, {@code AsyncAPI} and
 * {@code TaskAPI}, validated with Cortex's rules.
 *
 * <pre>{@code
 * try {
 *   List<ApiSpec> apis = CortexYaml.parse(Path.of("cortex.yaml"));
 * } catch (ApiConfigException e) {
 *   e.errors().forEach(System.err::println);   // every problem, one per line
 * }
 * }</pre>
 *
 * <p>Validation follows Cortex: name rules (DNS-1035, at most 42 characters, no {@code b-} prefix), unique names
 * and endpoints, unknown keys rejected ("key X is not supported"), only the sections each kind accepts, strings
 * starting with {@code @} rejected anywhere, {@code CORTEX_} environment variables reserved. Handlers are Java
 * classes ({@code type: java}); Cortex's Python-only fields are rejected with the reason. Every problem in the
 * file is reported in one {@link ApiConfigException}, each naming the file, the API and the field path.
 *
 * <p>Stateless and thread safe.
 */
public final class CortexYaml {

  private CortexYaml() {}

  /**
   * Reads and validates a cortex.yaml file. Error messages name the file as {@code file.toString()} gives it.
   *
   * @param file the file, UTF-8
   * @return the APIs in file order
   * @throws ApiConfigException listing every problem, or the one that the file cannot be read
   */
  public static List<ApiSpec> parse(Path file) {
    String fileName = file.toString();
    String yaml;
    if (Files.isDirectory(file)) {
      throw unreadable(
          fileName, "is a directory; expected the API configuration file, for example " + file.resolve("cortex.yaml"));
    }
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(fileName, "file does not exist");
    } catch (CharacterCodingException e) {
      throw unreadable(fileName, "is not valid UTF-8");
    } catch (IOException e) {
      throw unreadable(fileName, "cannot be read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    return parse(yaml, fileName);
  }

  /**
   * Validates the text of a cortex.yaml file.
   *
   * @param yaml the YAML text
   * @param fileName the name to use in error messages, for example {@code cortex.yaml}
   * @return the APIs in file order
   * @throws ApiConfigException listing every problem
   */
  public static List<ApiSpec> parse(String yaml, String fileName) {
    return ApiTreeValidator.validateYaml(
        Objects.requireNonNull(yaml, "yaml"), Objects.requireNonNull(fileName, "fileName"));
  }

  /**
   * Writes APIs as cortex.yaml text, with every field explicit; {@link #parse(String, String)} reads it back to
   * equal specs.
   *
   * @param apis the APIs
   * @return the YAML text
   */
  public static String write(List<ApiSpec> apis) {
    return ApiTreeValidator.toYaml(List.copyOf(apis));
  }

  private static ApiConfigException unreadable(String fileName, String message) {
    return new ApiConfigException(
        List.of(new ApiConfigError(fileName, -1, null, "", ApiConfigError.Reason.UNREADABLE, message)));
  }
}
