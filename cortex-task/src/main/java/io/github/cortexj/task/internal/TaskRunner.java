package io.github.cortexj.task.internal;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.config.ConfigMerger;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.logging.HandlerMdc;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.task.TaskApiDeployment;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task job, once, on an executor thread (Cortex's {@code start/task.py}): merges the API's
 * {@code definition.config} with the job's config (the job wins), builds the task, and calls it with a
 * {@link TaskContext} (job id, deadline, metrics, project files and {@code .env} values, the cluster's client),
 * the MDC holding the API name and job id. Returning ends the job {@code succeeded}; throwing ends it
 * {@code worker_error} with the error's type and message stored.
 *
 * <p>One instance runs once, on one thread.
 */
final class TaskRunner implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final TaskSettings settings;
  private final TaskRun run;
  private final TaskEnding ending;
  private final Runnable onLeave;

  TaskRunner(TaskSettings settings, TaskRun run, TaskEnding ending, Runnable onLeave) {
    this.settings = settings;
    this.run = run;
    this.ending = ending;
    this.onLeave = onLeave;
  }

  @Override
  public void run() {
    try {
      if (!run.isEnded()) {
        run.attach(Thread.currentThread());
        runTask();
      }
    } finally {
      run.detach();
      onLeave.run();
    }
  }

  private void runTask() {
    TaskJobSpec spec = run.spec();
    TaskApiDeployment api = run.api();
    try (HandlerMdc mdc = HandlerMdc.builder().apiName(spec.apiName()).jobId(spec.jobId()).open()) {
      MetricsClient metrics = MetricsClient.forHandlers(settings.metrics());
      CortexClient client = client();
      HandlerInit.Builder init =
          HandlerInit.builder()
              .config(ConfigMerger.merge(api.config(), spec.config()))
              .metrics(metrics)
              .projectFiles(api.projectFiles())
              .objectMapper(settings.mapper());
      TaskContext.Builder context =
          TaskContext.builder()
              .apiName(spec.apiName())
              .jobId(spec.jobId())
              .deadline(run.deadline())
              .metrics(metrics)
              .projectFiles(api.projectFiles());
      if (client != null) {
        init.client(client);
        context.client(client);
      }
      HandlerInit built = init.build();
      try {
        Task task = api.taskFactory().create(built);
        LOG.info("running task {}", spec.jobId());
        task.run(built.config(), context.build());
        ending.end(run, JobStatus.SUCCEEDED, null);
      } catch (Exception | Error e) {
        if (!run.isEnded()) {
          LOG.error("failed to run task {}", spec.jobId(), e);
        }
        ending.end(run, JobStatus.WORKER_ERROR, WorkloadError.of(e));
      }
    } catch (RuntimeException e) {
      // The store failed while recording the end, or the context could not be built: still end the run here.
      LOG.error("failed to run task {}", spec.jobId(), e);
      ending.end(run, JobStatus.WORKER_ERROR, WorkloadError.of(e));
    }
  }

  private @Nullable CortexClient client() {
    Supplier<CortexClient> supplier = settings.client();
    return supplier == null ? null : supplier.get();
  }
}
