package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.CloseableCortexClient;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.env.CliConfigFile;
import io.github.cortexj.core.env.UnsupportedEndpointException;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CortexClient.fromEnvironment with cortex-client's provider found on the class path. */
class FromEnvironmentTest {

  @TempDir Path dir;

  private CliConfigFile file(String yaml) throws Exception {
    Path path = dir.resolve("cli.yaml");
    Files.writeString(path, yaml);
    return CliConfigFile.at(path);
  }

  private static final String TWO_ENVIRONMENTS =
      "default_environment: dev\nenvironments:\n  - {name: dev, operator_endpoint: local}\n"
          + "  - {name: prod, operator_endpoint: operator.example.com}\n";

  @Test
  void absentFileGivesAnEmbeddedClusterThatRunsJobs() throws Exception {
    try (CloseableCortexClient cortex = CortexClient.fromEnvironment(CliConfigFile.at(dir.resolve("none.yaml")))) {
      assertThat(cortex).isInstanceOf(EmbeddedCortexClient.class);

      cortex.createApi(ApiSpec.batch("counter").handlerClass("unused").build(), Handlers.batch(init -> (batch, context) -> {}));
      JobSpec job = cortex.submitJob("counter", JobSubmission.items(List.of(1, 2, 3)).batchSize(2).build());
      assertThat(((EmbeddedCortexClient) cortex).awaitJob("counter", job.jobId(), Duration.ofSeconds(30)).status())
          .isEqualTo(JobStatus.SUCCEEDED);
    }
  }

  @Test
  void defaultLocalEnvironmentGivesAnEmbeddedCluster() throws Exception {
    try (CloseableCortexClient cortex = CortexClient.fromEnvironment(file(TWO_ENVIRONMENTS))) {
      assertThat(cortex.describe()).isEqualTo("embedded");
    }
  }

  @Test
  void everyCallGivesItsOwnCluster() throws Exception {
    CliConfigFile file = file(TWO_ENVIRONMENTS);
    try (CloseableCortexClient first = CortexClient.fromEnvironment(file, "dev");
        CloseableCortexClient second = CortexClient.fromEnvironment(file, "dev")) {
      first.createApi(ApiSpec.batch("only-in-first").handlerClass("unused").build(), Handlers.batch(init -> (batch, context) -> {}));

      assertThat(second.listApis()).isEmpty();
    }
  }

  @Test
  void httpOperatorIsRefusedUntilTheHttpClientExists() throws Exception {
    CliConfigFile file = file(TWO_ENVIRONMENTS);

    assertThatThrownBy(() -> CortexClient.fromEnvironment(file, "prod"))
        .isInstanceOf(UnsupportedEndpointException.class)
        .hasMessage(
            "the HTTP client is not available yet: environment prod points at operator https://operator.example.com;"
                + " only environments whose operator_endpoint is local (an embedded cluster) can be used")
        .extracting(e -> ((UnsupportedEndpointException) e).kind())
        .isEqualTo("client.http_not_supported");
  }

  @Test
  void otherSchemesAreNotClaimedByAnyProvider() throws Exception {
    CliConfigFile file = file("environments:\n  - {name: odd, operator_endpoint: 'ftp://files.example.com'}\n");

    assertThatThrownBy(() -> CortexClient.fromEnvironment(file))
        .isInstanceOf(UnsupportedEndpointException.class)
        .extracting(e -> ((UnsupportedEndpointException) e).kind())
        .isEqualTo("client.no_provider");
  }
}
