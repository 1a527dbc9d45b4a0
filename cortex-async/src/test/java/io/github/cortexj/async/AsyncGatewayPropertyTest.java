package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever a client sends, the gateway answers it on purpose: never a 5xx, never a stack trace. */
class AsyncGatewayPropertyTest {

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

  private static Gen<String> headerValues() {
    // Visible ASCII with inner spaces: what an HTTP header value can carry.
    return strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(0, 140)
        .mix(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(1, 20).map(s -> "a" + s + "z"), 20);
  }

  private static Gen<byte[]> bodies() {
    return lists().of(integers().between(-128, 127)).ofSizeBetween(0, 1500).map(values -> {
      byte[] bytes = new byte[values.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = values.get(i).byteValue();
      }
      return bytes;
    });
  }

  private HttpResponse<String> post(String path, String contentType, String requestId, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.uri() + path)).timeout(Duration.ofSeconds(10))
            .POST(BodyPublishers.ofByteArray(body));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    if (!requestId.isEmpty()) {
      request.header("x-request-id", requestId);
    }
    try {
      return http.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void arbitraryBodiesContentTypesAndRequestIdsNeverGiveA5xx() {
    qt().withExamples(300)
        .forAll(bodies(), headerValues(), headerValues())
        .checkAssert(
            (body, contentType, requestId) -> {
              HttpResponse<String> answer = post("/iris", contentType, requestId, body);
              assertThat(answer.statusCode()).isBetween(200, 499);
              assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
              if (answer.statusCode() == 200) {
                String id = answer.body().substring(7, answer.body().length() - 3);
                assertThat(cluster.workload("iris", id).payload()).isEqualTo(body);
                assertThat(cluster.workload("iris", id).contentType()).isEqualTo(contentType.trim());
              }
            });
  }

  @Test
  void arbitraryPathsAndMethodsNeverGiveA5xx() {
    Gen<String> segments = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(0, 30)
        .map(s -> s.replace("?", "").replace("#", "").replace("%", "").replace("\\", "").replace("\"", "")
            .replace("<", "").replace(">", "").replace("^", "").replace("`", "").replace("{", "").replace("}", "")
            .replace("|", "").replace("[", "").replace("]", ""));
    Gen<String> methods =
        integers().between(0, 5).map(i -> List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH").get(i));
    Gen<String> prefixes = integers().between(0, 2).map(i -> List.of("/iris/", "/", "/healthz/").get(i));
    qt().withExamples(300)
        .forAll(prefixes, segments, methods)
        .checkAssert(
            (prefix, segment, method) -> {
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(gateway.uri() + prefix + segment))
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "text/plain")
                      .method(method, BodyPublishers.ofString("x"))
                      .build();
              try {
                HttpResponse<String> answer = http.send(request, BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(method + " " + prefix + segment).isBetween(200, 499);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
  }
}
