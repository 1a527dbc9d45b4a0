package io.github.cortexj.task;

import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A task runtime over an in-memory store on a manual clock, with its own threads, for one test. */
final class TaskCluster implements AutoCloseable {

  final ManualClock clock = new ManualClock();
  final InMemoryObjectStore store = new InMemoryObjectStore("cortex", clock);
  final ExecutorService executor = Executors.newFixedThreadPool(4);
  final TaskRuntime runtime;

  TaskCluster() {
    this.runtime =
        TaskRuntime.builder().objectStore(store).clock(clock).executor(executor).tickPeriod(Duration.ofMillis(5)).build();
  }

  TaskCluster deploy(String name, Map<String, @Nullable Object> config, HandlerFactory<? extends Task> factory) {
    return deploy(name, config, factory, ProjectFiles.none());
  }

  TaskCluster deploy(
      String name, Map<String, @Nullable Object> config, HandlerFactory<? extends Task> factory, ProjectFiles files) {
    runtime.register(new TaskApiDeployment(name, "1--spec", "spec", "handler", config, factory, files));
    return this;
  }

  TaskJobSpec submit(String api, TaskSubmission submission) {
    return runtime.submit(api, submission);
  }

  TaskJobStatus await(String api, TaskJobSpec job) throws InterruptedException {
    if (!runtime.awaitJob(api, job.jobId(), Duration.ofSeconds(10))) {
      throw new AssertionError("task " + job.jobId() + " did not end within 10 s");
    }
    return runtime.getJob(api, job.jobId());
  }

  /** The keys under the task's prefix and its in-progress marker, relative to the prefix {@code cortex/}. */
  List<String> keys(String api, String jobId) {
    return store.listAll("cortex/jobs/TaskAPI/").stream()
        .map(ObjectInfo::key)
        .filter(key -> key.contains("/" + jobId))
        .map(key -> key.substring("cortex/jobs/TaskAPI/".length()))
        .sorted()
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    runtime.close();
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
