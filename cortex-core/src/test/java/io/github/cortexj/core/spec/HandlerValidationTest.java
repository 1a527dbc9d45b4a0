package io.github.cortexj.core.spec;

import static io.github.cortexj.core.spec.SpecFixtures.api;
import static io.github.cortexj.core.spec.SpecFixtures.batchWithHandler;
import static io.github.cortexj.core.spec.SpecFixtures.error;
import static io.github.cortexj.core.spec.SpecFixtures.failure;
import static io.github.cortexj.core.spec.SpecFixtures.iris;
import static io.github.cortexj.core.spec.SpecFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.spec.ApiConfigError.Reason;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handler section (BatchAPI, AsyncAPI) and the definition section (TaskAPI). */
class HandlerValidationTest {

  @Test
  void rejectsProcessesPerReplicaOtherThanOneForBatchApi() {
    assertThat(error(batchWithHandler("processes_per_replica: 4")))
        .isEqualTo("cortex.yaml: api \"iris\" (index 0): handler.processes_per_replica: must be 1 for BatchAPI (got 4)");
  }

  @Test
  void rejectsProcessesPerReplicaAbove100() {
    assertThat(error(batchWithHandler("processes_per_replica: 101")))
        .isEqualTo(iris("handler.processes_per_replica: must be between 1 and 100 (got 101)"));
  }

  @Test
  void rejectsThreadsPerProcessOtherThanOneForAsyncApi() {
    assertThat(error(api("name: iris, kind: AsyncAPI, handler: {type: java, class: C, threads_per_process: 8}")))
        .isEqualTo(iris("handler.threads_per_process: must be 1 for AsyncAPI (got 8)"));
  }

  @Test
  void rejectsThreadsPerProcessBelowOne() {
    assertThat(error(batchWithHandler("threads_per_process: 0")))
        .isEqualTo(iris("handler.threads_per_process: must be at least 1 (got 0)"));
  }

  @Test
  void rejectsIntegerFieldGivenAsString() {
    assertThat(error(batchWithHandler("processes_per_replica: '1'")))
        .isEqualTo(iris("handler.processes_per_replica: must be an integer (got string)"));
  }

  @Test
  void rejectsIntegerFieldTooLargeForInt() {
    assertThat(error(batchWithHandler("threads_per_process: 99999999999")))
        .isEqualTo(iris("handler.threads_per_process: is too large (got 99999999999)"));
  }

