package io.github.cortexj.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliConfigTest {

  private static final Environment PROD = Environment.of("prod", "https://prod.example.com");
  private static final Environment DEV = Environment.of("dev", "https://dev.example.com");
  private static final Environment LOCAL = Environment.of("local", "local");

  @Test
  void endpointWithoutSchemeGetsHttps() {
    assertThat(Environment.of("prod", "operator.example.com:8888").operatorEndpoint())
        .isEqualTo("https://operator.example.com:8888");
  }

  @Test
  void endpointWithSchemeIsKeptAsWritten() {
    assertThat(Environment.of("dev", "http://127.0.0.1:8888/base").operatorEndpoint())
        .isEqualTo("http://127.0.0.1:8888/base");
  }

  @Test
  void endpointIsTrimmed() {
    assertThat(Environment.of("dev", "  local \n").operatorEndpoint()).isEqualTo("local");
  }

  @Test
  void localEndpointIsLocal() {
    assertThat(LOCAL.isLocal()).isTrue();
    assertThat(PROD.isLocal()).isFalse();
  }

  @Test
  void nameOf63CharactersIsAccepted() {
    assertThat(Environment.of("a".repeat(63), "local").name()).hasSize(63);
  }

  @Test
  void rejectsNameLongerThan63Characters() {
    String name = "a".repeat(64);
    assertThatThrownBy(() -> Environment.of(name, "local"))
        .isInstanceOf(CliConfigException.class)
        .hasMessage("environment name \"" + name + "\": must be at most 63 characters (got 64)")
        .extracting(e -> ((CliConfigException) e).kind())
        .isEqualTo("cliconfig.invalid_config");
  }

  @Test
  void rejectsEmptyName() {
    assertThatThrownBy(() -> Environment.of("", "local"))
        .isInstanceOf(CliConfigException.class)
        .hasMessage("environment name: must not be empty");
  }

  @Test
  void rejectsBlankEndpoint() {
    assertThatThrownBy(() -> Environment.of("prod", " "))
        .isInstanceOf(CliConfigException.class)
        .hasMessage("environment \"prod\": operator_endpoint: must not be empty");
  }

  @Test
  void rejectsEndpointThatIsNotAUrl() {
    assertThatThrownBy(() -> Environment.of("prod", "https://exa mple.com"))
        .isInstanceOf(CliConfigException.class)
        .hasMessage(
            "environment \"prod\": operator_endpoint: \"https://exa mple.com\" is not a valid URL (Illegal"
                + " character in authority)");
  }

  @Test
  void rejectsEndpointWithoutHost() {
    assertThatThrownBy(() -> Environment.of("prod", "https:///path"))
        .isInstanceOf(CliConfigException.class)
        .hasMessage("environment \"prod\": operator_endpoint: \"https:///path\" is not a URL with a host");
  }

  @Test
  void rejectsDuplicateNamesWithCortexsMessage() {
    assertThatThrownBy(() -> new CliConfig(null, List.of(PROD, PROD.withOperatorEndpoint("local")), Map.of()))
        .isInstanceOf(CliConfigException.class)
        .hasMessage("duplicate environment names (prod is defined more than once)")
        .extracting(e -> ((CliConfigException) e).kind())
        .isEqualTo("cliconfig.duplicate_environment_names");
  }

  @Test
  void otherFieldsAreCopiesThatCannotChangeTheConfig() {
    CliConfig config = new CliConfig(null, List.of(), Map.of("telemetry", BooleanNode.TRUE));

    assertThatThrownBy(() -> config.otherFields().put("x", TextNode.valueOf("y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.otherFields()).containsExactly(Map.entry("telemetry", BooleanNode.TRUE));
  }

  @Test
  void resolvesTheDefaultWhenNoNameIsGiven() {
    assertThat(new CliConfig("dev", List.of(PROD, DEV), Map.of()).resolve(null)).isEqualTo(DEV);
  }

  @Test
  void resolvesANamedEnvironment() {
    assertThat(new CliConfig("dev", List.of(PROD, DEV), Map.of()).resolve("prod")).isEqualTo(PROD);
  }

  @Test
  void resolvingWithoutDefaultFailsWithCortexsMessage() {
    assertThatThrownBy(() -> new CliConfig(null, List.of(PROD), Map.of()).resolve(null))
        .isInstanceOf(EnvironmentNotFoundException.class)
        .hasMessage("no default environment configured")
        .extracting(e -> ((EnvironmentNotFoundException) e).kind())
        .isEqualTo("cliconfig.environment_not_configured");
  }

  @Test
  void resolvingAnUnknownNameFailsNamingIt() {
    assertThatThrownBy(() -> new CliConfig("prod", List.of(PROD), Map.of()).resolve("staging"))
        .isInstanceOf(EnvironmentNotFoundException.class)
        .hasMessage(
            "can't find environment staging, create one by calling `cortex env configure staging"
                + " --operator-endpoint URL`")
        .extracting(e -> ((EnvironmentNotFoundException) e).environment())
        .isEqualTo("staging");
  }

  @Test
  void resolvingADefaultThatNamesNoEnvironmentFailsNamingIt() {
    assertThatThrownBy(() -> new CliConfig("gone", List.of(PROD), Map.of()).resolve(null))
        .isInstanceOf(EnvironmentNotFoundException.class)
        .hasMessageStartingWith("can't find environment gone, ");
  }

  @Test
  void firstEnvironmentBecomesTheDefaultWhenNoneIsSet() {
    assertThat(new CliConfig(null, List.of(PROD, DEV), Map.of()).withFirstAsDefault().defaultEnvironment())
        .isEqualTo("prod");
  }

  @Test
  void existingDefaultIsKeptByFirstAsDefault() {
    CliConfig config = new CliConfig("dev", List.of(PROD, DEV), Map.of());
    assertThat(config.withFirstAsDefault()).isSameAs(config);
  }

  @Test
  void configWithoutEnvironmentsKeepsNoDefault() {
    assertThat(CliConfig.empty().withFirstAsDefault().defaultEnvironment()).isNull();
  }

  @Test
  void addedEnvironmentGoesLastAndBecomesDefaultWhenThereIsNone() {
    CliConfig config = CliConfig.empty().withEnvironment(PROD).withEnvironment(DEV);

    assertThat(config).isEqualTo(new CliConfig("prod", List.of(PROD, DEV), Map.of()));
  }

  @Test
  void configuringAnExistingNameReplacesItInPlace() {
    Environment newProd = PROD.withOperatorEndpoint("https://new.example.com");
    CliConfig config = new CliConfig("dev", List.of(PROD, DEV), Map.of()).withEnvironment(newProd);

    assertThat(config.environments()).containsExactly(newProd, DEV);
    assertThat(config.defaultEnvironment()).isEqualTo("dev");
  }

  @Test
  void deletingTheDefaultLeavesNoDefaultWhenSeveralRemain() {
    CliConfig config = new CliConfig("prod", List.of(PROD, DEV, LOCAL), Map.of()).withoutEnvironment("prod");

    assertThat(config).isEqualTo(new CliConfig(null, List.of(DEV, LOCAL), Map.of()));
  }

  @Test
  void deletingLeavesTheOnlyRemainingEnvironmentAsDefault() {
    CliConfig config = new CliConfig("prod", List.of(PROD, DEV), Map.of()).withoutEnvironment("prod");

    assertThat(config).isEqualTo(new CliConfig("dev", List.of(DEV), Map.of()));
  }

  @Test
  void deletingAnUnknownEnvironmentFailsWithCortexsCliMessage() {
    assertThatThrownBy(() -> CliConfig.empty().withoutEnvironment("prod"))
        .isInstanceOf(EnvironmentNotFoundException.class)
        .hasMessage("prod environment is not configured");
  }

  @Test
  void setsAnExistingEnvironmentAsDefault() {
    assertThat(new CliConfig("prod", List.of(PROD, DEV), Map.of()).withDefaultEnvironment("dev").defaultEnvironment())
        .isEqualTo("dev");
  }

  @Test
  void settingAnUnknownDefaultFails() {
    assertThatThrownBy(() -> CliConfig.empty().withDefaultEnvironment("prod"))
        .isInstanceOf(EnvironmentNotFoundException.class)
        .hasMessage("prod environment is not configured");
  }

  @Test
  void absentFileMeansOneLocalEnvironmentThatIsTheDefault() {
    assertThat(CliConfig.localOnly()).isEqualTo(new CliConfig("local", List.of(LOCAL), Map.of()));
  }
}
