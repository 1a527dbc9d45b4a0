package io.github.cortexj.core.spec;

import static io.github.cortexj.core.spec.SpecFixtures.JAVA_HANDLER;
import static io.github.cortexj.core.spec.SpecFixtures.api;
import static io.github.cortexj.core.spec.SpecFixtures.batchWith;
import static io.github.cortexj.core.spec.SpecFixtures.error;
import static io.github.cortexj.core.spec.SpecFixtures.errors;
import static io.github.cortexj.core.spec.SpecFixtures.failure;
import static io.github.cortexj.core.spec.SpecFixtures.iris;
import static io.github.cortexj.core.spec.SpecFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cortexj.core.spec.ApiConfigError.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The structure of a cortex.yaml file: the list, names, kinds, sections per kind, unknown keys, files. */
class CortexYamlTest {

  @Test
  void parsesBatchApiWithCortexDefaults() {
    List<ApiSpec> apis =
        parse(
            """
            - name: iris
              kind: BatchAPI
              handler:
                type: java
                class: com.example.IrisHandler
            """);

    assertThat(apis)
        .containsExactly(
            new ApiSpec(
                "iris",
                ApiKind.BATCH_API,
                new HandlerSpec("com.example.IrisHandler", Map.of(), Map.of(), 1, 1, LogLevel.INFO),
                null,
                new NetworkingSpec("/iris"),
                new ComputeSpec("200m", null, 0, 0, null),
                null,
                null));
  }

  @Test
  void parsesAsyncApiWithDefaultAutoscalingAndUpdateStrategy() {
    ApiSpec api = parse(api("name: summarizer, kind: AsyncAPI, " + JAVA_HANDLER)).get(0);

    assertThat(api.kind()).isEqualTo(ApiKind.ASYNC_API);
    assertThat(api.autoscaling()).isEqualTo(AutoscalingSpec.defaults());
    assertThat(api.updateStrategy()).isEqualTo(new UpdateStrategySpec("25%", "25%"));
  }

  @Test
  void parsesTaskApiDefinition() {
    ApiSpec api =
        parse(api("name: retrain, kind: TaskAPI, definition: {class: com.example.Retrain, log_level: debug}"))
            .get(0);

    assertThat(api.definition())
        .isEqualTo(new DefinitionSpec("com.example.Retrain", Map.of(), Map.of(), LogLevel.DEBUG));
    assertThat(api.handler()).isNull();
    assertThat(api.className()).isEqualTo("com.example.Retrain");
  }

  @Test
  void parsesSeveralApisInFileOrder() {
    List<ApiSpec> apis =
        parse(
            api("name: b, kind: BatchAPI, " + JAVA_HANDLER)
                + api("name: a, kind: TaskAPI, definition: {class: T}"));

    assertThat(apis).extracting(ApiSpec::name).containsExactly("b", "a");
  }

  @Test
  void acceptsNameOf42Characters() {
    String name = "a".repeat(42);

    assertThat(parse(api("name: " + name + ", kind: BatchAPI, " + JAVA_HANDLER)).get(0).name()).isEqualTo(name);
  }

  @Test
  void rejectsNameLongerThan42Characters() {
    String name = "a".repeat(43);

    assertThat(error(api("name: " + name + ", kind: BatchAPI, " + JAVA_HANDLER)))
        .isEqualTo("cortex.yaml: api \"" + name + "\" (index 0): name: must be at most 42 characters (got 43)");
  }

  @Test
  void rejectsNameThatIsNotDns1035() {
    assertThat(error(api("name: Iris_1, kind: BatchAPI, " + JAVA_HANDLER)))
        .isEqualTo(
            "cortex.yaml: api \"Iris_1\" (index 0): name: must consist of lower case letters, digits and \"-\","
                + " start with a letter and end with a letter or digit (got \"Iris_1\")");
  }