  @Test
  void rejectsPythonHandlerTypeExplainingThatJavaClassesRun() {
    ApiConfigException failure = failure(api("name: iris, kind: BatchAPI, handler: {type: python, class: C}"));

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.UNSUPPORTED_HANDLER_TYPE);
    assertThat(failure.getMessage())
        .isEqualTo(iris("handler.type: cortex-java runs Java classes, not python handlers; use type: java and"
            + " class: <binary class name, e.g. com.example.MyHandler>"));
  }

  @Test
  void rejectsTensorflowHandlerTypeExplainingThatJavaClassesRun() {
    assertThat(failure(api("name: iris, kind: AsyncAPI, handler: {type: tensorflow, class: C}")).errors())
        .extracting(ApiConfigError::reason)
        .containsExactly(Reason.UNSUPPORTED_HANDLER_TYPE);
  }

  @Test
  void rejectsUnknownHandlerType() {
    assertThat(error(api("name: iris, kind: BatchAPI, handler: {type: kotlin, class: C}")))
        .isEqualTo(iris("handler.type: must be \"java\" (got \"kotlin\")"));
  }

  @Test
  void rejectsMissingHandlerType() {
    assertThat(error(api("name: iris, kind: BatchAPI, handler: {class: C}")))
        .isEqualTo(iris("handler.type: must be provided (cortex-java runs handlers of type java)"));
  }

  @Test
  void rejectsMissingHandlerClass() {
    assertThat(error(api("name: iris, kind: BatchAPI, handler: {type: java}")))
        .isEqualTo(iris("handler.class: must be provided (the handler's Java binary class name, e.g."
            + " com.example.MyHandler)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.example.", "1abc", "com.example.class", "my handler", ".Handler", "a..b"})
  void rejectsHandlerClassThatIsNotABinaryName(String name) {
    assertThat(error(api("name: iris, kind: BatchAPI, handler: {type: java, class: '" + name + "'}")))
        .isEqualTo(iris("handler.class: must be a Java binary class name such as com.example.MyHandler (got \""
            + name + "\")"));
  }

  @Test
  void acceptsNestedClassBinaryName() {
    assertThat(parse(api("name: iris, kind: BatchAPI, handler: {type: java, class: com.example.Outer$Inner}"))
            .get(0).className())
        .isEqualTo("com.example.Outer$Inner");
  }

  @Test
  void rejectsMissingHandlerSection() {
    assertThat(error(api("name: iris, kind: AsyncAPI"))).isEqualTo(iris("handler: must be provided"));
  }

  @Test
  void rejectsHandlerThatIsNotAMap() {
    assertThat(error(api("name: iris, kind: BatchAPI, handler: com.example.H")))
        .isEqualTo(iris("handler: must be a map (got string)"));
  }

  @Test
  void rejectsMissingDefinitionSection() {
    assertThat(error(api("name: iris, kind: TaskAPI"))).isEqualTo(iris("definition: must be provided"));
  }

  @Test
  void rejectsTypeInDefinition() {
    assertThat(error(api("name: iris, kind: TaskAPI, definition: {type: java, class: T}")))
        .isEqualTo(iris("definition.type: key \"type\" is not supported"));
  }

  @Test
  void rejectsUnknownHandlerKey() {
    assertThat(error(batchWithHandler("retries: 3")))
        .isEqualTo(iris("handler.retries: key \"retries\" is not supported"));
  }

  @Test
  void rejectsPythonPathKeyWithReason() {
    assertThat(error(batchWithHandler("path: handler.py")))
        .isEqualTo(iris("handler.path: key \"path\" is not supported: cortex-java loads the Java class named by"
            + " \"class\", not a Python file"));
  }

  @Test
  void rejectsImageKeyWithReason() {
    assertThat(error(api("name: iris, kind: TaskAPI, definition: {class: T, image: 'quay.io/x:1'}")))
        .isEqualTo(iris("definition.image: key \"image\" is not supported: cortex-java runs handlers in this JVM,"
            + " not in a container image"));
  }

  @Test
  void rejectsShmSizeKeyWithReason() {
    assertThat(error(batchWithHandler("shm_size: 1Gi")))
        .isEqualTo(iris("handler.shm_size: key \"shm_size\" is not supported: cortex-java runs handlers in this"
            + " JVM, which has no /dev/shm to size"));
  }

  @Test
  void acceptsEveryLogLevel() {
    for (LogLevel level : LogLevel.values()) {
      assertThat(parse(batchWithHandler("log_level: " + level.cortexName())).get(0).logLevel()).isEqualTo(level);
    }
  }

  @Test
  void rejectsUnknownLogLevel() {
    assertThat(error(batchWithHandler("log_level: verbose")))
        .isEqualTo(iris("handler.log_level: must be one of debug, info, warning, error (got \"verbose\")"));
  }

  @Test
  void keepsConfigOrderTypesAndNulls() {
    Map<String, Object> config =
        parse(batchWithHandler("config: {z: 1, a: text, m: {n: [true, 2.5, null]}, big: 12345678901}"))
            .get(0)
            .config();

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", 1);
    expected.put("a", "text");
    expected.put("m", Map.of("n", Arrays.asList(true, 2.5, null)));
    expected.put("big", 12345678901L);
    assertThat(config).containsExactlyEntriesOf(expected);
  }

  @Test
  void turnsNullConfigIntoEmptyMap() {
    assertThat(parse(batchWithHandler("config: null")).get(0).config()).isEmpty();
  }

  @Test
  void rejectsConfigThatIsNotAMap() {
    assertThat(error(batchWithHandler("config: [a, b]")))
        .isEqualTo(iris("handler.config: must be a map (got list)"));
  }

  @Test
  void returnsUnmodifiableConfig() {
    Map<String, Object> config = parse(batchWithHandler("config: {a: {b: 1}}")).get(0).config();

    assertThat(config).isUnmodifiable();
    @SuppressWarnings("unchecked")
    Map<String, Object> nested = (Map<String, Object>) config.get("a");
    assertThat(nested).isUnmodifiable();
  }

  @Test
  void keepsEnvInFileOrder() {
    assertThat(parse(batchWithHandler("env: {ZED: '1', ALPHA: two}")).get(0).env())
        .containsExactly(Map.entry("ZED", "1"), Map.entry("ALPHA", "two"));
  }

  @Test
  void rejectsEnvStartingWithCortexPrefix() {
    ApiConfigException failure = failure(batchWithHandler("env: {CORTEX_PORT: '8888'}"));

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.RESERVED_ENV);
    assertThat(failure.getMessage())
        .isEqualTo(iris("handler.env.CORTEX_PORT: environment variables starting with CORTEX_ are reserved"));
  }

  @Test
  void rejectsEnvStartingWithCortexPrefixInTaskDefinition() {
    assertThat(error(api("name: iris, kind: TaskAPI, definition: {class: T, env: {CORTEX_X: a}}")))
        .isEqualTo(iris("definition.env.CORTEX_X: environment variables starting with CORTEX_ are reserved"));
  }

  @Test
  void rejectsEnvValueThatIsNotAString() {
    assertThat(error(batchWithHandler("env: {PORT: 8080}")))
        .isEqualTo(iris("handler.env.PORT: must be a string (got integer); quote the value"));
  }

  @Test
  void rejectsEnvThatIsNotAMap() {
    assertThat(error(batchWithHandler("env: [A]"))).isEqualTo(iris("handler.env: must be a map (got list)"));
  }

  @Test
  void reportsEveryProblemOfOneHandler() {
    assertThat(failure(api("name: iris, kind: BatchAPI, handler: {type: python, processes_per_replica: 2,"
            + " models: {}}")).errors())
        .extracting(ApiConfigError::fieldPath)
        .isEqualTo(List.of("handler.type", "handler.class", "handler.processes_per_replica", "handler.models"));
  }
}
