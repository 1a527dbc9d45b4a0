package io.github.cortexj.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Helpers for the cortex.yaml tests: flow-style APIs and the error lines a file produces. */
final class SpecFixtures {

  static final String FILE = "cortex.yaml";
  static final String JAVA_HANDLER = "handler: {type: java, class: com.example.IrisHandler}";

  private SpecFixtures() {}

  /** One API in flow style: {@code - {<fields>}}. */
  static String api(String fields) {
    return "- {" + fields + "}\n";
  }

  /** A batch API named iris with the given handler fields after type and class. */
  static String batchWithHandler(String handlerFields) {
    return api("name: iris, kind: BatchAPI, handler: {type: java, class: com.example.IrisHandler, "
        + handlerFields + "}");
  }

  /** An async API named iris with a Java handler and the given extra top-level fields. */
  static String asyncWith(String fields) {
    return api("name: iris, kind: AsyncAPI, " + JAVA_HANDLER + ", " + fields);
  }

  /** A batch API named iris with a Java handler and the given extra top-level fields. */
  static String batchWith(String fields) {
    return api("name: iris, kind: BatchAPI, " + JAVA_HANDLER + ", " + fields);
  }

  static List<ApiSpec> parse(String yaml) {
    return CortexYaml.parse(yaml, FILE);
  }

  static ApiConfigException failure(String yaml) {
    ApiConfigException failure =
        catchThrowableOfType(ApiConfigException.class, () -> CortexYaml.parse(yaml, FILE));
    assertThat(failure).as("expected %s to be rejected", yaml).isNotNull();
    return failure;
  }

  /** The error lines the file produces, as users see them. */
  static List<String> errors(String yaml) {
    return failure(yaml).errors().stream().map(ApiConfigError::toString).toList();
  }

  /** The single error line the file produces. */
  static String error(String yaml) {
    List<String> errors = errors(yaml);
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  /** The prefix of an error about the API iris at index 0. */
  static String iris(String rest) {
    return "cortex.yaml: api \"iris\" (index 0): " + rest;
  }
}
