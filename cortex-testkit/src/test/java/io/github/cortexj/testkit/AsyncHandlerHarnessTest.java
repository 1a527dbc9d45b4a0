package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.InvalidAsyncResultException;
import io.github.cortexj.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class AsyncHandlerHarnessTest {

  /** Answers with what it received and the config it was built with. */
  public static final class Echo implements AsyncHandler {
    private final Map<String, Object> config;

    public Echo(Map<String, Object> config) {
      this.config = config;
    }

    @Override
    public Object handleAsync(Payload payload, AsyncContext context) {
      String kind = payload instanceof Payload.Json ? "json" : payload instanceof Payload.Text ? "text" : "bytes";
      return Map.of("kind", kind, "request_id", context.requestId(), "api", context.apiName(),
          "greeting", String.valueOf(config.get("greeting")));
    }
  }

  @Test
  void handlesAJsonBodyWithTheApiConfigAndReturnsTheStoredResult() throws Exception {
    AsyncHandlerHarness harness =
        AsyncHandlerHarness.forClass(Echo.class).apiName("echo").apiConfig(Map.of("greeting", "hi")).build();

    assertThat(harness.handleJson("{\"text\":\"great\"}").toString()).contains("\"kind\":\"json\"")
        .contains("\"request_id\":\"request-1\"").contains("\"api\":\"echo\"").contains("\"greeting\":\"hi\"");
  }

  @Test
  void parsesTheBodyByItsContentTypeAsTheGatewayDoes() throws Exception {
    AsyncHandlerHarness harness = AsyncHandlerHarness.forClass(Echo.class).build();

    assertThat(harness.handleText("plain").path("kind").asText()).isEqualTo("text");
    assertThat(harness.handle(new byte[] {1, 2}, "application/octet-stream").path("kind").asText())
        .isEqualTo("bytes");
    assertThat(harness.handle("{}".getBytes(StandardCharsets.UTF_8), "application/json").path("request_id").asText())
        .isEqualTo("request-3");
  }

  @Test
  void theRequestIdAndOtherContextFieldsCanBeSet() throws Exception {
    AsyncHandlerHarness harness = AsyncHandlerHarness.forClass(Echo.class).build();

    assertThat(harness.handle(new Payload.Text("x", "text/plain"), context -> context.requestId("r-42"))
        .path("request_id").asText()).isEqualTo("r-42");
  }

  @Test
  void aResultThatIsNotAJsonObjectFailsAsInTheRuntime() throws Exception {
    AsyncHandlerHarness harness = AsyncHandlerHarness.forFactory(init -> (payload, context) -> List.of(1)).build();

    assertThatThrownBy(() -> harness.handleJson("{}"))
        .isInstanceOf(InvalidAsyncResultException.class)
        .hasMessageContaining("java.util.ImmutableCollections$List12");
  }
}
