package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.WorkloadError;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskOutcomeTest {

  private final TaskCluster cluster = new TaskCluster();

  @AfterEach
  void close() throws InterruptedException {
    cluster.close();
  }

  @Test
  void taskThatReturnsSucceedsWithItsMarkerAndEndTime() throws Exception {
    cluster.deploy("ok", Map.of(), Handlers.task(init -> (config, context) -> {}));
    TaskJobSpec job = cluster.submit("ok", TaskSubmission.builder().build());

    TaskJobStatus status = cluster.await("ok", job);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.endTime()).isEqualTo(cluster.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // S3 keeps seconds
    assertThat(status.workerCounts()).isNull();
    assertThat(status.error()).isNull();
    assertThat(cluster.keys("ok", job.jobId()))
        .containsExactly(
            "ok/" + job.jobId() + "/running", "ok/" + job.jobId() + "/spec.json", "ok/" + job.jobId() + "/succeeded");
  }

  @Test
  void taskThatThrowsEndsWithWorkerErrorAndItsStoredError() throws Exception {
    cluster.deploy(
        "broken",
        Map.of(),
        Handlers.task(
            init ->
                (config, context) -> {
                  throw new IllegalStateException("values.json has no accuracy");
                }));
    TaskJobSpec job = cluster.submit("broken", TaskSubmission.builder().build());

    TaskJobStatus status = cluster.await("broken", job);

    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    assertThat(status.error())
        .isEqualTo(new WorkloadError("java.lang.IllegalStateException", "values.json has no accuracy"));
    assertThat(cluster.keys("broken", job.jobId()))
        .containsExactly(
            "broken/" + job.jobId() + "/error.json",
            "broken/" + job.jobId() + "/running",
            "broken/" + job.jobId() + "/spec.json",
            "broken/" + job.jobId() + "/worker_error");
  }

  @Test
  void taskWhoseConstructorFailsEndsWithWorkerErrorNamingHandlerDefinition() throws Exception {
    cluster.deploy(
        "unbuildable",
        Map.of(),
        Handlers.task(
            init -> {
              throw new java.io.IOException("model.bin is missing");
            }));
    TaskJobSpec job = cluster.submit("unbuildable", TaskSubmission.builder().build());

    TaskJobStatus status = cluster.await("unbuildable", job);

    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    assertThat(status.error().type()).isEqualTo(HandlerDefinitionException.class.getName());
    assertThat(status.error().message()).contains("model.bin is missing");
  }

  @Test
  void taskRunsOncePerJob() throws Exception {
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    cluster.deploy("counted", Map.of(), Handlers.task(init -> (config, context) -> runs.incrementAndGet()));

    cluster.await("counted", cluster.submit("counted", TaskSubmission.builder().build()));
    cluster.await("counted", cluster.submit("counted", TaskSubmission.builder().build()));

    assertThat(runs).hasValue(2);
  }
}
