package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.WorkloadError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskTimeoutTest {

  private final TaskCluster cluster = new TaskCluster();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final AtomicReference<Instant> deadline = new AtomicReference<>();

  TaskTimeoutTest() {
    cluster.deploy(
        "slow",
        Map.of(),
        Handlers.task(
            init ->
                (config, context) -> {
                  deadline.set(context.deadline().orElse(null));
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

  @Test
  void oneHourTimeoutPassesOnTheClockWithoutWaitingAndInterruptsTheTask() throws Exception {
    long wallStart = System.nanoTime();
    TaskJobSpec job = cluster.submit("slow", TaskSubmission.builder().timeout(3600).build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    cluster.clock.advance(Duration.ofHours(1).plusSeconds(1));

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    TaskJobStatus status = cluster.await("slow", job);
    assertThat(status.status()).isEqualTo(JobStatus.TIMED_OUT);
    assertThat(status.error())
        .isEqualTo(new WorkloadError("timed_out", "the task did not end within its timeout of 3600 seconds"));
    assertThat(status.endTime()).isEqualTo(cluster.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // S3 keeps seconds
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void taskIsNotTimedOutAtExactlyItsTimeoutAsCortexComparesStrictly() throws Exception {
    TaskJobSpec job = cluster.submit("slow", TaskSubmission.builder().timeout(60).build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    cluster.clock.advance(Duration.ofSeconds(60));

    assertThat(interrupted.await(200, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(cluster.runtime.getJob("slow", job.jobId()).status()).isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void taskContextCarriesTheDeadline() throws Exception {
    TaskJobSpec job = cluster.submit("slow", TaskSubmission.builder().timeout(90).build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(deadline.get()).isEqualTo(job.startTime().plusSeconds(90));
  }

  @Test
  void taskWithoutTimeoutIsNeverTimedOut() throws Exception {
    TaskJobSpec job = cluster.submit("slow", TaskSubmission.builder().build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    cluster.clock.advance(Duration.ofDays(365));

    assertThat(interrupted.await(200, TimeUnit.MILLISECONDS)).isFalse();
    TaskJobStatus status = cluster.runtime.getJob("slow", job.jobId());
    assertThat(status.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(status.workerCounts()).isEqualTo(new io.github.cortexj.core.job.WorkerCounts(1, 0, 0));
  }
}
