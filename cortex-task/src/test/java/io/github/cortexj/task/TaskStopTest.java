package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.JobNotFoundException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskStopTest {

  private final TaskCluster cluster = new TaskCluster();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);

  TaskStopTest() {
    cluster.deploy(
        "long",
        Map.of(),
        Handlers.task(
            init ->
                (config, context) -> {
                  started.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                  }
                }));
  }

  @AfterEach
  void close() throws InterruptedException {
    cluster.close();
  }

  private TaskJobSpec startLongTask() throws InterruptedException {
    TaskJobSpec job = cluster.submit("long", TaskSubmission.builder().build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    return job;
  }

  @Test
  void stoppingARunningTaskInterruptsItAndRecordsStopped() throws Exception {
    TaskJobSpec job = startLongTask();

    cluster.runtime.stopJob("long", job.jobId());

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    TaskJobStatus status = cluster.runtime.getJob("long", job.jobId());
    assertThat(status.status()).isEqualTo(JobStatus.STOPPED);
    assertThat(status.error()).isNull();
    assertThat(cluster.keys("long", job.jobId()))
        .containsExactly(
            "long/" + job.jobId() + "/running", "long/" + job.jobId() + "/spec.json", "long/" + job.jobId() + "/stopped");
  }

  @Test
  void stoppingAFinishedTaskIsNotInProgressError() throws Exception {
    cluster.deploy("quick", Map.of(), Handlers.task(init -> (config, context) -> {}));
    TaskJobSpec job = cluster.submit("quick", TaskSubmission.builder().build());
    cluster.await("quick", job);

    assertThatThrownBy(() -> cluster.runtime.stopJob("quick", job.jobId()))
        .isInstanceOf(CortexException.class)
        .hasMessage("cannot stop TaskAPI job " + job.jobId() + " because it is not in progress (it is succeeded)")
        .extracting(e -> ((CortexException) e).kind())
        .isEqualTo("job.job_is_not_in_progress");
  }

  @Test
  void stoppingAStoppedTaskAgainIsNotInProgressError() throws Exception {
    TaskJobSpec job = startLongTask();
    cluster.runtime.stopJob("long", job.jobId());

    assertThatThrownBy(() -> cluster.runtime.stopJob("long", job.jobId()))
        .hasMessage("cannot stop TaskAPI job " + job.jobId() + " because it is not in progress (it is stopped)");
  }

  @Test
  void unknownTaskIsNotFoundNamingTaskApi() {
    assertThatThrownBy(() -> cluster.runtime.getJob("long", "1234abcd"))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("failed to get job state: unable to find TaskAPI job 1234abcd (long api)");
    assertThatThrownBy(() -> cluster.runtime.stopJob("long", "1234abcd"))
        .isInstanceOf(JobNotFoundException.class);
  }

  @Test
  void malformedJobIdIsNotFoundWithoutReachingTheStore() {
    assertThatThrownBy(() -> cluster.runtime.getJob("long", "../../apis/x"))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("failed to get job state: unable to find TaskAPI job ../../apis/x (long api)");
  }

  @Test
  void closingTheRuntimeStopsRunningTasks() throws Exception {
    TaskJobSpec job = startLongTask();

    cluster.runtime.close();

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cluster.runtime.getJob("long", job.jobId()).status()).isEqualTo(JobStatus.STOPPED);
  }

  @Test
  void unregisteringTheApiStopsItsRunningTasks() throws Exception {
    TaskJobSpec job = startLongTask();

    cluster.runtime.unregister("long");

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cluster.store.head("cortex/jobs/TaskAPI/long/" + job.jobId() + "/stopped")).isPresent();
  }

  @Test
  void stopWrittenByAnotherProcessSharingTheStoreInterruptsTheTask() throws Exception {
    TaskJobSpec job = startLongTask();
    try (TaskRuntime other =
        TaskRuntime.builder().objectStore(cluster.store).clock(cluster.clock).executor(cluster.executor).build()) {
      other.register(cluster.runtime.registered("long").orElseThrow());

      other.stopJob("long", job.jobId());

      assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cluster.runtime.awaitJob("long", job.jobId(), Duration.ofSeconds(10))).isTrue();
      assertThat(cluster.runtime.getJob("long", job.jobId()).status()).isEqualTo(JobStatus.STOPPED);
    }
  }
}
