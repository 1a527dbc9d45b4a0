package io.github.cortexj.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded {@code cortex.jar} as users do, with {@code java -jar}, in a real project directory. */
class CortexJarIntegrationTest {

  private static Path jar;

  @TempDir Path project;

  /** What one process printed and returned. */
  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("cortex.jar", "target/cortex.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar, built by `package`").isRegularFile();
  }

  private Run java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    // Never the user's own ~/.cortex/cli.yaml: the env commands work on a file inside the test's directory.
    builder.environment().put("CORTEX_CLI_CONFIG_DIR", project.resolve("cli-config").toString());
    Process process = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cortex.jar finished").isTrue();
    return new Run(process.exitValue(), out.join(), err.join());
  }

  private static String read(java.io.InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void envCommandsWorkOnTheFileUnderCortexCliConfigDir() throws Exception {
    assertThat(java("env", "configure", "prod", "--operator-endpoint", "operator.example.com"))
        .isEqualTo(new Run(0, "configured prod environment (operator endpoint https://operator.example.com)\n", ""));
    assertThat(java("env", "list", "-o", "json").out())
        .isEqualTo(
            "{\"default_environment\":\"local\",\"environments\":[{\"name\":\"local\",\"operator_endpoint\":"
                + "\"local\"},{\"name\":\"prod\",\"operator_endpoint\":\"https://operator.example.com\"}]}\n");
    assertThat(project.resolve("cli-config/cli.yaml")).isRegularFile();
  }

  @Test
  void validatesCortexYamlInTheWorkingDirectory() throws Exception {
    write("cortex.yaml", "- {name: iris, kind: AsyncAPI, handler: {type: java, class: com.example.Iris}}\n");

    assertThat(java("validate"))
        .isEqualTo(new Run(0, "cortex.yaml: valid (1 API)\n  iris (AsyncAPI) /iris -> com.example.Iris\n", ""));
  }

  @Test
  void printsEveryValidationErrorOnStderrWithoutStackTraceAndExitsWithOne() throws Exception {
    write(
        "cortex.yaml",
        "- {name: iris, kind: BatchAPI, handler: {type: python, class: C, processes_per_replica: 4}}\n");

    assertThat(java("validate"))
        .isEqualTo(
            new Run(
                1,
                "",
                "error: cortex.yaml: api \"iris\" (index 0): handler.type: cortex-java runs Java classes, not python"
                    + " handlers; use type: java and class: <binary class name, e.g. com.example.MyHandler>\n"
                    + "error: cortex.yaml: api \"iris\" (index 0): handler.processes_per_replica: must be 1 for"
                    + " BatchAPI (got 4)\n"));
  }

  @Test
  void listsAndZipsTheProject() throws Exception {
    write("cortex.yaml", "- {name: iris, kind: BatchAPI, handler: {type: java, class: C}}\n");
    write("lib/model.bin", "weights");
    write(".env", "MODEL=lib/model.bin\n");
    write(".cortexignore", "*.zip\n");

    assertThat(java("project", "ls")).isEqualTo(new Run(0, "lib/model.bin\n.env\n", ""));
    assertThat(java("project", "env")).isEqualTo(new Run(0, "MODEL=\"lib/model.bin\"\n", ""));
    Run zip = java("project", "zip", "-o", "project.zip");
    assertThat(zip.exitCode()).isZero();
    assertThat(zip.out()).matches("[0-9a-f]{63}\n");
    assertThat(zip.err()).isEmpty();
    assertThat(java("project", "zip", "-o", "again.zip").out()).isEqualTo(zip.out());
    assertThat(Files.readAllBytes(project.resolve("again.zip")))
        .isEqualTo(Files.readAllBytes(project.resolve("project.zip")));
  }

  @Test
  void reportsAMissingConfigFileWithExitCodeOne() throws Exception {
    Run run = java("project", "ls");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: config file not found: " + project.toRealPath().resolve("cortex.yaml")
        + "\n");
  }

  @Test
  void wrongUsageExitsWithTwo() throws Exception {
    Run run = java("project", "zip");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required option: '--output=FILE'\nUsage: cortex project zip");
  }

  @Test
  void printsHelpAndVersion() throws Exception {
    assertThat(java("--help").out()).startsWith("Usage: cortex [-hV] (validate | project | serve | env)");
    assertThat(java("--version").out()).matches("cortex-java \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }
}
