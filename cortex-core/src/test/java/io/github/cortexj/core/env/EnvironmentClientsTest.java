package io.github.cortexj.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.github.cortexj.core.CloseableCortexClient;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.internal.env.EnvironmentClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an environment becomes a client: resolution in the file, then the first provider that supports it. */
class EnvironmentClientsTest {

  @TempDir Path dir;

  /** A provider that supports one endpoint and records what it was asked to create. */
  private static final class EndpointProvider implements CortexClientProvider {
    final String endpoint;
    final CloseableCortexClient client = mock(CloseableCortexClient.class);
    final List<Environment> created = new ArrayList<>();

    EndpointProvider(String endpoint) {
      this.endpoint = endpoint;
    }

    @Override
    public boolean supports(Environment environment) {
      return environment.operatorEndpoint().equals(endpoint);
    }

    @Override
    public CloseableCortexClient create(Environment environment) {
      created.add(environment);
      return client;
    }
  }

  private CliConfigFile file(String yaml) throws Exception {
    Path path = dir.resolve("cli.yaml");
    Files.writeString(path, yaml);
    return CliConfigFile.at(path);
  }

  @Test
  void defaultEnvironmentGoesToTheProviderThatSupportsIt() throws Exception {
    EndpointProvider local = new EndpointProvider("local");
    EndpointProvider remote = new EndpointProvider("https://prod.example.com");
    CliConfigFile file =
        file("default_environment: prod\nenvironments:\n  - {name: dev, operator_endpoint: local}\n"
            + "  - {name: prod, operator_endpoint: prod.example.com}\n");

    assertThat(EnvironmentClients.open(file, null, List.of(local, remote))).isSameAs(remote.client);
    assertThat(remote.created).containsExactly(Environment.of("prod", "https://prod.example.com"));
    assertThat(local.created).isEmpty();
  }

  @Test
  void namedEnvironmentIsUsedInsteadOfTheDefault() throws Exception {
    EndpointProvider local = new EndpointProvider("local");
    CliConfigFile file =
        file("default_environment: prod\nenvironments:\n  - {name: dev, operator_endpoint: local}\n"
            + "  - {name: prod, operator_endpoint: prod.example.com}\n");

    assertThat(EnvironmentClients.open(file, "dev", List.of(local))).isSameAs(local.client);
  }

  @Test
  void absentFileGivesTheLocalEnvironment() {
    EndpointProvider local = new EndpointProvider("local");

    EnvironmentClients.open(CliConfigFile.at(dir.resolve("absent.yaml")), null, List.of(local));

    assertThat(local.created).containsExactly(Environment.of("local", "local"));
  }

  @Test
  void unknownEnvironmentFailsBeforeAnyProviderIsAsked() {
    EndpointProvider local = new EndpointProvider("local");

    assertThatThrownBy(() -> EnvironmentClients.open(CliConfigFile.at(dir.resolve("absent.yaml")), "prod",
            List.of(local)))
        .isInstanceOf(EnvironmentNotFoundException.class)
        .hasMessageStartingWith("can't find environment prod, ");
    assertThat(local.created).isEmpty();
  }

  @Test
  void endpointNoProviderSupportsIsATypedError() throws Exception {
    CliConfigFile file = file("environments:\n  - {name: prod, operator_endpoint: prod.example.com}\n");

    assertThatThrownBy(() -> EnvironmentClients.open(file, null, List.of(new EndpointProvider("local"))))
        .isInstanceOf(UnsupportedEndpointException.class)
        .hasMessage(
            "no CortexClientProvider on the class path supports operator endpoint https://prod.example.com of"
                + " environment prod (is cortex-client on the class path?)")
        .extracting(e -> ((UnsupportedEndpointException) e).kind())
        .isEqualTo("client.no_provider");
  }

  @Test
  void fromEnvironmentWithoutCortexClientOnTheClassPathNeverFallsBack() {
    // cortex-core's own tests have no provider registered.
    assertThatThrownBy(() -> CortexClient.fromEnvironment(CliConfigFile.at(dir.resolve("absent.yaml"))))
        .isInstanceOf(UnsupportedEndpointException.class)
        .hasMessageContaining("operator endpoint local of environment local");
  }
}
