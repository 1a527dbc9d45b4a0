package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.JobSubmissionException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskSubmissionTest {

  private final TaskCluster cluster = new TaskCluster();
  private final CountDownLatch release = new CountDownLatch(1);

  TaskSubmissionTest() {
    cluster.deploy("trainer", Map.of("epochs", 1), Handlers.task(init -> (config, context) -> release.await()));
  }

  @AfterEach
  void close() throws InterruptedException {
    release.countDown();
    cluster.close();
  }

  @Test
  void rejectsAnyWorkerCountOtherThanOneWithCortexMessage() {
    qt().forAll(integers().all())
        .assuming(workers -> workers != 1)
        .checkAssert(
            workers ->
                assertThatThrownBy(() -> cluster.submit("trainer", TaskSubmission.builder().workers(workers).build()))
                    .isInstanceOf(JobSubmissionException.class)
                    .hasMessage("workers: invalid value (got " + workers + ", must be 1)")
                    .extracting(e -> ((CortexException) e).kind())
                    .isEqualTo("job.invalid_field"));
    assertThat(cluster.store.listAll("cortex/")).isEmpty();
  }

  @Test
  void rejectsTimeoutBelowOneUnlikeCortex() {
    qt().forAll(integers().between(Integer.MIN_VALUE, 0))
        .checkAssert(
            timeout ->
                assertThatThrownBy(() -> cluster.submit("trainer", TaskSubmission.builder().timeout(timeout).build()))
                    .isInstanceOf(JobSubmissionException.class)
                    .hasMessage("timeout: must be greater than or equal to 1 (got " + timeout + ")"));
  }

  @Test
  void answersWithCortexTaskJobSpec() {
    TaskJobSpec spec =
        cluster.submit("trainer", TaskSubmission.builder().config(Map.of("epochs", 3)).timeout(60).build());

    assertThat(spec.jobId()).matches("[0-9a-f]{16}");
    assertThat(spec.apiName()).isEqualTo("trainer");
    assertThat(spec.kind()).isEqualTo("TaskAPI");
    assertThat(spec.workers()).isEqualTo(1);
    assertThat(spec.config()).isEqualTo(Map.of("epochs", 3));
    assertThat(spec.timeout()).isEqualTo(60);
    assertThat(List.of(spec.apiId(), spec.specId(), spec.handlerId())).containsExactly("1--spec", "spec", "handler");
    assertThat(spec.startTime()).isEqualTo(cluster.clock.instant());
  }

  @Test
  void storesSpecRunningAndInProgressMarkersBeforeTheTaskEnds() {
    TaskJobSpec spec = cluster.submit("trainer", TaskSubmission.builder().build());

    assertThat(cluster.keys("trainer", spec.jobId()))
        .containsExactly(
            "in_progress/trainer/" + spec.jobId(),
            "trainer/" + spec.jobId() + "/running",
            "trainer/" + spec.jobId() + "/spec.json");
    TaskJobStatus status = cluster.runtime.getJob("trainer", spec.jobId());
    assertThat(status.status().code()).isEqualTo("running");
    assertThat(status.endTime()).isNull();
    assertThat(status.jobSpec()).isEqualTo(spec);
  }

  @Test
  void refusesTasksOfAnApiThatIsNotRegistered() {
    assertThatThrownBy(() -> cluster.submit("nope", TaskSubmission.builder().build()))
        .isInstanceOf(ApiNotDeployedException.class)
        .hasMessage("nope is not deployed");
  }

  @Test
  void listsTasksNewestFirst() {
    TaskJobSpec first = cluster.submit("trainer", TaskSubmission.builder().build());
    cluster.clock.advance(java.time.Duration.ofSeconds(1));
    TaskJobSpec second = cluster.submit("trainer", TaskSubmission.builder().build());

    assertThat(cluster.runtime.listJobs("trainer"))
        .extracting(TaskJobStatus::jobId)
        .containsExactly(second.jobId(), first.jobId());
  }
}
