package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker steps of §8.2: payload decoding, the handler call, the result, and failures. */
class AsyncWorkerTest {

  private static final String PREFIX = "cortex/workloads/" + AsyncCluster.API + "/";

  private final AsyncCluster cluster = new AsyncCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  /** Echoes what the handler received: the payload's Java type, value and Content-Type. */
  private static Object echo(Payload payload) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (payload instanceof Payload.Json json) {
      out.put("kind", "json");
      out.put("value", json.value());
    } else if (payload instanceof Payload.Text text) {
      out.put("kind", "text");
      out.put("value", text.value());
    } else if (payload instanceof Payload.Bytes bytes) {
      out.put("kind", "bytes");
      out.put("value", HexFormat.of().formatHex(bytes.value()));
    }
    out.put("content_type", payload.contentType());
    return out;
  }

  @Test
  void completesAJsonRequestWithTheHandlersObject() {
    cluster.deploy(
        (payload, context) -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("id", context.requestId());
          out.put("echo", echo(payload));
          return out;
        });

    String id = cluster.submit("req-1", "{\"key\": \"value\"}", "application/json");
    AsyncResult result = cluster.awaitEnd(id);

    assertThat(result.status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(result.result().toString())
        .isEqualTo(
            "{\"id\":\"req-1\",\"echo\":{\"kind\":\"json\",\"value\":{\"key\":\"value\"},"
                + "\"content_type\":\"application/json\"}}");
    assertThat(result.timestamp()).isEqualTo(cluster.clock.instant());
    assertThat(result.error()).isNull();
  }

  @Test
  void passesPlusJsonBodiesAsJson() {
    cluster.deploy((payload, context) -> echo(payload));

    AsyncResult result = cluster.awaitEnd(cluster.submit("p", "[1,2]", "application/merge-patch+json"));

    assertThat(result.result().get("kind").asText()).isEqualTo("json");
    assertThat(result.result().get("value").toString()).isEqualTo("[1,2]");
  }

  @Test
  void passesTextWithoutCharsetAsUtf8() {
    cluster.deploy((payload, context) -> echo(payload));

    AsyncResult result = cluster.awaitEnd(cluster.submit("t", "héllo", "text/plain"));

    assertThat(result.result().get("kind").asText()).isEqualTo("text");
    assertThat(result.result().get("value").asText()).isEqualTo("héllo");
  }

  @Test
  void passesTextInTheCharsetItDeclares() {
    cluster.deploy((payload, context) -> echo(payload));
    byte[] latin1 = "héllo".getBytes(StandardCharsets.ISO_8859_1);

    String id = cluster.runtime.submit(AsyncCluster.API, latin1, "text/plain; charset=ISO-8859-1", null);
    AsyncResult result = cluster.awaitEnd(id);

    assertThat(result.result().get("value").asText()).isEqualTo("héllo");
    assertThat(result.result().get("content_type").asText()).isEqualTo("text/plain; charset=ISO-8859-1");
  }

  @Test
  void passesOtherContentTypesAsRawBytes() {
    cluster.deploy((payload, context) -> echo(payload));

    String id =
        cluster.runtime.submit(
            AsyncCluster.API, new byte[] {0, (byte) 0xff, 0x10}, "application/octet-stream", null);
    AsyncResult result = cluster.awaitEnd(id);

    assertThat(result.result().get("kind").asText()).isEqualTo("bytes");
    assertThat(result.result().get("value").asText()).isEqualTo("00ff10");
  }

  @Test
  void storesThePayloadWithItsContentTypeVerbatimWhileTheRequestRuns() {
    AtomicReference<String> seen = new AtomicReference<>();
    cluster.deploy(
        (payload, context) -> {
          seen.set(cluster.store.head(PREFIX + context.requestId() + "/payload").orElseThrow().contentType()
              + " " + cluster.store.head(PREFIX + context.requestId() + "/status/in_progress").isPresent());
          return Map.of();
        });

    cluster.awaitEnd(cluster.submit("ct", "x", "Text/Plain;  charset=UTF-8"));

    assertThat(seen.get()).isEqualTo("Text/Plain;  charset=UTF-8 true");
  }

  @Test
  void deletesThePayloadAndKeepsMarkersAndResultOnceCompleted() {
    cluster.deploy((payload, context) -> Map.of("ok", true));

    cluster.awaitEnd(cluster.submit("done", "{}", "application/json"));

    assertThat(cluster.store.listAll(PREFIX + "done/").stream().map(info -> info.key().substring(PREFIX.length())))
        .containsExactly("done/result.json", "done/status/completed", "done/status/in_progress", "done/status/in_queue");
  }

  @Test
  void keepsTheHandlersKeyOrderAndNumberText() throws Exception {
    String json = "{\"z\":1.0,\"a\":12345678901234567890123,\"m\":0.10,\"e\":1E+400,\"i\":-7}";
    ObjectMapper exact =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    ObjectNode node = (ObjectNode) exact.readTree(json);
    cluster.deploy((payload, context) -> node);

    AsyncResult result = cluster.awaitEnd(cluster.submit("exact", "{}", "application/json"));

    assertThat(new ObjectMapper().writeValueAsString(result.result())).isEqualTo(json);
    assertThat(cluster.store.get(PREFIX + "exact/result.json").orElseThrow().text()).isEqualTo(json);
  }

  @Test
  void keepsTheKeyOrderOfAMapResult() {
    cluster.deploy(
        (payload, context) -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("zeta", 1.0);
          out.put("alpha", 2);
          return out;
        });

    assertThat(cluster.awaitEnd(cluster.submitJson("{}")).result().toString()).isEqualTo("{\"zeta\":1.0,\"alpha\":2}");
  }

  @Test
  void failsARequestWhoseHandlerThrowsAndStoresTheError() {
    cluster.deploy(
        (payload, context) -> {
          throw new IllegalStateException("model not loaded");
        });

    AsyncResult result = cluster.awaitEnd(cluster.submit("bad", "{}", "application/json"));

    assertThat(result.status()).isEqualTo(AsyncStatus.FAILED);
    assertThat(result.error()).isEqualTo(new WorkloadError("java.lang.IllegalStateException", "model not loaded"));
    assertThat(result.result()).isNull();
    assertThat(cluster.store.head(PREFIX + "bad/payload")).isEmpty();
    assertThat(cluster.store.get(PREFIX + "bad/error.json").orElseThrow().text())
        .isEqualTo("{\"type\":\"java.lang.IllegalStateException\",\"message\":\"model not loaded\"}");
  }

  @Test
  void keepsTheReplicaAliveAfterAHandlerError() {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger built = new AtomicInteger();
    cluster.deploy(
        spec -> spec,
        Handlers.async(
            init -> {
              built.incrementAndGet();
              return (payload, context) -> {
                if (calls.incrementAndGet() == 1) {
                  throw new AssertionError("an Error, not an Exception");
                }
                return Map.of("call", calls.get());
              };
            }));

    AsyncResult first = cluster.awaitEnd(cluster.submitJson("{}"));
    AsyncResult second = cluster.awaitEnd(cluster.submitJson("{}"));

    assertThat(first.error()).isEqualTo(new WorkloadError("java.lang.AssertionError", "an Error, not an Exception"));
    assertThat(second.status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(built.get()).isEqualTo(1);
  }

  @Test
  void failsARequestWhoseHandlerReturnsAList() {
    cluster.deploy((payload, context) -> new ArrayList<>(List.of(1, 2)));

    AsyncResult result = cluster.awaitEnd(cluster.submitJson("{}"));

    assertThat(result.error())
        .isEqualTo(
            new WorkloadError(
                "async.invalid_result",
                "handler response must be a JSON object (Map, record, POJO or ObjectNode), got java.util.ArrayList"
                    + " instead"));
  }

  @Test
  void failsARequestWhoseHandlerReturnsNull() {
    cluster.deploy((payload, context) -> null);

    assertThat(cluster.awaitEnd(cluster.submitJson("{}")).error().message())
        .isEqualTo("handler response must be a JSON object (Map, record, POJO or ObjectNode), got null instead");
  }

  @Test
  void failsARequestWhosePayloadIsNotTheJsonItClaims() {
    cluster.deploy((payload, context) -> Map.of());

    AsyncResult result = cluster.awaitEnd(cluster.submit("broken", "{not json", "application/json"));

    assertThat(result.error().type()).isEqualTo("async.payload_decode_failed");
    assertThat(result.error().message()).startsWith("the uploaded payload, with content-type application/json,");
  }

  @Test
  void failsEveryRequestWithTheReasonWhenTheHandlerCannotBeBuilt() {
    cluster.deploy(
        spec -> spec,
        Handlers.async(
            init -> {
              throw new IllegalArgumentException("no model at s3://missing");
            }));

    AsyncResult first = cluster.awaitEnd(cluster.submitJson("{}"));
    AsyncResult second = cluster.awaitEnd(cluster.submitJson("{}"));

    assertThat(first.error().type()).isEqualTo("handler.constructor_failed");
    assertThat(first.error().message())
        .startsWith("the handler of async api scorer could not be built: ")
        .contains("java.lang.IllegalArgumentException: no model at s3://missing");
    assertThat(second.error()).isEqualTo(first.error());
  }

  @Test
  void buildsTheHandlerWithTheApiConfigOnly() {
    AtomicReference<Map<String, Object>> config = new AtomicReference<>();
    cluster.deploy(
        spec -> spec.config(Map.of("threshold", 0.5, "labels", Map.of("pos", "good"))),
        Handlers.async(
            init -> {
              config.set(init.config());
              return (payload, context) -> Map.of();
            }));

    cluster.awaitEnd(cluster.submitJson("{\"config\": {\"threshold\": 0.9}}"));

    assertThat(config.get()).isEqualTo(Map.of("threshold", 0.5, "labels", Map.of("pos", "good")));
  }
}
