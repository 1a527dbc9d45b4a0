package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.spec.ApiSpec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over real sockets: every rule of Cortex's gateway (§8.1), and where cortex-java does better. */
class AsyncGatewayTest {

  private static final String UUID_JSON = "\\{\"id\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"}\n";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private FakeAsyncCluster cluster;
  private AsyncGateway gateway;

  /**
   * The cluster the tests run against: a map-backed one, so that each rule of the gateway can be set up exactly
   * (cortex-async cannot depend on cortex-client). {@code GatewayOnEmbeddedClusterTest} in cortex-server runs the
   * gateway end to end on the real embedded cluster.
   */
  static FakeAsyncCluster newCluster() {
    FakeAsyncCluster cluster = new FakeAsyncCluster();
    cluster.deploy(ApiSpec.async("iris").handlerClass("com.example.Iris").build());
    return cluster;
  }

  @BeforeEach
  void startGateway() {
    cluster = newCluster();
    gateway = AsyncGateway.builder(cluster).maxBodyBytes(1024).build().start();
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gateway.uri() + path));
  }

  private HttpResponse<String> post(String path, String contentType, byte[] body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).POST(BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String idOf(HttpResponse<String> created) {
    return created.body().substring("{\"id\":\"".length(), created.body().length() - "\"}\n".length());
  }

  @Test
  void listensOnLoopbackAtAnEphemeralPort() {
    assertThat(gateway.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(gateway.port()).isPositive();
  }

  @Test
  void healthzAnswersOkToAnyMethod() throws Exception {
    for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
      HttpResponse<String> answer = send(request("/healthz").method(method, BodyPublishers.noBody()));
      assertThat(answer.statusCode()).as(method).isEqualTo(200);
      assertThat(answer.body()).as(method).isEqualTo("ok");
    }
  }

  @Test
  void createAnswersTheGeneratedIdAsJsonWithANewline() throws Exception {
    HttpResponse<String> created = post("/iris", "application/json", utf8("{\"key\": \"value\"}"));

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).matches(UUID_JSON);
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(cluster.workload("iris", idOf(created)).payload()).isEqualTo(utf8("{\"key\": \"value\"}"));
  }

  @Test
  void createUsesTheRequestIdHeaderAsTheId() throws Exception {
    HttpResponse<String> created = post("/iris", "text/plain", utf8("hi"), "x-request-id", "Req-1.a_b");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).isEqualTo("{\"id\":\"Req-1.a_b\"}\n");
    assertThat(cluster.workloadsOf("iris")).containsOnlyKeys("Req-1.a_b");
  }

  @Test
  void createAcceptsARequestIdOf128Characters() throws Exception {
    String id = "a".repeat(128);

    assertThat(post("/iris", "text/plain", utf8("hi"), "x-request-id", id).body()).isEqualTo("{\"id\":\"" + id + "\"}\n");
  }

  @Test
  void createRejectsARequestIdOf129CharactersNamingTheHeader() throws Exception {
    HttpResponse<String> answer = post("/iris", "text/plain", utf8("hi"), "x-request-id", "a".repeat(129));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo(
            "error: invalid x-request-id header \""
                + "a".repeat(64)
                + "...\": expected 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' and '-' (and not \".\" or \"..\")");
    assertThat(cluster.workloadsOf("iris")).isEmpty();
  }

  @Test
  void createRejectsARequestIdWithASlash() throws Exception {
    HttpResponse<String> answer = post("/iris", "text/plain", utf8("hi"), "X-Request-ID", "a/b");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(answer.body())
        .isEqualTo(
            "error: invalid x-request-id header \"a/b\": expected 1 to 128 characters of A-Z, a-z, 0-9, '.', '_'"
                + " and '-' (and not \".\" or \"..\")");
  }

  @Test
  void createRejectsDotDotAsRequestId() throws Exception {
    assertThat(post("/iris", "text/plain", utf8("hi"), "x-request-id", "..").statusCode()).isEqualTo(400);
  }

  @Test
  void createRejectsAnEmptyRequestId() throws Exception {
    RawHttp.Answer answer =
        RawHttp.exchange(
            gateway.uri(),
            "POST /iris HTTP/1.1",
            "x-request-id:\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n",
            utf8("hi"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).startsWith("error: invalid x-request-id header \"\": expected 1 to 128 characters");
  }

  @Test
  void createRejectsADuplicateIdWith409() throws Exception {
    post("/iris", "text/plain", utf8("first"), "x-request-id", "same");

    HttpResponse<String> again = post("/iris", "text/plain", utf8("second"), "x-request-id", "same");

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).isEqualTo("error: id same already exists for api iris");
    assertThat(cluster.workload("iris", "same").payload()).isEqualTo(utf8("first"));
  }

  @Test
  void createWithoutContentTypeIs400WithCortexText() throws Exception {
    HttpResponse<String> answer = post("/iris", null, utf8("{}"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("error: missing Content-Type key in request header");
    assertThat(cluster.workloadsOf("iris")).isEmpty();
  }

  @Test
  void createWithAnEmptyContentTypeIs400WithCortexText() throws Exception {
    RawHttp.Answer answer =
        RawHttp.exchange(
            gateway.uri(), "POST /iris HTTP/1.1", "Content-Type: \r\nContent-Length: 2\r\n", utf8("{}"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("error: missing Content-Type key in request header");
  }

  @Test
  void createStoresEachContentTypeVerbatimWithItsBytes() throws Exception {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    List<String> types =
        List.of(
            "application/json",
            "application/merge-patch+json",
            "text/plain",
            "text/plain; charset=us-ascii",
            "Application/JSON",
            "application/octet-stream");
    for (String type : types) {
      byte[] body = type.equals("application/octet-stream") ? binary : utf8("{\"type\": \"" + type + "\"}");
      String id = idOf(post("/iris", type, body));
      assertThat(cluster.workload("iris", id).contentType()).isEqualTo(type);
      assertThat(cluster.workload("iris", id).payload()).as(type).isEqualTo(body);
    }
  }

  @Test
  void createAcceptsAnEmptyBody() throws Exception {
    String id = idOf(post("/iris", "application/octet-stream", new byte[0]));

    assertThat(cluster.workload("iris", id).payload()).isEmpty();
  }

  @Test
  void createAcceptsABodyOfExactlyTheLimit() throws Exception {
    HttpResponse<String> answer = post("/iris", "application/octet-stream", new byte[1024]);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(cluster.workload("iris", idOf(answer)).payload()).hasSize(1024);
  }

  @Test
  void createRefusesADeclaredLengthOverTheLimitWithoutReadingTheBody() throws Exception {
    // Declares 100 MiB and sends 10 bytes: the answer can only come if the gateway does not wait for the rest.
    RawHttp.Answer answer =
        RawHttp.exchange(
            gateway.uri(),
            "POST /iris HTTP/1.1",
            "Content-Type: application/octet-stream\r\nContent-Length: 104857600\r\n",
            new byte[10]);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).isEqualTo("error: the request body is larger than the limit of 1024 bytes");
    assertThat(answer.headers()).contains("connection: close");
    assertThat(cluster.workloadsOf("iris")).isEmpty();
  }

  @Test
  void createRefusesAChunkedBodyOverTheLimit() throws Exception {
    String chunk = "a".repeat(600);
    byte[] chunks = utf8("258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");

    RawHttp.Answer answer =
        RawHttp.exchange(
            gateway.uri(),
            "POST /iris HTTP/1.1",
            "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n",
            chunks);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).isEqualTo("error: the request body is larger than the limit of 1024 bytes");
    assertThat(cluster.workloadsOf("iris")).isEmpty();
  }

  @Test
  void createAcceptsAChunkedBodyWithinTheLimit() throws Exception {
    RawHttp.Answer answer =
        RawHttp.exchange(
            gateway.uri(),
            "POST /iris HTTP/1.1",
            "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n",
            utf8("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));

    assertThat(answer.status()).isEqualTo(200);
    String id = answer.body().substring(7, answer.body().length() - 3);
    assertThat(cluster.workload("iris", id).payload()).isEqualTo(utf8("hello world"));
  }

  @Test
  void readAnswersInQueueThenInProgress() throws Exception {
    post("/iris", "text/plain", utf8("x"), "x-request-id", "r1");

    HttpResponse<String> queued = get("/iris/r1");
    cluster.start("iris", "r1");
    HttpResponse<String> running = get("/iris/r1");

    assertThat(queued.statusCode()).isEqualTo(200);
    assertThat(queued.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(queued.body()).isEqualTo("{\"id\":\"r1\",\"status\":\"in_queue\"}\n");
    assertThat(running.body()).isEqualTo("{\"id\":\"r1\",\"status\":\"in_progress\"}\n");
  }

  @Test
  void readAnswersTheResultAsTheHandlerWroteItWithCortexTimestamp() throws Exception {
    post("/iris", "text/plain", utf8("x"), "x-request-id", "r1");
    cluster.complete(
        "iris",
        "r1",
        mapper.readTree("{\"zeta\":1.0,\"alpha\":[1,2.50],\"big\":12345678901234567890,\"s\":\"<é>\"}"),
        Instant.parse("2021-06-01T12:00:00Z"));

    HttpResponse<String> answer = get("/iris/r1");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            "{\"id\":\"r1\",\"status\":\"completed\",\"result\":{\"zeta\":1.0,\"alpha\":[1,2.5],"
                + "\"big\":12345678901234567890,\"s\":\"<é>\"},\"timestamp\":\"2021-06-01T12:00:00Z\"}\n");
  }

  @Test
  void readAnswersAFailureWithItsErrorTypeAndMessage() throws Exception {
    post("/iris", "text/plain", utf8("x"), "x-request-id", "r1");
    cluster.fail("iris", "r1", new WorkloadError("java.lang.IllegalStateException", "model not loaded"));

    assertThat(get("/iris/r1").body())
        .isEqualTo(
            "{\"id\":\"r1\",\"status\":\"failed\",\"error\":{\"type\":\"java.lang.IllegalStateException\","
                + "\"message\":\"model not loaded\"}}\n");
  }

  @Test
  void readOfAnUnknownIdIs404WithCortexText() throws Exception {
    HttpResponse<String> answer = get("/iris/nope");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(answer.body()).isEqualTo("error: id nope not found");
  }

  @Test
  void readOfAnIdThatCannotExistIs404WithoutAskingTheCluster() throws Exception {
    cluster.failEveryCallWith(new IllegalStateException("the cluster must not be asked"));

    HttpResponse<String> answer = get("/iris/a%20b");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: id a%20b not found");
  }

  @Test
  void wrongMethodOnTheEndpointIs405WithAllow() throws Exception {
    HttpResponse<String> answer = get("/iris");

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
    assertThat(answer.body()).isEqualTo("error: method GET is not allowed on /iris (allowed: POST)");
  }

  @Test
  void wrongMethodOnARequestIs405WithAllow() throws Exception {
    HttpResponse<String> answer = send(request("/iris/r1").DELETE());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    assertThat(answer.body()).isEqualTo("error: method DELETE is not allowed on /iris/r1 (allowed: GET, HEAD)");
  }

  @Test
  void unknownPathIs404() throws Exception {
    HttpResponse<String> answer = post("/other", "text/plain", utf8("x"));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: no AsyncAPI is served at /other");
  }

  @Test
  void batchApisAreNotServed() throws Exception {
    cluster.deploy(ApiSpec.batch("reviews").handlerClass("com.example.Reviews").build());

    assertThat(post("/reviews", "text/plain", utf8("x")).statusCode()).isEqualTo(404);
  }

  @Test
  void trailingSlashOnTheEndpointCreatesAsCortexIngressDoes() throws Exception {
    assertThat(post("/iris/", "text/plain", utf8("x")).body()).matches(UUID_JSON);
  }

  @Test
  void servesAnApiAtItsConfiguredEndpoint() throws Exception {
    cluster.deploy(ApiSpec.async("iris-v2").handlerClass("com.example.Iris").endpoint("models/iris").build());

    String id = idOf(post("/models/iris", "application/json", utf8("{}")));

    assertThat(cluster.workloadsOf("iris-v2")).containsOnlyKeys(id);
    assertThat(get("/models/iris/" + id).body()).isEqualTo("{\"id\":\"" + id + "\",\"status\":\"in_queue\"}\n");
  }

  @Test
  void servesAnApiDeployedAfterTheGatewayStarted() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    cluster.deploy(ApiSpec.async("late").handlerClass("com.example.Late").build());

    assertThat(post("/late", "text/plain", utf8("x")).statusCode()).isEqualTo(200);
  }

  @Test
  void readsTheDeployedApisOnceForManyRequests() throws Exception {
    post("/iris", "text/plain", utf8("x"));
    int before = cluster.listCalls();
    for (int i = 0; i < 20; i++) {
      post("/iris", "text/plain", utf8("x"));
    }

    assertThat(cluster.listCalls()).isEqualTo(before);
  }

  @Test
  void aDeletedApiIsNoLongerServed() throws Exception {
    post("/iris", "text/plain", utf8("x"));
    cluster.deleteApi("iris");

    HttpResponse<String> answer = post("/iris", "text/plain", utf8("x"));

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: iris is not deployed");
    assertThat(post("/iris", "text/plain", utf8("x")).body()).isEqualTo("error: no AsyncAPI is served at /iris");
  }

  @Test
  void answersCarryCortexCorsHeaders() throws Exception {
    HttpResponse<String> answer = send(request("/iris/nope").header("Origin", "https://example.com").GET());

    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Content-Length,Content-Range");
  }

  @Test
  void answersWithoutOriginCarryNoCorsHeaders() throws Exception {
    HttpResponse<String> answer = get("/iris/nope");

    assertThat(answer.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void optionsWithoutOriginIs200WithNothing() throws Exception {
    HttpResponse<String> answer =
        send(request("/iris").header("Access-Control-Request-Method", "DELETE").method("OPTIONS", BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(answer.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
  }

  @Test
  void preflightAllowsCortexHeadersAndMethods() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/iris")
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type, x-requested-with, accept")
                .method("OPTIONS", BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type,X-Requested-With");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).hasValue("PUT");
  }

  @Test
  void preflightOfASimpleMethodNamesNoMethod() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/iris")
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
  }

  @Test
  void preflightWithoutRequestMethodIs400() throws Exception {
    HttpResponse<String> answer =
        send(request("/iris").header("Origin", "https://example.com").method("OPTIONS", BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(400);
  }

  @Test
  void preflightOfAMethodCortexDoesNotAllowIs405() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/iris")
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(405);
  }

  @Test
  void preflightOfAHeaderCortexDoesNotAllowIs403() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/iris")
                .header("Origin", "https://example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-request-id")
                .method("OPTIONS", BodyPublishers.noBody()));

    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void anUnexpectedExceptionIs500WithoutDetails() throws Exception {
    cluster.failEveryCallWith(new IllegalStateException("secret detail at com.example.Internal"));

    HttpResponse<String> answer = get("/iris/r1");

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo("error: internal error");
  }

  @Test
  void aClusterErrorIs500WithCortexText() throws Exception {
    cluster.failEveryCallWith(new BackendException("backend.unavailable", "bucket cortex is unavailable"));

    HttpResponse<String> answer = post("/iris", "text/plain", utf8("x"));

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo("error: bucket cortex is unavailable");
  }

  @Test
  void handlesConcurrentRequests() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      answers.add(
          http.sendAsync(
              request("/iris")
                  .header("Content-Type", "text/plain")
                  .header("x-request-id", "r" + i)
                  .POST(BodyPublishers.ofString("body " + i))
                  .build(),
              BodyHandlers.ofString()));
    }
    Set<String> ids = new HashSet<>();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      ids.add(idOf(response));
    }

    assertThat(ids).hasSize(200);
    assertThat(cluster.workload("iris", "r17").payload()).isEqualTo(utf8("body 17"));
  }

  @Test
  void closeLetsARequestInFlightFinishAndStopsListening() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    cluster.beforeSubmit(
        id -> {
          inside.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    CompletableFuture<HttpResponse<String>> inFlight =
        http.sendAsync(
            request("/iris").header("Content-Type", "text/plain").header("x-request-id", "slow")
                .POST(BodyPublishers.ofString("x")).build(),
            BodyHandlers.ofString());
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);
    assertThat(closing).isNotDone();
    release.countDown();
    closing.get(10, TimeUnit.SECONDS);

    assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"id\":\"slow\"}\n");
    assertThat(cluster.workloadsOf("iris")).containsOnlyKeys("slow");
    assertThatThrownBy(() -> get("/healthz")).isInstanceOf(ConnectException.class);
  }

  @Test
  void closeWithNothingInFlightIsQuick() {
    long start = System.nanoTime();
    gateway.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void startsOnlyOnce() {
    assertThatThrownBy(gateway::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the async gateway can be started once (it was started or closed)");
  }

  @Test
  void reportsAPortInUseNamingTheAddress() {
    AsyncGateway second = AsyncGateway.builder(cluster).port(gateway.port()).build();

    assertThatThrownBy(second::start)
        .isInstanceOf(CortexException.class)
        .hasMessageStartingWith("cannot listen on 127.0.0.1:" + gateway.port() + " for the async gateway: ")
        .extracting(e -> ((CortexException) e).kind())
        .isEqualTo(AsyncGateway.BIND_FAILED_KIND);
  }

  @Test
  void setsTcpNoDelayUnlessTheUserChose() {
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }
}
