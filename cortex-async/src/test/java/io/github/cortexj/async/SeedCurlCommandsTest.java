package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.spec.ApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the curl commands of Cortex's Async API documentation verbatim (only the host changes, from
 * {@code http://***.amazonaws.com} to the gateway's URL) and checks what they print and what was stored.
 */
class SeedCurlCommandsTest {

  private static final String UUID_JSON =
      "\\{\"id\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"}\n";

  @TempDir Path workingDirectory;

  private FakeAsyncCluster cluster;
  private AsyncGateway gateway;

  @BeforeEach
  void startGateway() {
    cluster = AsyncGatewayTest.newCluster();
    cluster.deploy(ApiSpec.async("my-api").handlerClass("com.example.Handler").build());
    gateway = AsyncGateway.builder(cluster).build().start();
  }

  @AfterEach
  void closeGateway() {
    gateway.close();
  }

  /** Runs a documented command in a shell, with the documentation's host replaced by the gateway's URL. */
  private String run(String documented) throws IOException, InterruptedException {
    String command = documented.replace("http://***.amazonaws.com", gateway.uri().toString());
    Process process =
        new ProcessBuilder("bash", "-c", command)
            .directory(workingDirectory.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String idOf(String created) {
    return created.substring("{\"id\":\"".length(), created.length() - "\"}\n".length());
  }

  @Test
  void jsonRequestOfTheDocumentation() throws Exception {
    String created =
        run(
            "curl http://***.amazonaws.com/my-api \\\n"
                + "    -X POST -H \"Content-Type: application/json\" \\\n"
                + "    -d '{\"key\": \"value\"}'");

    assertThat(created).matches(UUID_JSON);
    FakeAsyncCluster.Workload workload = cluster.workload("my-api", idOf(created));
    assertThat(workload.contentType()).isEqualTo("application/json");
    assertThat(new String(workload.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"key\": \"value\"}");
    assertThat(run("curl http://***.amazonaws.com/my-api/" + idOf(created)))
        .isEqualTo("{\"id\":\"" + idOf(created) + "\",\"status\":\"in_queue\"}\n");
  }

  @Test
  void binaryRequestOfTheDocumentation() throws Exception {
    byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x12, 0, 0, 0, 0, 0, 0, 0, 0x7d, (byte) 0x94, 0x0a, 0x0d, 0x2e};
    Files.write(workingDirectory.resolve("object.pkl"), pickle);

    String created =
        run(
            "curl http://***.amazonaws.com/my-api \\\n"
                + "    -X POST -H \"Content-Type: application/octet-stream\" \\\n"
                + "    --data-binary @object.pkl");

    assertThat(created).matches(UUID_JSON);
    FakeAsyncCluster.Workload workload = cluster.workload("my-api", idOf(created));
    assertThat(workload.contentType()).isEqualTo("application/octet-stream");
    assertThat(workload.payload()).isEqualTo(pickle);
  }

  @Test
  void textRequestOfTheDocumentation() throws Exception {
    String created =
        run(
            "curl http://***.amazonaws.com/my-api \\\n"
                + "    -X POST -H \"Content-Type: text/plain\" \\\n"
                + "    -d \"hello world\"");

    assertThat(created).matches(UUID_JSON);
    FakeAsyncCluster.Workload workload = cluster.workload("my-api", idOf(created));
    assertThat(workload.contentType()).isEqualTo("text/plain");
    assertThat(new String(workload.payload(), StandardCharsets.UTF_8)).isEqualTo("hello world");
  }
}
