package io.github.cortexj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.testkit.AsyncHandlerHarness;
import io.github.cortexj.testkit.CortexTestCluster;
import io.github.cortexj.testkit.CortexTestExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quickstart's AsyncAPI: its handler alone, then a request through a test cluster. */
class ReviewScorerTest {

  @RegisterExtension
  final CortexTestExtension cortex =
      CortexTestExtension.newBuilder().deploy(Path.of("quickstart/cortex.yaml")).build();

  @Test
  void scoresAReviewWithTheProjectsLexicon() throws Exception {
    AsyncHandlerHarness harness =
        AsyncHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "review-scorer").build();

    assertThat(harness.handleJson("{\"product\":\"kettle\",\"text\":\"I love it, great kettle\"}").toString())
        .isEqualTo("{\"product\":\"kettle\",\"score\":4,\"label\":\"positive\"}");
  }

  @Test
  void refusesARequestWithoutText() throws Exception {
    AsyncHandlerHarness harness =
        AsyncHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "review-scorer").build();

    assertThatThrownBy(() -> harness.handleText("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a JSON review with a \"text\" field");
  }

  @Test
  void answersARequestSubmittedToTheCluster(CortexTestCluster cluster, CortexClient client) {
    String id = client.submitAsync("review-scorer",
        "{\"product\":\"toaster\",\"text\":\"broken and noisy\"}".getBytes(StandardCharsets.UTF_8),
        "application/json");

    cluster.assertThatAsync("review-scorer", id)
        .isCompleted()
        .hasResult("{\"product\":\"toaster\",\"score\":-4,\"label\":\"negative\"}");
  }
}
