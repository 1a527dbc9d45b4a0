package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes that use the extension through JUnit's EngineTestKit and checks what happened. */
public class CortexTestExtensionTest {

  static final ApiSpec API = ApiSpec.batch("reviews").handlerClass("unused.Placeholder").build();

  /** A handler that does nothing. */
  public static final class NoOp implements BatchHandler {
    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  static class InjectsParameters {
    @RegisterExtension
    final CortexTestExtension cortex = CortexTestExtension.newBuilder().deploy(API, NoOp.class).build();

    @Test
    void injectsTheClusterAndItsParts(
        CortexTestCluster cluster, CortexClient client, ManualClock clock, RecordingMetricsClient metrics,
        Faults faults) {
      assertThat(client).isSameAs(cluster.client());
      assertThat(clock).isSameAs(cluster.clock());
      assertThat(metrics).isSameAs(cluster.metrics());
      assertThat(faults).isSameAs(cluster.faults());
      assertThat(client.listApis()).extracting(api -> api.name()).containsExactly("reviews");
    }
  }

  @Test
  void injectsTheClusterClientClockMetricsAndFaultsWithTheApisDeployed() {
    run(InjectsParameters.class).assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
  }

  static class PerTest {
    static final List<CortexTestCluster> SEEN = new ArrayList<>();

    @RegisterExtension
    final CortexTestExtension cortex = CortexTestExtension.newBuilder().deploy(API, NoOp.class).build();

    @Test
    void first(CortexTestCluster cluster) {
      submitAndCount(cluster);
    }

    @Test
    void second(CortexTestCluster cluster) {
      submitAndCount(cluster);
    }

    private static void submitAndCount(CortexTestCluster cluster) {
      SEEN.add(cluster);
      JobSpec job = cluster.client().submitJob("reviews", JobSubmission.items(List.of(1)).build());
      cluster.awaitJob("reviews", job.jobId());
      assertThat(cluster.client().listJobs("reviews")).hasSize(1);
    }
  }

  @Test
  void givesEachTestItsOwnClusterAndClosesItAfterwards() {
    PerTest.SEEN.clear();

    run(PerTest.class).assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(PerTest.SEEN).hasSize(2).doesNotHaveDuplicates();
    assertThatThrownBy(() -> PerTest.SEEN.get(0).client().submitJob("reviews",
            JobSubmission.items(List.of(1)).build()))
        .isInstanceOfSatisfying(CortexException.class, e -> assertThat(e.kind()).isEqualTo("embedded.closed"))
        .hasMessage("submitJob(reviews) refused: the embedded cluster has been closed");
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClass {
    @RegisterExtension
    static final CortexTestExtension CORTEX =
        CortexTestExtension.newBuilder().deploy(API, NoOp.class).perClass().build();

    @Test
    @Order(1)
    void submits(CortexTestCluster cluster) {
      JobSpec job = cluster.client().submitJob("reviews", JobSubmission.items(List.of(1)).build());
      cluster.awaitJob("reviews", job.jobId());
    }

    @Test
    @Order(2)
    void seesTheJobOfTheFirstTest(CortexClient client) {
      assertThat(client.listJobs("reviews")).hasSize(1);
    }
  }

  @Test
  void sharesOneClusterAmongTheTestsOfAClassWhenPerClass() {
    run(PerClass.class).assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  static class FailsAfterAJob {
    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @RegisterExtension
    final CortexTestExtension cortex =
        CortexTestExtension.newBuilder()
            .deploy(API, NoOp.class)
            .diagnosticsTo(new PrintStream(OUT, true, StandardCharsets.UTF_8))
            .build();

    @Test
    void failing(CortexTestCluster cluster) {
      JobSpec job = cluster.client().submitJob("reviews", JobSubmission.items(List.of(1, 2)).build());
      cluster.awaitJob("reviews", job.jobId());
      assertThat(job.jobId()).isEqualTo("a job id it is not");
    }

    @Test
    void passing(CortexTestCluster cluster) {
      assertThat(cluster.client().listApis()).hasSize(1);
    }
  }

  @Test
  void printsTheTimelineOfAFailedTestAndNothingForAPassingOne() {
    FailsAfterAJob.OUT.reset();

    run(FailsAfterAJob.class).assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));

    String printed = FailsAfterAJob.OUT.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .startsWith("CortexTestExtension: failing(CortexTestCluster) failed with org.opentest4j.AssertionFailedError")
        .contains("=== Cortex test cluster timeline")
        .containsPattern("BatchAPI reviews\n  job [0-9a-f]+: succeeded, \\d+ batches \\(succeeded \\d+, failed 0")
        .contains("client: submitted job ")
        .doesNotContain("passing(");
  }

  static class NotRegistered {
    @Test
    void wantsACluster(CortexTestCluster cluster) {}
  }

  @Test
  void parametersAreNotResolvedWithoutTheExtension() {
    run(NotRegistered.class).assertStatistics(stats -> stats.started(1).failed(1));
  }
}
