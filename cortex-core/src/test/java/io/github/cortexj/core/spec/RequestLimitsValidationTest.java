package io.github.cortexj.core.spec;

import static io.github.cortexj.core.spec.SpecFixtures.api;
import static io.github.cortexj.core.spec.SpecFixtures.batchWithHandler;
import static io.github.cortexj.core.spec.SpecFixtures.error;
import static io.github.cortexj.core.spec.SpecFixtures.iris;
import static io.github.cortexj.core.spec.SpecFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code handler.request_timeout} and {@code handler.request_ttl}: AsyncAPI settings beyond Cortex. */
class RequestLimitsValidationTest {

  private static String asyncHandler(String handlerFields) {
    return api("name: iris, kind: AsyncAPI, handler: {type: java, class: com.example.IrisHandler, "
        + handlerFields + "}");
  }

  @Test
  void parsesRequestTimeoutAndTtlAsGoDurations() {
    HandlerSpec handler = parse(asyncHandler("request_timeout: 90s, request_ttl: 1h30m")).get(0).handler();

    assertThat(handler.requestTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(handler.requestTtl()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void leavesRequestLimitsUnsetByDefault() {
    HandlerSpec handler = parse(asyncHandler("config: {}")).get(0).handler();

    assertThat(handler.requestTimeoutIfAny()).isEmpty();
    assertThat(handler.requestTtlIfAny()).isEmpty();
  }

  @Test
  void rejectsZeroRequestTimeout() {
    assertThat(error(asyncHandler("request_timeout: 0s")))
        .isEqualTo(iris("handler.request_timeout: must be greater than 0 (got 0s)"));
  }

  @Test
  void rejectsNegativeRequestTtl() {
    assertThat(error(asyncHandler("request_ttl: -5m")))
        .isEqualTo(iris("handler.request_ttl: must be greater than 0 (got -5m)"));
  }

  @Test
  void rejectsRequestTimeoutThatIsNotAGoDuration() {
    assertThat(error(asyncHandler("request_timeout: soon")))
        .isEqualTo(iris("handler.request_timeout: must be a duration such as 60s or 5m (got \"soon\")"));
  }

  @Test
  void rejectsRequestTimeoutOnBatchApi() {
    assertThat(error(batchWithHandler("request_timeout: 10s")))
        .isEqualTo(iris("handler.request_timeout: key \"request_timeout\" is not supported"));
  }

  @Test
  void builderWritesRequestLimitsAndToBuilderKeepsThem() {
    ApiSpec spec =
        ApiSpec.async("iris")
            .handlerClass("com.example.IrisHandler")
            .requestTimeout(Duration.ofSeconds(5))
            .requestTtl(Duration.ofMinutes(2))
            .build();

    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    assertThat(spec.toSpecJson().get("handler").get("request_timeout").asLong()).isEqualTo(5_000_000_000L);
    assertThat(spec.toSpecJson().get("handler").get("request_ttl").asLong()).isEqualTo(120_000_000_000L);
  }
}
