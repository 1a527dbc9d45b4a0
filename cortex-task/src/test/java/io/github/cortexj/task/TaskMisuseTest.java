package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.WorkloadError;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a user who misuses tasks sees: exceptions without messages, interrupts ignored, odd configs, bad classes. */
class TaskMisuseTest {

  private final TaskCluster cluster = new TaskCluster();

  @AfterEach
  void close() throws InterruptedException {
    cluster.close();
  }

  @Test
  void taskThrowingAnErrorWithoutMessageEndsWithWorkerErrorAndEmptyMessage() throws Exception {
    cluster.deploy(
        "deep",
        Map.of(),
        Handlers.task(
            init ->
                (config, context) -> {
                  throw new StackOverflowError();
                }));
    TaskJobStatus status = cluster.await("deep", cluster.submit("deep", TaskSubmission.builder().build()));

    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    assertThat(status.error()).isEqualTo(new WorkloadError("java.lang.StackOverflowError", ""));
  }

  @Test
  void taskIgnoringInterruptsIsStoppedAtOnceAndStaysStoppedWhenItReturns() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch returned = new CountDownLatch(1);
    cluster.deploy(
        "stubborn",
        Map.of(),
        Handlers.task(
            init ->
                (config, context) -> {
                  started.countDown();
                  while (true) {
                    try {
                      if (release.await(10, TimeUnit.SECONDS)) {
                        break;
                      }
                    } catch (InterruptedException ignored) {
                      // a task that ignores interrupts
                    }
                  }
                  returned.countDown();
                }));
    TaskJobSpec job = cluster.submit("stubborn", TaskSubmission.builder().build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    cluster.runtime.stopJob("stubborn", job.jobId());
    assertThat(cluster.runtime.getJob("stubborn", job.jobId()).status()).isEqualTo(JobStatus.STOPPED);
    assertThatThrownBy(() -> cluster.runtime.stopJob("stubborn", job.jobId()))
        .hasMessage("cannot stop TaskAPI job " + job.jobId() + " because it is not in progress (it is stopped)");
    release.countDown();
    assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(cluster.runtime.awaitJob("stubborn", job.jobId(), Duration.ofSeconds(10))).isTrue();
    assertThat(cluster.runtime.getJob("stubborn", job.jobId()).status()).isEqualTo(JobStatus.STOPPED);
    assertThat(cluster.keys("stubborn", job.jobId()))
        .containsExactly(
            "stubborn/" + job.jobId() + "/running",
            "stubborn/" + job.jobId() + "/spec.json",
            "stubborn/" + job.jobId() + "/stopped");
  }

  @Test
  void nestedNullsAndListsMergeAsDocumented() throws Exception {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    Map<String, @Nullable Object> inner = new LinkedHashMap<>();
    inner.put("x", null);
    inner.put("y", List.of(Map.of("a", 1)));
    Map<String, @Nullable Object> api = new LinkedHashMap<>();
    api.put("n", inner);
    api.put("gone", Map.of("k", 1));
    api.put("keep", null);
    cluster.deploy("merge", api, Handlers.task(init -> (config, context) -> seen.set(config)));
    Map<String, @Nullable Object> jobInner = new HashMap<>();
    jobInner.put("y", List.of(Map.of("b", 2)));
    jobInner.put("z", null);
    Map<String, @Nullable Object> job = new HashMap<>();
    job.put("n", jobInner);
    job.put("gone", null);

    TaskJobSpec spec = cluster.submit("merge", TaskSubmission.builder().config(job).build());
    assertThat(cluster.await("merge", spec).status()).isEqualTo(JobStatus.SUCCEEDED);

    Map<String, @Nullable Object> expectedInner = new HashMap<>();
    expectedInner.put("x", null);
    expectedInner.put("y", List.of(Map.of("b", 2)));
    expectedInner.put("z", null);
    Map<String, @Nullable Object> expected = new HashMap<>();
    expected.put("n", expectedInner);
    expected.put("gone", null);
    expected.put("keep", null);
    assertThat(seen.get()).isEqualTo(expected);
  }

  /** A task whose only constructor is package-private. */
  public static final class HiddenConstructorTask implements Task {
    HiddenConstructorTask() {}

    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  @Test
  void taskWithoutPublicConstructorIsRefusedNamingTheClass() {
    assertThatThrownBy(() -> Handlers.task(HiddenConstructorTask.class))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessageContaining(HiddenConstructorTask.class.getName());
  }

  @Test
  void unknownApiIsRefusedOnSubmit() {
    assertThatThrownBy(() -> cluster.submit("nope", TaskSubmission.builder().build()))
        .hasMessageContaining("nope");
  }
}
