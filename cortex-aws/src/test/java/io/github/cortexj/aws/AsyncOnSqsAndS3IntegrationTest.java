package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.payload.Payload;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs AsyncAPI requests end to end on an {@link EmbeddedCortexClient} built on {@link SqsQueueBackend}
 * (ElasticMQ) and {@link S3ObjectStore} (S3Proxy): payloads, markers, results and errors go through the real S3
 * wire protocol, request ids through a real FIFO queue. Time passes for real.
 */
@DisplayName("async requests on SqsQueueBackend + S3ObjectStore over ElasticMQ + S3Proxy")
class AsyncOnSqsAndS3IntegrationTest {

  private static final String API = "echo";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static LocalAwsServers servers;

  private final String clusterName = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private final String rootKeyPrefix = "async-" + UUID.randomUUID() + "/";
  private final List<AutoCloseable> resources = new ArrayList<>();
  private S3ObjectStore store;

  @BeforeAll
  static void startServers() throws Exception {
    servers = LocalAwsServers.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    servers.close();
  }

  @AfterEach
  void closeClusters() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  /** Echoes what the handler received; a JSON object with {@code "fail": true} fails. */
  private static Object echo(Payload payload) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (payload instanceof Payload.Json json) {
      if (json.value().path("fail").asBoolean()) {
        throw new IllegalStateException("asked to fail");
      }
      out.put("json", json.value());
    } else if (payload instanceof Payload.Text text) {
      out.put("text", text.value());
    } else if (payload instanceof Payload.Bytes bytes) {
      out.put("bytes", HexFormat.of().formatHex(bytes.value()));
    }
    out.put("content_type", payload.contentType());
    return out;
  }

  private EmbeddedCortexClient cluster() {
    SqsQueueBackend queues = SqsQueueBackend.create(servers.sqsOptions().build());
    resources.add(queues);
    store = S3ObjectStore.create(servers.s3Options(rootKeyPrefix).build());
    resources.add(store);
    EmbeddedCortexClient cortex =
        EmbeddedCortexClient.builder().queueBackend(queues).objectStore(store).clusterName(clusterName).build();
    resources.add(cortex);
    cortex.createApi(
        ApiSpec.async(API).handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> echo(payload)));
    return cortex;
  }

  private List<String> keysOf(String id) {
    String prefix = "cortex/workloads/" + API + "/" + id + "/";
    return store.listAll(prefix).stream().map(ObjectInfo::key).map(key -> key.substring(prefix.length())).toList();
  }

  @Test
  void completesJsonTextAndBinaryRequestsAndReadsThemBackFromS3() throws Exception {
    EmbeddedCortexClient cortex = cluster();

    String json = cortex.submitAsync(API, "{\"key\": \"value\", \"n\": 1.50}".getBytes(StandardCharsets.UTF_8),
        "application/json", "json-1");
    String text = cortex.submitAsync(API, "héllo".getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    String binary = cortex.submitAsync(API, new byte[] {0, 1, (byte) 0xfe}, "application/octet-stream");

    AsyncResult jsonResult = cortex.awaitAsync(API, json, WAIT);
    AsyncResult textResult = cortex.awaitAsync(API, text, WAIT);
    AsyncResult binaryResult = cortex.awaitAsync(API, binary, WAIT);

    assertThat(jsonResult.status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(jsonResult.result().toString())
        .isEqualTo("{\"json\":{\"key\":\"value\",\"n\":1.5},\"content_type\":\"application/json\"}");
    assertThat(jsonResult.timestamp()).isNotNull();
    assertThat(textResult.result().get("text").asText()).isEqualTo("héllo");
    assertThat(binaryResult.result().get("bytes").asText()).isEqualTo("0001fe");
    assertThat(keysOf("json-1"))
        .containsExactly("result.json", "status/completed", "status/in_progress", "status/in_queue");
  }

  @Test
  void storesAFailedRequestsErrorInS3AndDeletesItsPayload() throws Exception {
    EmbeddedCortexClient cortex = cluster();

    String id = cortex.submitAsync(API, "{\"fail\": true}".getBytes(StandardCharsets.UTF_8), "application/json");
    AsyncResult result = cortex.awaitAsync(API, id, WAIT);

    assertThat(result.status()).isEqualTo(AsyncStatus.FAILED);
    assertThat(result.error()).isEqualTo(new WorkloadError("java.lang.IllegalStateException", "asked to fail"));
    assertThat(keysOf(id)).containsExactly("error.json", "status/failed", "status/in_progress", "status/in_queue");
  }

  @Test
  void anotherClusterOnTheSameBucketReadsTheResult() throws Exception {
    EmbeddedCortexClient first = cluster();
    String id = first.submitAsync(API, "{}".getBytes(StandardCharsets.UTF_8), "application/json", "shared");
    first.awaitAsync(API, id, WAIT);

    EmbeddedCortexClient second = cluster();

    assertThat(second.getAsync(API, "shared").result().toString())
        .isEqualTo("{\"json\":{},\"content_type\":\"application/json\"}");
  }
}
