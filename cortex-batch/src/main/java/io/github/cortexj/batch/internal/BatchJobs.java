package io.github.cortexj.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.batch.BatchApiDeployment;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.MessageBatcher;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueNames;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.RedrivePolicy;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.BatchMetrics;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.ItemList;
import io.github.cortexj.core.job.JobIds;
import io.github.cortexj.core.job.JobNotFoundException;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.runtime.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits, runs, stops and reads the batch jobs of one cluster: validation, the store layout, the enqueuer on the
 * executor with {@code workers} {@link BatchWorker}s started beside it, and a ticker that renews visibilities and
 * enforces timeouts on the runtime's clock.
 *
 * <p>Thread safe.
 */
public final class BatchJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BatchJobs.class);

  /** The body of the completion message: Cortex's sentinel body. */
  static final String COMPLETION_BODY = "\"job_complete\"";

  /** How often (wall time) a running job's store is asked whether another process stopped it. */
  private static final long REMOTE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final RuntimeSettings settings;
  private final JobIds ids;
  private final JobSubmissionValidator validator;
  private final JobEnding ending;
  private final JobCompletion completion;
  private final MessageBatcher batcher;
  private final Map<String, JobRun> runs = new ConcurrentHashMap<>();
  private final Ticker ticker;
  private volatile boolean closed;

  /**
   * Creates the job runner and starts its ticker.
   *
   * @param settings the shared settings
   * @param tickPeriod how often (in wall time) visibilities and timeouts are checked against the clock
   */
  public BatchJobs(RuntimeSettings settings, Duration tickPeriod) {
    this.settings = settings;
    this.ids = new JobIds(settings.clock());
    this.validator = new JobSubmissionValidator(settings.store(), settings.jobStore().clusterPrefix());
    this.ending = new JobEnding(settings);
    this.completion = new JobCompletion(settings, ending);
    this.batcher = MessageBatcher.of(settings.queues());
    this.ticker = Ticker.start("cortex-batch-ticker", tickPeriod, this::tick);
  }

  /**
   * Validates a submission without running it.
   *
   * @param submission the submission
   * @return what a dry run reports
   */
  public DryRunResult dryRun(JobSubmission submission) {
    return validator.dryRun(submission);
  }

  /**
   * Validates and starts a job.
   *
   * @param api the API the job runs on
   * @param submission the submission
   * @return the job's spec as first stored
   */
  public JobSpec submit(BatchApiDeployment api, JobSubmission submission) {
    validator.validate(submission);
    return start(api, submission, null);
  }

  /**
   * Starts a job made of exactly the failed batches of an earlier job, one batch per failed batch.
   *
   * @param api the API
   * @param jobId the earlier job
   * @return the new job's spec
   */
  public JobSpec retryFailedBatches(BatchApiDeployment api, String jobId) {
    JobSpec old = spec(api.name(), jobId);
    List<FailedBatch> failed = settings.jobStore().failedBatches(api.name(), jobId);
    if (failed.isEmpty()) {
      throw new CortexException(
          "job.no_failed_batches", "job " + jobId + " (" + api.name() + " api) has no failed batches to retry");
    }
    List<List<JsonNode>> batches = new ArrayList<>();
    List<JsonNode> all = new ArrayList<>();
    int largest = 1;
    for (FailedBatch batch : failed) {
      batches.add(batch.items());
      all.addAll(batch.items());
      largest = Math.max(largest, batch.items().size());
    }
    JobSubmission submission =
        new JobSubmission(
            old.workers(),
            old.timeout(),
            old.sqsDeadLetterQueue(),
            old.config(),
            new ItemList(all, largest),
            null,
            null,
            null,
            null);
    return start(api, submission, batches);
  }

  private JobSpec start(BatchApiDeployment api, JobSubmission submission, @Nullable List<List<JsonNode>> batches) {
    if (closed) {
      throw new IllegalStateException("the batch runtime is closed");
    }
    String jobId = ids.next();
    JobSpec spec =
        JobSpec.builder()
            .jobId(jobId)
            .apiName(api.name())
            .workers(submission.workers())
            .sqsDeadLetterQueue(submission.sqsDeadLetterQueue())
            .config(submission.config())
            .timeout(submission.timeout())
            .apiId(api.apiId())
            .startTime(settings.clock().instant())
            .build();
    JobStore store = settings.jobStore();
    store.writeSpec(spec);
    store.writePayload(api.name(), jobId, submission);
    store.writeMarker(api.name(), jobId, JobStatus.PENDING);
    JobRun run = new JobRun(api, spec, submission);
    runs.put(key(api.name(), jobId), run);
    try {
      submitTask(run, () -> enqueueAndStartWorkers(run, batches));
    } catch (RejectedExecutionException e) {
      // As a task the executor refuses: the job ends unexpected_error with the reason, never stays pending.
      LOG.error("could not start job {} of {}", jobId, api.name(), e);
      ending.end(run, JobStatus.UNEXPECTED_ERROR, e);
    }
    return spec;
  }

  /** Runs a task of the run on the executor, counted so that the run's queues outlive it. */
  private void submitTask(JobRun run, Runnable task) {
    run.taskSubmitted();
    try {
      run.track(
          settings
              .executor()
              .submit(
                  () -> {
                    try {
                      task.run();
                    } finally {
                      ending.taskLeft(run);
                    }
                  }));
    } catch (RuntimeException e) {
      ending.taskLeft(run); // rejected: it will never run
      throw e;
    }
  }

  /**
   * Creates the job's queues, starts its workers, then enqueues its batches while they already run (Cortex starts
   * the workers after enqueuing; nothing in the contract needs that, and overlapping the two keeps a large input
   * from being held whole in an in-memory queue). The job cannot complete before enqueuing has ended: the
   * completion message is sent, and {@code max_batch_count} written, only then. The status stays
   * {@code enqueuing} until then, and {@code total_batch_count} is in the spec from the start for an
   * {@code item_list} (it is known) and from the end of enqueuing for object inputs.
   */
  private void enqueueAndStartWorkers(JobRun run, @Nullable List<List<JsonNode>> presetBatches) {
    JobSpec spec = run.spec();
    String api = spec.apiName();
    String jobId = spec.jobId();
    JobStore store = settings.jobStore();
    try {
      store.writeMarker(api, jobId, JobStatus.ENQUEUING);
      QueueSpec queueSpec =
          new QueueSpec(
              QueueNames.batchJobQueue(settings.clusterName(), api, jobId), true, settings.visibilityTimeout(), null);
      JobSpec.DeadLetterQueue dlq = spec.sqsDeadLetterQueue();
      if (dlq != null) {
        queueSpec = queueSpec.withRedrivePolicy(new RedrivePolicy(dlq.arn(), dlq.maxReceiveCount()));
      }
      String queueUrl = settings.queues().createQueue(queueSpec);
      String completionUrl =
          settings
              .queues()
              .createQueue(
                  QueueSpec.fifo(
                      QueueNames.batchJobQueue(settings.clusterName(), api, jobId + "-done"),
                      settings.visibilityTimeout()));
      run.queues(queueUrl, completionUrl);
      JobSubmission submission = run.submission();
      ItemList itemList = submission.itemList();
      Long knownCount =
          presetBatches != null
              ? Long.valueOf(presetBatches.size())
              : itemList != null ? Long.valueOf(Enqueuer.batchCount(itemList)) : null;
      if (knownCount != null) {
        spec = withQueue(run, spec, queueUrl, knownCount);
      }
      for (int i = 0; i < spec.workers() && !run.isEnded(); i++) {
        submitTask(run, new BatchWorker(settings, run, completion));
      }
      Enqueuer enqueuer =
          new Enqueuer(settings.store(), batcher, settings.mapper(), queueUrl, api, jobId,
              settings.jobStore().clusterPrefix(), run::isEnded);
      long count;
      try {
        count = presetBatches == null ? enqueuer.enqueue(submission) : enqueuer.enqueueBatches(presetBatches);
      } finally {
        run.releaseSubmission();
      }
      if (run.isEnded()) {
        return;
      }
      store.writeMaxBatchCount(api, jobId, count);
      if (knownCount == null || knownCount != count) {
        withQueue(run, spec, queueUrl, count);
      }
      store.deletePayload(api, jobId);
      Integer timeout = spec.timeout();
      // As Cortex: the timeout counts from the end of enqueuing, when Cortex starts its workers.
      run.deadline(timeout == null ? null : settings.clock().instant().plusSeconds(timeout));
      store.writeMarker(api, jobId, JobStatus.RUNNING);
      run.enqueued(count);
      String id = Enqueuer.randomId();
      settings
          .queues()
          .send(
              completionUrl,
              new OutgoingMessage(
                  id, COMPLETION_BODY, Map.of("job_complete", "true", "api_name", api, "job_id", jobId), id, id));
    } catch (RuntimeException e) {
      if (!run.isEnded()) {
        LOG.error("failed to enqueue job {} of {}", jobId, api, e);
        ending.end(run, JobStatus.ENQUEUE_FAILED, e);
      }
    }
  }

  /** Writes the spec with its queue URL and batch count, as Cortex's controller before the workers start. */
  private JobSpec withQueue(JobRun run, JobSpec spec, String queueUrl, long count) {
    JobSpec updated =
        spec.toBuilder().sqsUrl(queueUrl).totalBatchCount((int) Math.min(Integer.MAX_VALUE, count)).build();
    settings.jobStore().writeSpec(updated);
    run.spec(updated);
    return updated;
  }

  /**
   * Stops a job that is in progress: no new batch starts, batches in flight are interrupted, and the status
   * becomes {@code stopped}.
   *
   * @param api the API name
   * @param jobId the job id
   */
  public void stop(String api, String jobId) {
    spec(api, jobId);
    JobStatus status = settings.jobStore().status(api, jobId).status();
    if (status.isTerminal()) {
      throw notInProgress(jobId, status);
    }
    JobRun run = runs.get(key(api, jobId));
    if (run == null || !ending.end(run, JobStatus.STOPPED, null)) {
      // This process ended the run a moment ago (its end may not be in the store yet): a stop marker now would
      // turn a job whose onJobComplete has run into a stopped one, so it is refused as for any ended job.
      JobStatus ended = run == null ? null : run.endStatus();
      if (ended != null && ended != JobStatus.STOPPED) {
        throw notInProgress(jobId, ended);
      }
      settings.jobStore().writeMarker(api, jobId, JobStatus.STOPPED);
    }
  }

  private static CortexException notInProgress(String jobId, JobStatus status) {
    return new CortexException(
        "job.job_is_not_in_progress",
        "cannot stop BatchAPI job " + jobId + " because it is not in progress (it is " + status.code() + ")");
  }

  /** Stops every job of an API that is in progress, as deleting the API does. */
  public void stopAll(String api) {
    for (String jobId : settings.jobStore().jobIds(api)) {
      if (!settings.jobStore().status(api, jobId).status().isTerminal()) {
        stop(api, jobId);
      }
    }
  }

  /**
   * Reads a job's status from the store.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the status
   */
  public BatchJobStatus status(String api, String jobId) {
    return status(api, jobId, true);
  }

  /**
   * Reads a job's status; with {@code exact} false, a job in progress that this process runs takes its batch
   * counts from the process's workers instead of listing its batch records (for listings).
   */
  private BatchJobStatus status(String api, String jobId, boolean exact) {
    JobSpec spec = spec(api, jobId);
    JobStore store = settings.jobStore();
    JobStore.StatusMarker marker = store.status(api, jobId);
    JobRun run = runs.get(key(api, jobId));
    boolean terminal = marker.status().isTerminal();
    BatchMetrics metrics = terminal ? store.readMetrics(api, jobId).orElse(null) : null;
    JobStore.OutcomeCounts counts = null;
    if (metrics == null) {
      counts = !exact && !terminal && run != null ? run.countsHere() : store.outcomes(api, jobId);
      metrics =
          new BatchMetrics(
              counts.succeeded(),
              counts.failed(),
              counts.failedAttempts(),
              run == null ? null : run.averageSecondsPerDelivery());
    }
    long inQueue = 0;
    if (!terminal) {
      long ended = counts == null ? metrics.succeeded() + metrics.failed() : counts.ended();
      inQueue =
          store
              .readMaxBatchCount(api, jobId)
              .map(total -> Math.max(0, total - ended))
              .orElseGet(() -> liveQueueCount(run));
    }
    Instant end = terminal ? marker.writtenAt() : null;
    return new BatchJobStatus(
        spec, marker.status(), end, inQueue, metrics, run == null ? null : run.workerCounts());
  }

  private long liveQueueCount(@Nullable JobRun run) {
    String url = run == null ? null : run.queueUrl();
    if (url == null) {
      return 0;
    }
    try {
      return settings.queues().counts(url).total();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Lists the jobs of an API, newest first. The cost grows with the number of jobs, not of batches: an ended job
   * reads its {@code metrics.json}, a job in progress run by this process takes its counts from its workers, and
   * only a job in progress run by another process lists its batch records.
   *
   * @param api the API name
   * @return their statuses
   */
  public List<BatchJobStatus> list(String api) {
    List<String> jobIds = new ArrayList<>(settings.jobStore().jobIds(api));
    jobIds.sort(JobIds.NEWEST_FIRST);
    List<BatchJobStatus> statuses = new ArrayList<>();
    for (String jobId : jobIds) {
      statuses.add(status(api, jobId, false));
    }
    return statuses;
  }

  /**
   * Lists the batches of a job that failed for good.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the failed batches
   */
  public List<FailedBatch> failedBatches(String api, String jobId) {
    spec(api, jobId);
    return settings.jobStore().failedBatches(api, jobId);
  }

  /**
   * Waits until a job run by this process has ended, for tests and examples.
   *
   * @param api the API name
   * @param jobId the job id
   * @param wait the longest wall time to wait
   * @return {@code true} when the job ended within the wait (or is not run here)
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitEnd(String api, String jobId, Duration wait) throws InterruptedException {
    JobRun run = runs.get(key(api, jobId));
    return run == null || run.awaitEnd(wait);
  }

  private JobSpec spec(String api, String jobId) {
    if (!JobIds.isWellFormed(jobId)) {
      throw new JobNotFoundException(api, jobId);
    }
    return settings.jobStore().readSpec(api, jobId).orElseThrow(() -> new JobNotFoundException(api, jobId));
  }

  /**
   * Returns the earliest clock instant at which the ticker will end a job or a batch on its own (a job or batch
   * timeout) among the jobs this process runs.
   *
   * @return the earliest deadline, or {@code null} when none is pending
   */
  public @Nullable Instant nextDeadline() {
    Instant earliest = null;
    for (JobRun run : runs.values()) {
      Instant next = run.nextDeadline();
      if (next != null && (earliest == null || next.isBefore(earliest))) {
        earliest = next;
      }
    }
    return earliest;
  }

  /** Runs one tick now, on the caller's thread: renewals and timeouts judged at the clock's current time. */
  public void runTimers() {
    tick();
  }

  private void tick() {
    try {
      Instant now = settings.clock().instant();
      for (JobRun run : runs.values()) {
        if (run.isEnded()) {
          continue;
        }
        Instant deadline = run.deadline();
        if (deadline != null && !now.isBefore(deadline)) {
          ending.end(run, JobStatus.TIMED_OUT, null);
          continue;
        }
        run.tick(now);
        if (run.remoteCheckDue(System.nanoTime(), REMOTE_CHECK_NANOS)
            && settings.jobStore().hasMarker(run.spec().apiName(), run.spec().jobId(), JobStatus.STOPPED)) {
          ending.end(run, JobStatus.STOPPED, null); // stopped by another process sharing the store
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("batch ticker failed: {}", e.getMessage(), e);
    }
  }

  private static String key(String api, String jobId) {
    return api + "/" + jobId;
  }

  /**
   * Stops the ticker, stops the jobs still in progress (their status becomes {@code stopped}) and waits up to
   * {@code wait} for their workers to leave.
   *
   * @param wait the longest wall time to wait for workers
   */
  public void close(Duration wait) {
    closed = true;
    try {
      // Each job is stopped on its own: a store or queue that fails for one (a backend already closed, S3 down at
      // shutdown) must not leave the others, their workers or the ticker running.
      for (JobRun run : runs.values()) {
        try {
          ending.end(run, JobStatus.STOPPED, null);
        } catch (RuntimeException e) {
          LOG.warn("job {} of {} was stopped, but its status could not be recorded: {}", run.spec().jobId(),
              run.spec().apiName(), e.getMessage());
        }
      }
      for (JobRun run : runs.values()) {
        run.awaitTasks(wait);
        try {
          ending.releaseQueuesNow(run); // also when a handler ignored its interrupt past the wait
        } catch (RuntimeException e) {
          LOG.warn("the queues of job {} could not be deleted: {}", run.spec().jobId(), e.getMessage());
        }
      }
    } finally {
      ticker.close(wait);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
