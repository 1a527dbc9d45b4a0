package io.github.cortexj.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.project.Project;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The cortex command line run in-process over real project directories. */
class CortexCommandTest {

  private static final String VALID =
      "- name: iris\n  kind: BatchAPI\n  handler:\n    type: java\n    class: com.example.IrisHandler\n"
          + "- name: retrain\n  kind: TaskAPI\n  definition:\n    class: com.example.Retrain\n"
          + "  networking:\n    endpoint: jobs/retrain/\n";

  @TempDir Path project;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new CortexCommand(project)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private Path write(String relative, String content) throws Exception {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void validatePrintsTheApisOfAValidFile() throws Exception {
    write("cortex.yaml", VALID);

    assertThat(run("validate", "cortex.yaml"))
        .isEqualTo(
            new Run(
                0,
                project.resolve("cortex.yaml") + ": valid (2 APIs)\n"
                    + "  iris (BatchAPI) /iris -> com.example.IrisHandler\n"
                    + "  retrain (TaskAPI) /jobs/retrain -> com.example.Retrain\n",
                ""));
  }

  @Test
  void validateReadsCortexYamlInTheWorkingDirectoryByDefault() throws Exception {
    write("cortex.yaml", VALID);

    assertThat(run("validate").out()).startsWith(project.resolve("cortex.yaml") + ": valid (2 APIs)\n");
  }

  @Test
  void validatePrintsEveryErrorAndExitsWithOne() throws Exception {
    write(
        "apis.yaml",
        "- {name: iris, kind: BatchAPI, handler: {type: java, class: C, processes_per_replica: 4}}\n"
            + "- {name: rt, kind: RealtimeAPI}\n");
    String file = project.resolve("apis.yaml").toString();

    assertThat(run("validate", "apis.yaml"))
        .isEqualTo(
            new Run(
                1,
                "",
                "error: " + file + ": api \"iris\" (index 0): handler.processes_per_replica: must be 1 for BatchAPI"
                    + " (got 4)\n"
                    + "error: " + file + ": api \"rt\" (index 1): kind: cortex-java does not run RealtimeAPI APIs;"
                    + " it runs BatchAPI, AsyncAPI and TaskAPI\n"));
  }

  @Test
  void validateReportsAMissingFile() {
    assertThat(run("validate", "missing.yaml"))
        .isEqualTo(new Run(1, "", "error: " + project.resolve("missing.yaml") + ": file does not exist\n"));
  }

  @Test
  void validatePrintsTheStackTraceOnlyWithVerbose() throws Exception {
    write("cortex.yaml", "[]\n");

    assertThat(run("validate").err()).doesNotContain("\tat ");
    assertThat(run("validate", "--verbose").err())
        .startsWith("error: " + project.resolve("cortex.yaml") + ": must contain at least one API\n"
            + "io.github.cortexj.core.spec.ApiConfigException: ")
        .contains("\tat io.github.cortexj.core.spec.CortexYaml.parse");
  }

  @Test
  void projectLsPrintsTheIncludedFilesSortedWithEnvLast() throws Exception {
    write("cortex.yaml", VALID);
    write("src/Handler.java", "class Handler {}");
    write("data/labels.json", "[]");
    write(".hidden", "x");
    write("skipped.txt", "x");
    write(".cortexignore", "skipped.txt\n");
    write(".env", "A=1\n");

    assertThat(run("project", "ls")).isEqualTo(new Run(0, "data/labels.json\nsrc/Handler.java\n.env\n", ""));
  }

  @Test
  void projectLsTakesTheConfigFileAsArgument() throws Exception {
    write("sub/apis.yaml", VALID);
    write("sub/Handler.java", "class Handler {}");
    write("other.txt", "outside the sub project");

    assertThat(run("project", "ls", "sub/apis.yaml")).isEqualTo(new Run(0, "Handler.java\n", ""));
  }

  @Test
  void projectLsReportsAMissingConfigFileAndExitsWithOne() {
    assertThat(run("project", "ls"))
        .isEqualTo(new Run(1, "", "error: config file not found: " + project.resolve("cortex.yaml") + "\n"));
  }

  @Test
  void projectLsPrintsWarningsOnStderr() throws Exception {
    write("cortex.yaml", VALID);
    write("a.txt", "a");
    Files.createSymbolicLink(project.resolve("link.txt"), Path.of("/etc/hostname"));

    assertThat(run("project", "ls"))
        .isEqualTo(new Run(0, "a.txt\n", "warning: link.txt: symlink target is outside the project root; excluded\n"));
  }

  @Test
  void projectEnvPrintsVariablesJsonQuotedInFileOrder() throws Exception {
    write("cortex.yaml", VALID);
    write(".env", "# settings\nZED=last\nexport GREETING='hello \"world\"'\nPATHS=\"a\\tb\"\nEMPTY=\n");

    assertThat(run("project", "env"))
        .isEqualTo(new Run(0, "ZED=\"last\"\nGREETING=\"hello \\\"world\\\"\"\nPATHS=\"a\\\\tb\"\nEMPTY=\"\"\n", ""));
  }

  @Test
  void projectEnvPrintsNothingWithoutDotEnv() throws Exception {
    write("cortex.yaml", VALID);

    assertThat(run("project", "env")).isEqualTo(new Run(0, "", ""));
  }

  @Test
  void projectEnvRefusesCommandSubstitutionAndExitsWithOne() throws Exception {
    write("cortex.yaml", VALID);
    write(".env", "USER=$(whoami)\n");

    Run run = run("project", "env");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: .env:1: ").doesNotContain("\tat ");
  }

  @Test
  void projectZipWritesTheZipAndPrintsTheProjectId() throws Exception {
    Path config = write("cortex.yaml", VALID);
    write("src/Handler.java", "class Handler {}");
    Project expected = Project.load(config);

    Run run = run("project", "zip", "-o", "project.zip");

    assertThat(run).isEqualTo(new Run(0, expected.projectId() + "\n", ""));
    assertThat(Files.readAllBytes(project.resolve("project.zip"))).isEqualTo(expected.zip());
  }

  @Test
  void projectZipReplacesAnExistingFileAndLeavesNoPartialFile() throws Exception {
    write("cortex.yaml", VALID);
    Path target = Files.createDirectories(project.resolve("build")).resolve("p.zip");
    Files.writeString(target, "old");

    assertThat(run("project", "zip", "--output", "build/p.zip").exitCode()).isZero();

    assertThat(Files.readAllBytes(target)).startsWith('P', 'K');
    try (var files = Files.list(project.resolve("build"))) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void projectZipReportsAnUnwritableTargetAndExitsWithOne() throws Exception {
    write("cortex.yaml", VALID);

    Run run = run("project", "zip", "-o", "no/such/dir/p.zip");

    assertThat(run)
        .isEqualTo(
            new Run(
                1,
                "",
                "error: " + project.resolve("no/such/dir/p.zip") + ": cannot write the zip: directory "
                    + project.resolve("no/such/dir") + " does not exist\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "build/"})
  void projectZipToADirectoryNamesTheFileToGiveAndLeavesTheDirectory(String output) throws Exception {
    write("cortex.yaml", VALID);
    Path build = Files.createDirectories(project.resolve("build"));

    Run run = run("project", "zip", "-o", output);

    assertThat(run)
        .isEqualTo(
            new Run(
                1,
                "",
                "error: " + build + ": is a directory; -o takes the zip file to write, for example "
                    + build.resolve("project.zip") + "\n"));
    assertThat(build).isEmptyDirectory();
  }

  @Test
  void projectZipToTheProjectRootItselfNamesTheFileToGive() throws Exception {
    write("cortex.yaml", VALID);

    Run run = run("project", "zip", "-o", ".");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: ").contains(": is a directory; -o takes the zip file to write");
  }

  @Test
  void projectZipWithoutOutputIsAUsageError() throws Exception {
    write("cortex.yaml", VALID);

    Run run = run("project", "zip");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required option: '--output=FILE'");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Run run = run("deploy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Unmatched argument at index 0: 'deploy'");
  }

  @Test
  void cortexWithoutSubcommandIsAUsageError() {
    Run run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required subcommand\nUsage: cortex");
  }

  @Test
  void projectWithoutSubcommandIsAUsageError() {
    Run run = run("project");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required subcommand\nUsage: cortex project");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "65536", "70000"})
  void servePortOutOfRangeIsAUsageErrorBeforeAnythingIsDeployed(String port) throws Exception {
    write("cortex.yaml", VALID);

    Run run = run("serve", "--port", port);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("Invalid value for option '--port': " + port + " is not a port (0 to 65535; 0 picks a free one)\n");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "validate", "project ls"})
  void aDirectoryAsConfigIsReportedNamingTheFileToGive(String command) throws Exception {
    write("app/cortex.yaml", VALID);
    String[] args = (command + " app").split(" ");

    Run run = run(args);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: "
                + project.resolve("app")
                + ": is a directory; CONFIG is the API configuration file, for example "
                + project.resolve("app").resolve("cortex.yaml")
                + "\n");
  }

  @Test
  void serveReportsAClasspathEntryThatIsNeitherADirectoryNorAJar() throws Exception {
    write("cortex.yaml", VALID);
    write("handlers.jar", "not a jar");

    Run run = run("serve", "--port", "0", "--classpath", "handlers.jar");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "error: --classpath entry is neither a directory nor a jar: " + project.resolve("handlers.jar") + "\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "validate", "project", "project ls", "project env", "project zip"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");

    Run run = run(args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: cortex" + (command.isEmpty() ? "" : " " + command) + " ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionNamesCortexJava() {
    Run run = run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("cortex-java \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }
}
