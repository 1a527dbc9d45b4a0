package io.github.cortexj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.async.AsyncGateway;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.payload.Payload;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.AutoscalingSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The async gateway end to end: a real {@link EmbeddedCortexClient} runs the handlers, an {@link AsyncGateway} serves
 * them over real sockets, and {@link HttpClient} is the caller. Where {@code AsyncGatewayTest} (cortex-async) checks
 * every rule of the gateway against a map-backed cluster, this class checks that the two halves agree: what a POST
 * stores is what the worker decodes, and what the worker writes is what a GET answers.
 */
class GatewayOnEmbeddedClusterTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TIMESTAMP = "\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private final CountDownLatch releaseGate = new CountDownLatch(1);
  private EmbeddedCortexClient cluster;
  private AsyncGateway gateway;

  @BeforeEach
  void startClusterAndGateway() {
    cluster = EmbeddedCortexClient.builder().workerThreads(4).build();
    // Describes what reached the handler: the payload's kind, its value and its Content-Type.
    cluster.createApi(
        ApiSpec.async("echo").handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> describe(payload)));
    cluster.createApi(
        ApiSpec.async("picky").handlerClass("unused.Placeholder").build(),
        Handlers.async(
            init -> (payload, context) -> {
              throw new IllegalStateException("model not loaded");
            }));
    cluster.createApi(
        ApiSpec.async("listy").handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> List.of(1, 2)));
    // One replica that holds the request "held" until the test releases it, so the next one waits in the queue.
    cluster.createApi(
        ApiSpec.async("gate")
            .handlerClass("unused.Placeholder")
            .autoscaling(AutoscalingSpec.builder().maxReplicas(1).build())
            .build(),
        Handlers.async(
            init -> (payload, context) -> {
              if (context.requestId().equals("held")) {
                releaseGate.await();
              }
              return mapper.createObjectNode().put("handled", context.requestId());
            }));
    gateway = AsyncGateway.builder(cluster).routeRefreshInterval(Duration.ofMinutes(1)).build().start();
  }

  @AfterEach
  void closeAll() {
    releaseGate.countDown();
    gateway.close();
    cluster.close();
  }

  private ObjectNode describe(Payload payload) {
    ObjectNode seen = mapper.createObjectNode();
    if (payload instanceof Payload.Json json) {
      seen.put("kind", "json").set("value", json.value());
    } else if (payload instanceof Payload.Text text) {
      seen.put("kind", "text").put("value", text.value());
    } else if (payload instanceof Payload.Bytes bytes) {
      seen.put("kind", "bytes").put("value", Base64.getEncoder().encodeToString(bytes.value()));
    }
    return seen.put("content_type", payload.contentType());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(WAIT).build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.uri() + path))
            .header("Content-Type", contentType)
            .POST(BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(gateway.uri() + path)).GET());
  }

  /** Polls {@code GET <path>} until the status is terminal, and answers the last body. */
  private String awaitTerminal(String path) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      HttpResponse<String> answer = get(path);
      String status = mapper.readTree(answer.body()).path("status").asText();
      if (status.equals("completed") || status.equals("failed") || System.nanoTime() > deadline) {
        return answer.body();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  /** Whether a thread of the gateway's pool is running its request handler (reading a body, for one). */
  private static boolean aGatewayThreadIsInItsHandler() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(thread -> thread.getKey().getName().startsWith("cortex-gateway-"))
        .flatMap(thread -> Arrays.stream(thread.getValue()))
        .anyMatch(frame -> frame.getClassName().endsWith(".GatewayHandler"));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String resultOf(String body) {
    int start = body.indexOf("\"result\":") + "\"result\":".length();
    int end = body.lastIndexOf(",\"timestamp\":");
    return body.substring(start, end);
  }

  @Test
  void createAnswersTheIdAndStoresTheWorkloadOnTheCluster() throws Exception {
    HttpResponse<String> created = post("/echo", "application/json", utf8("{}"), "x-request-id", "c1");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).isEqualTo("{\"id\":\"c1\"}\n");
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(cluster.awaitAsync("echo", "c1", WAIT).status()).isEqualTo(AsyncStatus.COMPLETED);
  }

  @Test
  void createWithoutRequestIdAnswersAGeneratedIdTheClusterKnows() throws Exception {
    HttpResponse<String> created = post("/echo", "application/json", utf8("{}"));
    String id = mapper.readTree(created.body()).get("id").asText();

    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(cluster.awaitAsync("echo", id, WAIT).status()).isEqualTo(AsyncStatus.COMPLETED);
  }

  @Test
  void readAnswersInProgressThenInQueueBehindIt() throws Exception {
    post("/gate", "application/json", utf8("{}"), "x-request-id", "held");
    until("held in progress", () -> cluster.getAsync("gate", "held").status() == AsyncStatus.IN_PROGRESS);
    post("/gate", "application/json", utf8("{}"), "x-request-id", "behind");

    HttpResponse<String> inProgress = get("/gate/held");
    HttpResponse<String> inQueue = get("/gate/behind");

    assertThat(inProgress.statusCode()).isEqualTo(200);
    assertThat(inProgress.body()).isEqualTo("{\"id\":\"held\",\"status\":\"in_progress\"}\n");
    assertThat(inProgress.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(inQueue.body()).isEqualTo("{\"id\":\"behind\",\"status\":\"in_queue\"}\n");
  }

  @Test
  void readAnswersTheCompletedResultWithTimestamp() throws Exception {
    releaseGate.countDown();
    post("/gate", "application/json", utf8("{}"), "x-request-id", "done");

    assertThat(awaitTerminal("/gate/done"))
        .matches(
            "\\{\"id\":\"done\",\"status\":\"completed\",\"result\":\\{\"handled\":\"done\"},"
                + TIMESTAMP + "}\n");
  }

  @Test
  void completedResultKeepsKeyOrderAndNumberText() throws Exception {
    String json = "{\"zeta\":1.0,\"alpha\":[1,2.5],\"big\":12345678901234567890,\"s\":\"<é>\"}";
    post("/echo", "application/json", utf8(json), "x-request-id", "exact");

    assertThat(resultOf(awaitTerminal("/echo/exact")))
        .isEqualTo("{\"kind\":\"json\",\"value\":" + json + ",\"content_type\":\"application/json\"}");
  }

  @Test
  void readAnswersTheErrorOfAThrowingHandler() throws Exception {
    post("/picky", "application/json", utf8("{}"), "x-request-id", "boom");

    assertThat(awaitTerminal("/picky/boom"))
        .isEqualTo(
            "{\"id\":\"boom\",\"status\":\"failed\",\"error\":{\"type\":\"java.lang.IllegalStateException\","
                + "\"message\":\"model not loaded\"}}\n");
  }

  @Test
  void readAnswersTheErrorOfANonObjectResult() throws Exception {
    post("/listy", "application/json", utf8("{}"), "x-request-id", "list");
    String listType = List.of(1, 2).getClass().getTypeName();

    assertThat(awaitTerminal("/listy/list"))
        .isEqualTo(
            "{\"id\":\"list\",\"status\":\"failed\",\"error\":{\"type\":\"async.invalid_result\","
                + "\"message\":\"handler response must be a JSON object (Map, record, POJO or ObjectNode), got "
                + listType + " instead\"}}\n");
  }

  @Test
  void readOfAnUnknownIdIs404() throws Exception {
    HttpResponse<String> answer = get("/echo/nobody");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: id nobody not found");
  }

  @Test
  void createRejectsADuplicateRequestIdWith409AndKeepsTheFirst() throws Exception {
    post("/echo", "text/plain", utf8("first"), "x-request-id", "twice");

    HttpResponse<String> again = post("/echo", "text/plain", utf8("second"), "x-request-id", "twice");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("error: id twice already exists for api echo");
    assertThat(cluster.awaitAsync("echo", "twice", WAIT).result().get("value").asText()).isEqualTo("first");
  }

  @Test
  void jsonReachesTheHandlerAsJson() throws Exception {
    post("/echo", "application/json", utf8("[1,\"two\"]"), "x-request-id", "j");

    assertThat(resultOf(awaitTerminal("/echo/j")))
        .isEqualTo("{\"kind\":\"json\",\"value\":[1,\"two\"],\"content_type\":\"application/json\"}");
  }

  @Test
  void plusJsonReachesTheHandlerAsJson() throws Exception {
    post("/echo", "application/vnd.api+json", utf8("{\"a\":true}"), "x-request-id", "pj");

    assertThat(resultOf(awaitTerminal("/echo/pj")))
        .isEqualTo("{\"kind\":\"json\",\"value\":{\"a\":true},\"content_type\":\"application/vnd.api+json\"}");
  }

  @Test
  void textWithoutCharsetReachesTheHandlerAsUtf8Text() throws Exception {
    post("/echo", "text/plain", utf8("héllo"), "x-request-id", "t");

    assertThat(resultOf(awaitTerminal("/echo/t")))
        .isEqualTo("{\"kind\":\"text\",\"value\":\"héllo\",\"content_type\":\"text/plain\"}");
  }

  @Test
  void textWithACharsetReachesTheHandlerDecodedInIt() throws Exception {
    post("/echo", "text/plain; charset=ISO-8859-1", "héllo".getBytes(StandardCharsets.ISO_8859_1),
        "x-request-id", "tl");

    assertThat(resultOf(awaitTerminal("/echo/tl")))
        .isEqualTo("{\"kind\":\"text\",\"value\":\"héllo\",\"content_type\":\"text/plain; charset=ISO-8859-1\"}");
  }

  @Test
  void binaryReachesTheHandlerAsTheSameBytes() throws Exception {
    post("/echo", "application/octet-stream", new byte[] {0, 1, 2, (byte) 0xff}, "x-request-id", "b");

    assertThat(resultOf(awaitTerminal("/echo/b")))
        .isEqualTo("{\"kind\":\"bytes\",\"value\":\"AAEC/w==\",\"content_type\":\"application/octet-stream\"}");
  }

  @Test
  void undecodablePayloadFailsTheRequestNamingItsContentType() throws Exception {
    post("/echo", "application/json", utf8("{not json"), "x-request-id", "bad");

    JsonNode answer = mapper.readTree(awaitTerminal("/echo/bad"));

    assertThat(answer.get("status").asText()).isEqualTo("failed");
    assertThat(answer.at("/error/message").asText())
        .startsWith("the uploaded payload, with content-type application/json, could not be decoded to JSON");
  }

  @Test
  void servesAnApiDeployedAfterTheGatewayStartedWithoutRestart() throws Exception {
    assertThat(get("/late/x").statusCode()).isEqualTo(404);
    cluster.createApi(
        ApiSpec.async("late").handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> mapper.createObjectNode().put("late", true)));

    HttpResponse<String> created = post("/late", "application/json", utf8("{}"), "x-request-id", "l1");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(resultOf(awaitTerminal("/late/l1"))).isEqualTo("{\"late\":true}");
  }

  @Test
  void closingTheGatewayFinishesTheCreateInFlightAndTheClusterHasIt() throws Exception {
    byte[] body = utf8("{\"slow\":true}");
    try (Socket socket = new Socket(gateway.uri().getHost(), gateway.port())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      // The headers and the first byte of the body: the request is in the gateway's hands, waiting for the rest.
      out.write(
          utf8("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "x-request-id: inflight\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"));
      out.write(body, 0, 1);
      out.flush();
      Thread closer = new Thread(gateway::close, "gateway-closer");
      until("the create reaches the gateway's handler", GatewayOnEmbeddedClusterTest::aGatewayThreadIsInItsHandler);
      closer.start();
      until("close waits for the request in flight",
          () -> closer.getState() == Thread.State.TIMED_WAITING || !closer.isAlive());
      assertThat(closer.isAlive()).as("close waits for the create in flight").isTrue();

      out.write(body, 1, body.length - 1);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      closer.join(WAIT.toMillis());

      assertThat(closer.isAlive()).as("gateway closed").isFalse();
      assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n{\"id\":\"inflight\"}\n");
    }
    assertThat(cluster.awaitAsync("echo", "inflight", WAIT).result().get("value").toString())
        .isEqualTo("{\"slow\":true}");
  }

  @Test
  void closingTheClusterFinishesTheRequestBeingHandledAndKeepsTheQueuedOne() throws Exception {
    post("/gate", "application/json", utf8("{}"), "x-request-id", "held");
    until("held in progress", () -> cluster.getAsync("gate", "held").status() == AsyncStatus.IN_PROGRESS);
    post("/gate", "application/json", utf8("{}"), "x-request-id", "behind");
    gateway.close();
    Thread closer = new Thread(cluster::close, "cluster-closer");
    closer.start();
    until("close waits for the handler", () -> closer.getState() == Thread.State.TIMED_WAITING);

    releaseGate.countDown();
    closer.join(WAIT.toMillis());

    assertThat(closer.isAlive()).as("cluster closed").isFalse();
    assertThat(cluster.getAsync("gate", "held").status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(cluster.getAsync("gate", "behind").status()).isEqualTo(AsyncStatus.IN_QUEUE);
  }
}