  @Test
  void rejectsNameEndingWithDash() {
    assertThat(failure(api("name: iris-, kind: BatchAPI, " + JAVA_HANDLER)).errors())
        .extracting(ApiConfigError::fieldPath, ApiConfigError::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", Reason.INVALID_VALUE));
  }

  @Test
  void rejectsNameWithBDashPrefix() {
    assertThat(error(api("name: b-iris, kind: BatchAPI, " + JAVA_HANDLER)))
        .isEqualTo(
            "cortex.yaml: api \"b-iris\" (index 0): name: must not start with \"b-\", which Cortex reserves"
                + " (got \"b-iris\")");
  }

  @Test
  void rejectsMissingName() {
    assertThat(error(api("kind: BatchAPI, " + JAVA_HANDLER)))
        .isEqualTo("cortex.yaml: api (index 0): name: must be provided");
  }

  @Test
  void rejectsNameThatIsNotAString() {
    assertThat(error(api("name: 12, kind: BatchAPI, " + JAVA_HANDLER)))
        .isEqualTo("cortex.yaml: api (index 0): name: must be a string (got integer)");
  }

  @Test
  void rejectsMissingKind() {
    assertThat(error(api("name: iris, " + JAVA_HANDLER)))
        .isEqualTo(iris("kind: must be provided (one of BatchAPI, AsyncAPI, TaskAPI)"));
  }

  @Test
  void rejectsUnknownKindCaseSensitively() {
    assertThat(error(api("name: iris, kind: batchapi, " + JAVA_HANDLER)))
        .isEqualTo(iris("kind: must be one of BatchAPI, AsyncAPI, TaskAPI (got \"batchapi\")"));
  }

  @Test
  void rejectsRealtimeApiAsUnsupportedKind() {
    ApiConfigException failure = failure(api("name: iris, kind: RealtimeAPI, handler: {type: python}"));

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.UNSUPPORTED_KIND);
    assertThat(failure.getMessage())
        .isEqualTo(
            iris("kind: cortex-java does not run RealtimeAPI APIs; it runs BatchAPI, AsyncAPI and TaskAPI"));
  }

  @Test
  void rejectsTrafficSplitterAsUnsupportedKind() {
    assertThat(error(api("name: split, kind: TrafficSplitter, apis: []")))
        .isEqualTo(
            "cortex.yaml: api \"split\" (index 0): kind: cortex-java does not run TrafficSplitter APIs; it runs"
                + " BatchAPI, AsyncAPI and TaskAPI");
  }

  @Test
  void rejectsDuplicateNames() {
    assertThat(error(api("name: iris, kind: BatchAPI, " + JAVA_HANDLER) + api("name: iris, kind: TaskAPI,"
            + " definition: {class: T}, networking: {endpoint: other}")))
        .isEqualTo("cortex.yaml: api \"iris\" (index 1): name: \"iris\" is already the name of the api at index 0");
  }

