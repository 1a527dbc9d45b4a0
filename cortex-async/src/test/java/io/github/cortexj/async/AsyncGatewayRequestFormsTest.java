package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway over real sockets, with requests in the forms real clients send beside the plain ones: {@code HEAD},
 * percent-encoded paths, doubled and trailing slashes.
 */
class AsyncGatewayRequestFormsTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeAsyncCluster cluster;
  private AsyncGateway gateway;

  @BeforeEach
  void startGateway() {
    cluster = AsyncGatewayTest.newCluster();
    gateway = AsyncGateway.builder(cluster).maxBodyBytes(1024).build().start();
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(gateway.uri() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, BodyPublishers.noBody())
            .build(),
        BodyHandlers.ofString());
  }

  private HttpResponse<String> create(String path, String id) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(gateway.uri() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain")
            .header("x-request-id", id)
            .POST(BodyPublishers.ofString("hi"))
            .build(),
        BodyHandlers.ofString());
  }

  @Test
  void headOnARequestAnswersTheStatusAndLengthOfGetWithoutABody() throws Exception {
    create("/iris", "r1");
    HttpResponse<String> get = send("GET", "/iris/r1");

    HttpResponse<String> head = send("HEAD", "/iris/r1");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void headOnAnUnknownRequestIs404WithoutABody() throws Exception {
    HttpResponse<String> head = send("HEAD", "/iris/nope");

    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf("error: id nope not found".length()));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void wrongMethodOnARequestNamesHeadAsAllowed() throws Exception {
    HttpResponse<String> answer = send("PUT", "/iris/r1");

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    assertThat(answer.body()).isEqualTo("error: method PUT is not allowed on /iris/r1 (allowed: GET, HEAD)");
  }

  @Test
  void headAnswersMakeTheJdkServerLogNoWarning() throws Exception {
    Logger serverLog = Logger.getLogger("com.sun.net.httpserver");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler recorder =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    serverLog.addHandler(recorder);
    try {
      assertThat(send("HEAD", "/healthz").statusCode()).isEqualTo(200);
      assertThat(send("HEAD", "/iris").statusCode()).isEqualTo(405);
      assertThat(send("HEAD", "/other").statusCode()).isEqualTo(404);
    } finally {
      serverLog.removeHandler(recorder);
    }

    assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
  }

  @Test
  void aContentTypeThatIsNoMediaTypeIs400NamingTheHeaderAndNothingIsStored() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway.uri() + "/iris"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain; charset=")
                .POST(BodyPublishers.ofString("hi"))
                .build(),
            BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo("error: invalid Content-Type header \"text/plain; charset=\": expected a value at index 20");
    assertThat(cluster.workloadsOf("iris")).isEmpty();
  }

  @Test
  void aHugeIdIsEchoedShortenedIn404() throws Exception {
    String id = "a".repeat(100_000);

    HttpResponse<String> answer = send("GET", "/iris/" + id);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: id " + "a".repeat(128) + "... not found");
  }

  @Test
  void aHugeUnknownPathIsEchoedShortenedIn404() throws Exception {
    String path = "/" + "b".repeat(100_000) + "/c";

    HttpResponse<String> answer = send("GET", path);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: no AsyncAPI is served at " + path.substring(0, 256) + "...");
  }

  @Test
  void aHugePathIsEchoedShortenedIn405() throws Exception {
    String path = "/iris/" + "d".repeat(100_000);

    HttpResponse<String> answer = send("PUT", path);

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.body())
        .isEqualTo("error: method PUT is not allowed on " + path.substring(0, 256) + "... (allowed: GET, HEAD)");
  }

  @Test
  void anIdOf128CharactersIsEchoedWholeIn404() throws Exception {
    String id = "z".repeat(128);

    assertThat(send("GET", "/iris/" + id).body()).isEqualTo("error: id " + id + " not found");
  }

  @Test
  void aPercentEncodedIdIsTheIdItEncodes() throws Exception {
    create("/iris", "r-1.a_b");

    HttpResponse<String> answer = send("GET", "/iris/r%2D1%2Ea%5Fb");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).startsWith("{\"id\":\"r-1.a_b\",");
  }

  @Test
  void aPercentEncodedEndpointIsTheEndpointItEncodes() throws Exception {
    HttpResponse<String> answer = create("/ir%69s", "r2");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(cluster.workloadsOf("iris")).containsOnlyKeys("r2");
  }

  @Test
  void anEncodedSlashSeparatesNothing() throws Exception {
    create("/iris", "r1");

    HttpResponse<String> answer = send("GET", "/iris%2Fr1");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: no AsyncAPI is served at /iris%2Fr1");
  }

  @Test
  void aPathStartingWithTwoSlashesIsNamedAsSent() throws Exception {
    HttpResponse<String> answer = send("GET", "//iris/r1");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("error: no AsyncAPI is served at //iris/r1");
  }

  @Test
  void anEmptyIdAfterTheEndpointIsNoRequest() throws Exception {
    HttpResponse<String> get = send("GET", "/iris//");
    HttpResponse<String> post = create("/iris//", "r3");

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(get.body()).isEqualTo("error: no AsyncAPI is served at /iris//");
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.body()).isEqualTo("error: no AsyncAPI is served at /iris//");
  }
}
