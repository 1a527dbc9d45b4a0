package io.github.cortexj.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigFileTest {

  @TempDir Path dir;

  private CliConfigFile file() {
    return CliConfigFile.at(dir.resolve("cli.yaml"));
  }

  private CliConfigFile write(String yaml) throws Exception {
    Files.writeString(dir.resolve("cli.yaml"), yaml, StandardCharsets.UTF_8);
    return file();
  }

  private String written() throws Exception {
    return Files.readString(dir.resolve("cli.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void locatesTheFileUnderCortexCliConfigDir() {
    assertThat(CliConfigFile.locate(Map.of("CORTEX_CLI_CONFIG_DIR", "/mnt/client"), Path.of("/home/u")).path())
        .isEqualTo(Path.of("/mnt/client/cli.yaml"));
  }

  @Test
  void locatesTheFileUnderTheHomeDirectoryWithoutTheVariable() {
    assertThat(CliConfigFile.locate(Map.of(), Path.of("/home/u")).path())
        .isEqualTo(Path.of("/home/u/.cortex/cli.yaml"));
  }

  @Test
  void emptyCortexCliConfigDirCountsAsUnset() {
    assertThat(CliConfigFile.locate(Map.of("CORTEX_CLI_CONFIG_DIR", ""), Path.of("/home/u")).path())
        .isEqualTo(Path.of("/home/u/.cortex/cli.yaml"));
  }

  @Test
  void absentFileLoadsAsLocalOnlyWithoutBeingCreated() {
    assertThat(file().load()).isEqualTo(CliConfig.localOnly());
    assertThat(file().exists()).isFalse();
  }

  @Test
  void readsCortexsLayout() throws Exception {
    CliConfigFile file =
        write(
            "telemetry: false\ndefault_environment: prod\nenvironments:\n"
                + "  - name: prod\n    operator_endpoint: https://prod.example.com\n"
                + "  - name: dev\n    operator_endpoint: dev.example.com:8888\n");

    assertThat(file.load())
        .isEqualTo(
            new CliConfig(
                "prod",
                List.of(
                    Environment.of("prod", "https://prod.example.com"),
                    Environment.of("dev", "https://dev.example.com:8888")),
                Map.of("telemetry", BooleanNode.FALSE)));
  }

  @Test
  void firstEnvironmentBecomesTheDefaultAndIsSavedBack() throws Exception {
    CliConfigFile file =
        write("environments:\n  - name: dev\n    operator_endpoint: local\n  - name: prod\n    operator_endpoint: x.io\n");

    assertThat(file.load().defaultEnvironment()).isEqualTo("dev");
    assertThat(written())
        .isEqualTo(
            "default_environment: \"dev\"\nenvironments:\n- name: \"dev\"\n  operator_endpoint: \"local\"\n"
                + "- name: \"prod\"\n  operator_endpoint: \"https://x.io\"\n");
  }

  @Test
  void fileWithADefaultIsNotRewrittenByLoading() throws Exception {
    String yaml = "# mine\ndefault_environment: dev\nenvironments:\n  - {name: dev, operator_endpoint: local}\n";
    CliConfigFile file = write(yaml);

    file.load();

    assertThat(written()).isEqualTo(yaml);
  }

  @Test
  void emptyFileIsTheEmptyConfig() throws Exception {
    assertThat(write("# nothing yet\n").load()).isEqualTo(CliConfig.empty());
  }

  @Test
  void unknownKeysSurviveAnUpdate() throws Exception {
    CliConfigFile file =
        write(
            "telemetry: true\ndefault_environment: dev\nenvironments:\n"
                + "  - name: dev\n    operator_endpoint: local\n    provider: aws\n    team: {owner: ml}\n");

    file.update(config -> config.withEnvironment(Environment.of("prod", "https://prod.example.com")));

    assertThat(written())
        .isEqualTo(
            "telemetry: true\ndefault_environment: \"dev\"\nenvironments:\n"
                + "- name: \"dev\"\n  operator_endpoint: \"local\"\n  provider: \"aws\"\n  team:\n    owner: \"ml\"\n"
                + "- name: \"prod\"\n  operator_endpoint: \"https://prod.example.com\"\n");
    assertThat(file.load().environment("dev").orElseThrow().otherFields())
        .containsEntry("provider", TextNode.valueOf("aws"));
  }

  @Test
  void updateOfAnAbsentFileStartsFromTheLocalEnvironment() {
    CliConfigFile file = CliConfigFile.at(dir.resolve("nested/dir/cli.yaml"));

    file.update(config -> config.withEnvironment(Environment.of("prod", "https://prod.example.com")));

    assertThat(file.load())
        .isEqualTo(
            new CliConfig(
                "local",
                List.of(Environment.of("local", "local"), Environment.of("prod", "https://prod.example.com")),
                Map.of()));
  }

  @Test
  void saveLeavesNoTemporaryFileBehind() throws Exception {
    file().save(CliConfig.localOnly());

    try (var files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("cli.yaml");
    }
  }

  @Test
  void syntaxErrorNamesTheFileAndLine() throws Exception {
    CliConfigFile file = write("default_environment: [prod\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": line 2, column 1: expected ',' or ']', but got <stream end>")
        .extracting(e -> ((CliConfigException) e).kind())
        .isEqualTo("cliconfig.invalid_config");
  }

  @Test
  void duplicateKeyIsASyntaxError() throws Exception {
    CliConfigFile file = write("default_environment: a\ndefault_environment: b\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessageContaining("Duplicate field 'default_environment'");
  }

  @Test
  void topLevelListIsRejected() throws Exception {
    CliConfigFile file = write("- prod\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": must be a mapping with default_environment and environments (got a list)");
  }

  @Test
  void environmentsMustBeAList() throws Exception {
    CliConfigFile file = write("environments: {name: prod}\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": environments: must be a list (got a mapping)");
  }

  @Test
  void environmentNameMustBeAString() throws Exception {
    CliConfigFile file = write("environments:\n  - {name: 12, operator_endpoint: local}\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": environments[0].name: must be a string (got a number)");
  }

  @Test
  void environmentNeedsAnEndpoint() throws Exception {
    CliConfigFile file = write("environments:\n  - {name: a, operator_endpoint: local}\n  - {name: prod}\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": environments[1].operator_endpoint: must be defined");
  }

  @Test
  void tooLongNameIsReportedWithItsIndex() throws Exception {
    String name = "n".repeat(64);
    CliConfigFile file = write("environments:\n  - {name: " + name + ", operator_endpoint: local}\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(
            file.path() + ": environments[0]: environment name \"" + name
                + "\": must be at most 63 characters (got 64)");
  }

  @Test
  void duplicateNamesAreReportedWithTheFile() throws Exception {
    CliConfigFile file =
        write("environments:\n  - {name: a, operator_endpoint: local}\n  - {name: a, operator_endpoint: x.io}\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": duplicate environment names (a is defined more than once)");
  }

  @Test
  void legacyProviderMustBeAwsOrEmpty() throws Exception {
    CliConfigFile file = write("environments:\n  - {name: a, operator_endpoint: local, provider: gcp}\n");

    assertThatThrownBy(file::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file.path() + ": environments[0].provider: must be \"aws\" or empty (got \"gcp\")");
  }

  @Test
  void fileThatIsNotUtf8IsRejected() throws Exception {
    Files.write(dir.resolve("cli.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff});

    assertThatThrownBy(file()::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file().path() + ": is not valid UTF-8");
  }

  @Test
  void unwritableLocationIsAnIoError() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    CliConfigFile file = CliConfigFile.at(dir.resolve("blocker/cli.yaml"));

    assertThatThrownBy(() -> file.save(CliConfig.localOnly()))
        .isInstanceOf(CliConfigException.class)
        .hasMessageStartingWith(file.path() + ": cannot write the CLI config: ")
        .extracting(e -> ((CliConfigException) e).kind())
        .isEqualTo("cliconfig.io_error");
  }

  @Test
  void locationUnderAFileNamesThatFileAsNotADirectory() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    CliConfigFile file = CliConfigFile.at(dir.resolve("blocker/cli.yaml"));

    assertThatThrownBy(() -> file.save(CliConfig.localOnly()))
        .hasMessage(file.path() + ": cannot write the CLI config: " + dir.resolve("blocker") + " is not a directory");
  }

  @Test
  void directoryInPlaceOfTheFileIsAnIoErrorSayingSo() throws Exception {
    Files.createDirectories(dir.resolve("cli.yaml"));

    assertThatThrownBy(file()::load)
        .isInstanceOf(CliConfigException.class)
        .hasMessage(file().path() + ": cannot read the CLI config: it is a directory")
        .extracting(e -> ((CliConfigException) e).kind())
        .isEqualTo("cliconfig.io_error");
  }
}
