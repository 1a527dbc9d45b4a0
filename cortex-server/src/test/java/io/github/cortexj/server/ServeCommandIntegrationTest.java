package io.github.cortexj.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.server.serve.NoopBatchHandler;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar cortex.jar serve} as a real process: it prints its URL first, serves over HTTP, and stops
 * cleanly with exit code 0 on SIGTERM. The handler classes come from {@code --classpath} (this module's test classes,
 * which the shaded jar does not hold).
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

  @Test
  void printsItsUrlFirstServesAndStopsWithZeroOnSigterm() throws Exception {
    Files.writeString(
        project.resolve("cortex.yaml"),
        "- name: reviews\n  kind: BatchAPI\n  handler:\n    type: java\n    class: "
            + NoopBatchHandler.class.getName() + "\n",
        StandardCharsets.UTF_8);
    process = serve("--port", "0", "--classpath", handlerClasses.toString());
    LinkedBlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () ->
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .lines()
                    .forEach(stdout::add));
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)).lines()
            .collect(Collectors.joining("\n")));

    String url = stdout.poll(30, TimeUnit.SECONDS);
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
    HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(url + "/healthz")));
    HttpResponse<String> batch =
        send(HttpRequest.newBuilder(URI.create(url + "/reviews")).header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString("x")));
    // Process.destroy() would also send SIGTERM, but it closes our end of the process's stdout.
    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve stopped").isTrue();
    reading.get(10, TimeUnit.SECONDS);
    String logs = String.join("\n", stdout);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
    assertThat(batch.statusCode()).isEqualTo(404);
    assertThat(batch.body()).isEqualTo("error: no AsyncAPI is served at /reviews");
    assertThat(process.exitValue()).as("exit code; stderr: " + stderr.join()).isZero();
    assertThat(logs)
        .contains("serving config=")
        .contains("api=reviews kind=BatchAPI (deployed; not served over HTTP)")
        .contains("received SIGTERM: shutting down")
        .contains("gateway closed")
        .contains("cluster closed")
        .contains("ServeCommand - stopped");
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
