package io.github.cortexj.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building specs in code: defaults, the same validation as cortex.yaml, and messages without a file. */
class ApiSpecBuilderTest {

  /** A handler class to name in specs; never instantiated. */
  static final class IrisHandler {}

  @Test
  void buildsBatchApiWithDefaults() {
    ApiSpec api = ApiSpec.batch("iris").handlerClass(IrisHandler.class).config(Map.of("k", 1)).build();

    assertThat(api)
        .isEqualTo(
            new ApiSpec(
                "iris",
                ApiKind.BATCH_API,
                new HandlerSpec(IrisHandler.class.getName(), Map.of("k", 1), Map.of(), 1, 1, LogLevel.INFO),
                null,
                new NetworkingSpec("/iris"),
                ComputeSpec.defaults(),
                null,
                null));
  }

  @Test
  void namesNestedHandlerClassByItsBinaryName() {
    assertThat(ApiSpec.batch("iris").handlerClass(IrisHandler.class).build().className())
        .isEqualTo("io.github.cortexj.core.spec.ApiSpecBuilderTest$IrisHandler");
  }

  @Test
  void buildsAsyncApiWithAutoscalingAndCanonicalEndpoint() {
    ApiSpec api =
        ApiSpec.async("summarizer")
            .handlerClass("com.example.Summarizer")
            .endpoint("v1/summarize/")
            .autoscaling(AutoscalingSpec.builder().minReplicas(2).maxReplicas(4).window(Duration.ofSeconds(30)).build())
            .build();

    assertThat(api.networking().endpoint()).isEqualTo("/v1/summarize");
    assertThat(api.autoscaling().initReplicas()).isEqualTo(2);
    assertThat(api.updateStrategy()).isEqualTo(UpdateStrategySpec.defaults());
  }

  @Test
  void buildsTaskApiWithDefinition() {
    ApiSpec api = ApiSpec.task("retrain").handlerClass("com.example.Retrain").env("A", "b").build();

    assertThat(api.definition()).isEqualTo(new DefinitionSpec("com.example.Retrain", Map.of(), Map.of("A", "b"),
        LogLevel.INFO));
  }

  @Test
  void reportsEveryProblemWithTheApiNameAndNoFile() {
    ApiConfigException failure =
        catchThrowableOfType(
            ApiConfigException.class,
            () ->
                ApiSpec.batch("iris")
                    .processesPerReplica(2)
                    .env("CORTEX_X", "1")
                    .compute(ComputeSpec.builder().cpu("1m").build())
                    .build());

    assertThat(failure.getMessage())
        .isEqualTo(
            String.join(
                "\n",
                "api \"iris\": handler.class: must be provided (the handler's Java binary class name, e.g."
                    + " com.example.MyHandler)",
                "api \"iris\": handler.processes_per_replica: must be 1 for BatchAPI (got 2)",
                "api \"iris\": handler.env.CORTEX_X: environment variables starting with CORTEX_ are reserved",
                "api \"iris\": compute.cpu: must be at least 20m (got 1m)"));
  }

  @Test
  void rejectsAutoscalingOnBatchApi() {
    assertThatThrownBy(
            () -> ApiSpec.batch("iris").handlerClass("a.B").autoscaling(AutoscalingSpec.defaults()).build())
        .isInstanceOf(ApiConfigException.class)
        .hasMessage("api \"iris\": autoscaling: key \"autoscaling\" is not supported for BatchAPI kind");
  }

  @Test
  void rejectsAtPrefixedConfigValue() {
    assertThatThrownBy(() -> ApiSpec.task("t").handlerClass("a.B").config(Map.of("m", "@model")).build())
        .hasMessage("api \"t\": definition.config.m: must not start with \"@\" (Cortex reserves it for resource"
            + " references; got \"@model\")");
  }

  @Test
  void toBuilderDerivesAChangedCopy() {
    ApiSpec api = ApiSpec.async("a").handlerClass("a.B").env("X", "1").build();

    ApiSpec changed = api.toBuilder().logLevel(LogLevel.DEBUG).build();

    assertThat(changed).isEqualTo(new ApiSpec("a", ApiKind.ASYNC_API,
        new HandlerSpec("a.B", Map.of(), Map.of("X", "1"), 1, 1, LogLevel.DEBUG), null, new NetworkingSpec("/a"),
        ComputeSpec.defaults(), AutoscalingSpec.defaults(), UpdateStrategySpec.defaults()));
  }

  @Test
  void canonicalConstructorRejectsSectionTheKindDoesNotHave() {
    assertThatThrownBy(
            () -> new ApiSpec("t", ApiKind.TASK_API, null, new DefinitionSpec("a.B", Map.of(), Map.of(),
                LogLevel.INFO), new NetworkingSpec("/t"), ComputeSpec.defaults(), AutoscalingSpec.defaults(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TaskAPI has no autoscaling section");
  }

  @Test
  void canonicalConstructorRejectsMissingHandler() {
    assertThatThrownBy(
            () -> new ApiSpec("b", ApiKind.BATCH_API, null, null, new NetworkingSpec("/b"), ComputeSpec.defaults(),
                null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BatchAPI requires a handler section");
  }
}
