package io.github.cortexj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.server.serve.NoopBatchHandler;
import io.github.cortexj.server.serve.WordCountAsyncHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar cortex.jar serve} as a real process: it prints its URL first, serves a project's AsyncAPI over
 * HTTP (create, then read until completed), and stops cleanly with exit code 0 on SIGTERM, letting the request being
 * handled finish. The handler classes come from {@code --classpath} (this module's test classes, which the shaded jar
 * does not hold).
 */
class ServeCommandIntegrationTest {

  private static Path jar;
  private static Path handlerClasses;

  @TempDir Path project;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Process process;

  @BeforeAll
  static void findJarAndHandlers() throws Exception {
    jar = Path.of(System.getProperty("cortex.jar", "target/cortex.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar, built by `package`").isRegularFile();
    handlerClasses = Path.of(NoopBatchHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @AfterEach
  void killLeftover() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private Process serve(String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "serve"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(project.toFile()).start();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
  }

  /** The project: a BatchAPI (deployed, not served) and an AsyncAPI counting the words of a review. */
  private void writeProject() throws IOException {
    Files.writeString(
        project.resolve("cortex.yaml"),
        "- name: reviews\n  kind: BatchAPI\n  handler:\n    type: java\n    class: "
            + NoopBatchHandler.class.getName() + "\n"
            + "- name: word-count\n  kind: AsyncAPI\n  handler:\n    type: java\n    class: "
            + WordCountAsyncHandler.class.getName() + "\n  autoscaling:\n    max_replicas: 1\n",
        StandardCharsets.UTF_8);
  }

  /** A served process with its stdout lines collected as they come. */
  private final class Served {
    final LinkedBlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> reading;
    final CompletableFuture<String> stderr;
    final String url;

    Served() throws Exception {
      process = serve("--port", "0", "--classpath", handlerClasses.toString());
      Process running = process;
      reading =
          CompletableFuture.runAsync(
              () ->
                  new BufferedReader(new InputStreamReader(running.getInputStream(), StandardCharsets.UTF_8))
                      .lines()
                      .forEach(stdout::add));
      stderr =
          CompletableFuture.supplyAsync(() -> new BufferedReader(
              new InputStreamReader(running.getErrorStream(), StandardCharsets.UTF_8)).lines()
              .collect(Collectors.joining("\n")));
      String first = stdout.poll(30, TimeUnit.SECONDS);
      assertThat(first).as("the first line of stdout").isNotNull();
      url = first;
    }

    void sigterm() throws Exception {
      // Process.destroy() would also send SIGTERM, but it closes our end of the process's stdout.
      assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
    }

    /** Waits for the process to end and answers every line it logged. */
    String awaitExit() throws Exception {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve stopped").isTrue();
      reading.get(10, TimeUnit.SECONDS);
      return String.join("\n", stdout);
    }

    /** Waits until a logged line contains the text, keeping every line for {@link #awaitExit()}. */
    void awaitLog(String text) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (stdout.stream().noneMatch(line -> line.contains(text))) {
        assertThat(System.nanoTime()).as("waiting for a log line with " + text).isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    }

    HttpResponse<String> post(String endpoint, String id, String json) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url + endpoint)).header("Content-Type", "application/json")
          .header("x-request-id", id).POST(BodyPublishers.ofString(json)));
    }