  @Test
  void rejectsDuplicateEndpointsAfterCanonicalisation() {
    String yaml =
        batchWith("networking: {endpoint: models/iris/}")
            + api("name: other, kind: BatchAPI, " + JAVA_HANDLER + ", networking: {endpoint: /models/iris}");

    ApiConfigException failure = failure(yaml);

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.DUPLICATE_ENDPOINT);
    assertThat(failure.getMessage())
        .isEqualTo(
            "cortex.yaml: api \"other\" (index 1): networking.endpoint: \"/models/iris\" is already the endpoint"
                + " of api \"iris\" (index 0)");
  }

  @Test
  void rejectsExplicitEndpointEqualToAnotherApisDefault() {
    String yaml = batchWith("networking: {endpoint: /other}") + api("name: other, kind: BatchAPI, " + JAVA_HANDLER);

    assertThat(error(yaml))
        .isEqualTo(
            "cortex.yaml: api \"other\" (index 1): networking.endpoint: \"/other\" is already the endpoint of api"
                + " \"iris\" (index 0)");
  }

  @Test
  void rejectsUnknownTopLevelKey() {
    assertThat(error(batchWith("labels: {team: ml}"))).isEqualTo(iris("labels: key \"labels\" is not supported"));
  }

  @Test
  void rejectsAutoscalingOnBatchApi() {
    assertThat(error(batchWith("autoscaling: {min_replicas: 1}")))
        .isEqualTo(iris("autoscaling: key \"autoscaling\" is not supported for BatchAPI kind"));
  }

  @Test
  void rejectsUpdateStrategyOnTaskApi() {
    assertThat(error(api("name: iris, kind: TaskAPI, definition: {class: T}, update_strategy: {max_surge: 1}")))
        .isEqualTo(iris("update_strategy: key \"update_strategy\" is not supported for TaskAPI kind"));
  }

  @Test
  void rejectsHandlerOnTaskApi() {
    assertThat(error(api("name: iris, kind: TaskAPI, definition: {class: T}, " + JAVA_HANDLER)))
        .isEqualTo(iris("handler: key \"handler\" is not supported for TaskAPI kind"));
  }

  @Test
  void rejectsDefinitionOnBatchApi() {
    assertThat(error(batchWith("definition: {class: T}")))
        .isEqualTo(iris("definition: key \"definition\" is not supported for BatchAPI kind"));
  }

  @Test
  void rejectsAtPrefixedStringAsResourceReference() {
    ApiConfigException failure = failure(batchWith("networking: {endpoint: '@gateway'}"));

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.RESOURCE_REFERENCE);
    assertThat(failure.getMessage())
        .isEqualTo(
            iris("networking.endpoint: must not start with \"@\" (Cortex reserves it for resource references;"
                + " got \"@gateway\")"));
  }

  @Test
  void rejectsAtPrefixedStringDeepInsideConfig() {
    assertThat(error(batchWith("compute: {cpu: 1}").replace(JAVA_HANDLER,
            "handler: {type: java, class: C, config: {models: [{name: a}, {path: '@s3'}]}}")))
        .isEqualTo(
            iris("handler.config.models[1].path: must not start with \"@\" (Cortex reserves it for resource"
                + " references; got \"@s3\")"));
  }

  @Test
  void rejectsFileThatIsNotAList() {
    ApiConfigException failure = failure("name: iris\nkind: BatchAPI\n");

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.NOT_A_LIST);
    assertThat(failure.getMessage())
        .isEqualTo("cortex.yaml: must be a list of APIs (got map); start each API with \"- name: ...\"");
  }

  @Test
  void rejectsEmptyFile() {
    assertThat(error("# nothing yet\n")).isEqualTo("cortex.yaml: is empty; expected a list of APIs");
  }

  @Test
  void rejectsEmptyList() {
    assertThat(error("[]\n")).isEqualTo("cortex.yaml: must contain at least one API");
  }

  @Test
  void rejectsListElementThatIsNotAMap() {
    assertThat(error("- iris\n"))
        .isEqualTo("cortex.yaml: api (index 0): must be a map with at least name and kind (got string)");
  }

  @Test
  void reportsYamlSyntaxErrorWithLineAndColumn() {
    ApiConfigException failure = failure("- name: iris\n  kind: BatchAPI\n handler: x\n");

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.SYNTAX);
    assertThat(failure.getMessage())
        .isEqualTo("cortex.yaml: line 3, column 2: expected <block end>, but found '<block mapping start>'");
  }

  @Test
  void reportsDuplicateKeyWithLineAndColumn() {
    ApiConfigException failure = failure("- name: iris\n  kind: BatchAPI\n  name: other\n");

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.DUPLICATE_KEY);
    assertThat(failure.getMessage()).isEqualTo("cortex.yaml: line 3, column 7: duplicate key \"name\"");
  }

  @Test
  void reportsEveryErrorOfTheFileTogetherOrderedByApi() {
    String yaml =
        api("name: Bad, kind: BatchAPI, handler: {type: java, class: C, threads_per_process: 2}")
            + api("name: ok, kind: RealtimeAPI")
            + api("name: task, kind: TaskAPI, definition: {class: '1nope'}, extra: 1");

    assertThat(errors(yaml))
        .containsExactly(
            "cortex.yaml: api \"Bad\" (index 0): name: must consist of lower case letters, digits and \"-\", start"
                + " with a letter and end with a letter or digit (got \"Bad\")",
            "cortex.yaml: api \"Bad\" (index 0): handler.threads_per_process: must be 1 for BatchAPI (got 2)",
            "cortex.yaml: api \"ok\" (index 1): kind: cortex-java does not run RealtimeAPI APIs; it runs BatchAPI,"
                + " AsyncAPI and TaskAPI",
            "cortex.yaml: api \"task\" (index 2): definition.class: must be a Java binary class name such as"
                + " com.example.MyHandler (got \"1nope\")",
            "cortex.yaml: api \"task\" (index 2): extra: key \"extra\" is not supported");
  }

  @Test
  void errorsCarryFileIndexNamePathAndReason() {
    ApiConfigError error = failure(batchWith("compute: {gpu: -1}")).errors().get(0);

    assertThat(error)
        .isEqualTo(new ApiConfigError("cortex.yaml", 0, "iris", "compute.gpu", Reason.INVALID_VALUE,
            "must be at least 0 (got -1)"));
  }

  @Test
  void failureHasKindSpecInvalid() {
    assertThat(failure("[]").kind()).isEqualTo("spec.invalid");
  }

  @Test
  void parsesFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("apis.yaml");
    Files.writeString(file, api("name: iris, kind: BatchAPI"), StandardCharsets.UTF_8);

    ApiConfigException failure = catchThrowableOfType(ApiConfigException.class, () -> CortexYaml.parse(file));

    assertThat(failure.getMessage()).isEqualTo(file + ": api \"iris\" (index 0): handler: must be provided");
  }

  @Test
  void reportsMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("cortex.yaml");

    ApiConfigException failure = catchThrowableOfType(ApiConfigException.class, () -> CortexYaml.parse(file));

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.UNREADABLE);
    assertThat(failure.getMessage()).isEqualTo(file + ": file does not exist");
  }

  @Test
  void reportsADirectoryGivenAsTheFileAndNamesTheFileToGive(@TempDir Path dir) {
    ApiConfigException failure = catchThrowableOfType(ApiConfigException.class, () -> CortexYaml.parse(dir));

    assertThat(failure.errors()).extracting(ApiConfigError::reason).containsExactly(Reason.UNREADABLE);
    assertThat(failure.getMessage())
        .isEqualTo(dir + ": is a directory; expected the API configuration file, for example "
            + dir.resolve("cortex.yaml"));
  }

  @Test
  void reportsFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cortex.yaml");
    Files.write(file, new byte[] {'-', ' ', (byte) 0xff});

    assertThat(catchThrowableOfType(ApiConfigException.class, () -> CortexYaml.parse(file)).getMessage())
        .isEqualTo(file + ": is not valid UTF-8");
  }

  @Test
  void writtenYamlParsesBackToEqualSpecs() {
    List<ApiSpec> apis =
        parse(
            asyncApiWithEverything()
                + api("name: retrain, kind: TaskAPI, definition: {class: T, env: {A: b}}, compute: {cpu: null}"));

    assertThat(CortexYaml.parse(CortexYaml.write(apis), "written.yaml")).isEqualTo(apis);
  }

  private static String asyncApiWithEverything() {
    return api(
        "name: iris, kind: AsyncAPI, handler: {type: java, class: a.B$C, log_level: error, config: {x: [1, 2.5,"
            + " null, {y: true}]}, env: {K: v}}, networking: {endpoint: v1/iris}, compute: {cpu: 1, mem: 1Gi, gpu:"
            + " 1, node_groups: [a, b]}, autoscaling: {min_replicas: 2, max_replicas: 5, window: 1m30s,"
            + " target_replica_concurrency: 2.5}, update_strategy: {max_surge: 0, max_unavailable: 50%}");
  }
}
