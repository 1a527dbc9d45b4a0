package io.github.cortexj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.env.CliConfigFile;
import io.github.cortexj.server.internal.cli.EnvCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cortex env ...} run in-process against a config file in a temporary directory. */
class EnvCommandTest {

  @TempDir Path dir;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  private Path cliYaml() {
    return dir.resolve("config/cli.yaml");
  }

  private Run run(String... args) {
    CliConfigFile file = CliConfigFile.at(cliYaml());
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == EnvCommand.class ? type.cast(new EnvCommand(file)) : CommandLine.defaultFactory().create(type);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(new CortexCommand(dir), factory).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int exitCode = cli.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private void writeConfig(String yaml) throws Exception {
    Files.createDirectories(cliYaml().getParent());
    Files.writeString(cliYaml(), yaml, StandardCharsets.UTF_8);
  }

  private String written() throws Exception {
    return Files.readString(cliYaml(), StandardCharsets.UTF_8);
  }

  @Test
  void listWithoutAFileShowsTheLocalEnvironmentAsDefault() {
    assertThat(run("env", "list"))
        .isEqualTo(new Run(0, "environment      operator endpoint\nlocal (default)  local\n", ""));
  }

  @Test
  void listPrintsATableMarkingTheDefault() throws Exception {
    writeConfig(
        "default_environment: prod\nenvironments:\n  - {name: dev, operator_endpoint: local}\n"
            + "  - {name: prod, operator_endpoint: operator.example.com}\n");

    assertThat(run("env", "list").out())
        .isEqualTo(
            "environment     operator endpoint\n"
                + "dev             local\n"
                + "prod (default)  https://operator.example.com\n");
  }

  @Test
  void listWarnsWhenTheDefaultNamesNoEnvironment() throws Exception {
    writeConfig("default_environment: gone\nenvironments:\n  - {name: dev, operator_endpoint: local}\n");

    assertThat(run("env", "list"))
        .isEqualTo(
            new Run(
                0,
                "environment  operator endpoint\n"
                    + "dev          local\n\n"
                    + "warning: the default environment gone is not configured; set another with"
                    + " `cortex env default <name>`\n",
                ""));
  }

  @Test
  void listQuotesNamesWithSpacesInTheTable() throws Exception {
    writeConfig(
        "default_environment: my env\nenvironments:\n  - {name: my env, operator_endpoint: local}\n"
            + "  - {name: dev, operator_endpoint: local}\n");

    assertThat(run("env", "list").out())
        .isEqualTo(
            "environment         operator endpoint\n"
                + "\"my env\" (default)  local\n"
                + "dev                 local\n");
  }

  @Test
  void listAsJsonPrintsCortexsShape() throws Exception {
    writeConfig(
        "default_environment: prod\nenvironments:\n  - {name: dev, operator_endpoint: local}\n"
            + "  - {name: prod, operator_endpoint: operator.example.com}\n");

    Run run = run("env", "list", "-o", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "{\"default_environment\":\"prod\",\"environments\":[{\"name\":\"dev\",\"operator_endpoint\":\"local\"},"
                + "{\"name\":\"prod\",\"operator_endpoint\":\"https://operator.example.com\"}]}\n");
  }

  @Test
  void listAsJsonOfAnEmptyFileHasANullDefault() throws Exception {
    writeConfig("");

    Map<String, Object> listed =
        new ObjectMapper().readValue(run("env", "list", "--output", "json").out(), new TypeReference<>() {});

    assertThat(listed).containsEntry("default_environment", null).containsEntry("environments", List.of());
  }

  @Test
  void listSavesTheFirstEnvironmentAsDefaultLikeCortex() throws Exception {
    writeConfig("environments:\n  - {name: dev, operator_endpoint: local}\n");

    run("env", "list");

    assertThat(written()).startsWith("default_environment: \"dev\"\n");
  }

  @Test
  void listOfAnInvalidFileFailsNamingTheFileAndField() throws Exception {
    writeConfig("environments:\n  - {name: dev}\n");

    assertThat(run("env", "list"))
        .isEqualTo(new Run(1, "", "error: " + cliYaml() + ": environments[0].operator_endpoint: must be defined\n"));
  }

  @Test
  void listRejectsAnUnknownFormatAsUsageError() {
    Run run = run("env", "list", "-o", "yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Invalid value for option '--output': expected one of [pretty, json]");
  }

  @Test
  void configureCreatesTheFileAndAddsTheEnvironmentAfterLocal() throws Exception {
    Run run = run("env", "configure", "prod", "--operator-endpoint", "operator.example.com");

    assertThat(run).isEqualTo(new Run(0, "configured prod environment (operator endpoint https://operator.example.com)\n", ""));
    assertThat(written())
        .isEqualTo(
            "default_environment: \"local\"\nenvironments:\n- name: \"local\"\n  operator_endpoint: \"local\"\n"
                + "- name: \"prod\"\n  operator_endpoint: \"https://operator.example.com\"\n");
  }

  @Test
  void configureOfTheFirstEnvironmentMakesItTheDefault() throws Exception {
    writeConfig("environments: []\n");

    assertThat(run("env", "configure", "prod", "-o", "https://operator.example.com").out())
        .isEqualTo(
            "configured prod environment (operator endpoint https://operator.example.com)\n"
                + "set prod as the default environment\n");
  }

  @Test
  void configureOfAnExistingEnvironmentChangesItsEndpointAndKeepsItsOtherKeys() throws Exception {
    writeConfig("default_environment: prod\nenvironments:\n  - {name: prod, operator_endpoint: a.io, provider: aws}\n");

    run("env", "configure", "prod", "-o", "b.io");

    assertThat(written())
        .isEqualTo(
            "default_environment: \"prod\"\nenvironments:\n- name: \"prod\"\n  operator_endpoint: \"https://b.io\"\n"
                + "  provider: \"aws\"\n");
  }

  @Test
  void configureRejectsATooLongName() {
    String name = "x".repeat(64);

    assertThat(run("env", "configure", name, "-o", "local"))
        .isEqualTo(new Run(1, "", "error: environment name \"" + name + "\": must be at most 63 characters (got 64)\n"));
  }

  @Test
  void configureNeedsTheEndpoint() {
    Run run = run("env", "configure", "prod");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required option: '--operator-endpoint=URL'");
  }

  @Test
  void defaultSetsAnExistingEnvironment() throws Exception {
    writeConfig("default_environment: dev\nenvironments:\n  - {name: dev, operator_endpoint: local}\n"
        + "  - {name: prod, operator_endpoint: x.io}\n");

    assertThat(run("env", "default", "prod")).isEqualTo(new Run(0, "set prod as the default environment\n", ""));
    assertThat(written()).startsWith("default_environment: \"prod\"\n");
  }

  @Test
  void defaultThatIsAlreadySetSaysSo() {
    assertThat(run("env", "default", "local")).isEqualTo(new Run(0, "local is already the default environment\n", ""));
  }

  @Test
  void defaultOfAnUnknownEnvironmentFailsWithCortexsMessage() {
    assertThat(run("env", "default", "prod")).isEqualTo(new Run(1, "", "error: prod environment is not configured\n"));
  }

  @Test
  void defaultWithoutNamePrintsTheCurrentDefault() {
    assertThat(run("env", "default")).isEqualTo(new Run(0, "current default environment: local\n", ""));
  }

  @Test
  void deleteOfTheDefaultLeavesNoneWhenSeveralRemain() throws Exception {
    writeConfig("default_environment: a\nenvironments:\n  - {name: a, operator_endpoint: local}\n"
        + "  - {name: b, operator_endpoint: local}\n  - {name: c, operator_endpoint: local}\n");

    assertThat(run("env", "delete", "a"))
        .isEqualTo(new Run(0, "deleted the a environment configuration\nunset the default environment\n", ""));
  }

  @Test
  void deleteLeavingOneEnvironmentMakesItTheDefault() throws Exception {
    writeConfig("default_environment: a\nenvironments:\n  - {name: a, operator_endpoint: local}\n"
        + "  - {name: b, operator_endpoint: local}\n");

    assertThat(run("env", "delete", "a"))
        .isEqualTo(new Run(0, "deleted the a environment configuration\nset the default environment to b\n", ""));
    assertThat(run("env", "list", "-o", "json").out())
        .isEqualTo("{\"default_environment\":\"b\",\"environments\":[{\"name\":\"b\",\"operator_endpoint\":\"local\"}]}\n");
  }

  @Test
  void deleteOfAnUnknownEnvironmentFailsWithCortexsMessage() {
    assertThat(run("env", "delete", "prod")).isEqualTo(new Run(1, "", "error: prod environment is not configured\n"));
  }

  @Test
  void envAloneIsAUsageError() {
    Run run = run("env");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Missing required subcommand");
  }
}