    /** Polls the workload until its status is the one wanted, and answers that body. */
    JsonNode awaitStatus(String endpoint, String id, String status) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (true) {
        JsonNode answer = MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(url + endpoint + "/" + id))).body());
        if (answer.path("status").asText().equals(status)) {
          return answer;
        }
        assertThat(System.nanoTime()).as("waiting for " + id + " to be " + status + "; last " + answer)
            .isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void printsItsUrlFirstServesTheAsyncApiAndStopsWithZeroOnSigterm() throws Exception {
    writeProject();
    Served served = new Served();

    assertThat(served.url).matches("http://127\\.0\\.0\\.1:\\d+");
    HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(served.url + "/healthz")));
    HttpResponse<String> batch =
        send(HttpRequest.newBuilder(URI.create(served.url + "/reviews")).header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString("x")));
    HttpResponse<String> created =
        served.post("/word-count", "r1", "{\"review\": \"great value, would buy again\"}");
    JsonNode completed = served.awaitStatus("/word-count", "r1", "completed");
    served.sigterm();
    String logs = served.awaitExit();

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
    assertThat(batch.statusCode()).isEqualTo(404);
    assertThat(batch.body()).isEqualTo("error: no AsyncAPI is served at /reviews");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).isEqualTo("{\"id\":\"r1\"}\n");
    assertThat(completed.get("result").toString()).isEqualTo("{\"request_id\":\"r1\",\"words\":5}");
    assertThat(completed.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(process.exitValue()).as("exit code; stderr: " + served.stderr.join()).isZero();
    assertThat(logs)
        .contains("serving config=")
        .contains("api=reviews kind=BatchAPI (deployed; not served over HTTP)")
        .contains("api=word-count kind=AsyncAPI url=" + served.url + "/word-count")
        .contains("received SIGTERM: shutting down")
        .contains("gateway closed")
        .contains("cluster closed")
        .contains("ServeCommand - stopped");
  }

  @Test
  void sigtermLetsTheRequestBeingHandledCompleteBeforeExitingWithZero() throws Exception {
    writeProject();
    Path release = project.resolve("release");
    Served served = new Served();
    served.post("/word-count", "held", "{\"review\": \"slow one\", \"hold_until\": \"" + release + "\"}");
    served.awaitStatus("/word-count", "held", "in_progress");
    HttpResponse<String> queued = served.post("/word-count", "behind", "{\"review\": \"queued\"}");

    served.sigterm();
    served.awaitLog("gateway closed");
    boolean stillRunning = process.isAlive();
    Files.writeString(release, "go");
    String logs = served.awaitExit();

    assertThat(queued.statusCode()).isEqualTo(200);
    assertThat(stillRunning).as("serve waits for the request being handled").isTrue();
    assertThat(process.exitValue()).as("exit code; stderr: " + served.stderr.join()).isZero();
    // The worker logs this line after it has stored the result and the completed marker.
    String shutdown = logs.substring(logs.indexOf("received SIGTERM: shutting down"));
    assertThat(shutdown).contains("workload processing complete");
    assertThat(shutdown.indexOf("workload processing complete")).isLessThan(shutdown.indexOf("cluster closed"));
    assertThat(logs).doesNotContain("failed to process workload").doesNotContain("interrupted by shutdown");
  }

  @Test
  void sigtermWarnsOfTheQueuedRequestsItDropsByName() throws Exception {
    writeProject();
    Path release = project.resolve("release");
    Served served = new Served();
    served.post("/word-count", "held", "{\"review\": \"slow one\", \"hold_until\": \"" + release + "\"}");
    served.awaitStatus("/word-count", "held", "in_progress");
    served.post("/word-count", "behind-1", "{\"review\": \"queued\"}");
    served.post("/word-count", "behind-2", "{\"review\": \"queued\"}");

    served.sigterm();
    served.awaitLog("gateway closed");
    Files.writeString(release, "go");
    String logs = served.awaitExit();

    assertThat(process.exitValue()).as("exit code; stderr: " + served.stderr.join()).isZero();
    assertThat(logs)
        .contains(
            "WARN ServeCommand - api=word-count: 2 queued request(s) are dropped: cortex serve keeps its queues in"
                + " memory");
  }

  @Test
  void reportsAMissingClasspathEntryWithExitCodeOne() throws Exception {
    Files.writeString(project.resolve("cortex.yaml"), "- {name: r, kind: BatchAPI, handler: {type: java, class: C}}\n");
    process = serve("--port", "0", "--classpath", "nowhere");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("error: --classpath entry not found: " + project.toRealPath().resolve("nowhere") + "\n");
    assertThat(process.getInputStream().readAllBytes()).isEmpty();
  }
}
