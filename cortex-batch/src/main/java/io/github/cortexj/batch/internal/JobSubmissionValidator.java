package io.github.cortexj.batch.internal;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.JobSubmissionException;
import io.github.cortexj.core.job.ObjectSource;
import io.github.cortexj.core.job.RetryPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a {@link JobSubmission} in Cortex's order and with Cortex's messages (§7.3 of the reference): the
 * input keys, the items and their sizes, the batch size, workers, timeout, dead-letter queue, then the object
 * paths and their globs, and that at least one object matches. The cortex-java fields ({@code retry_policy},
 * {@code batch_timeout}) are checked last.
 *
 * <p>Immutable and thread safe as far as the object store is.
 */
public final class JobSubmissionValidator {

  /** The kind of errors in a field's value that Cortex reports from its schema checks. */
  public static final String INVALID_FIELD = "job.invalid_field";

  /** The largest item (and message body) Cortex accepts, in bytes. */
  public static final int MAX_ITEM_BYTES = 256_000;

  private final ObjectStore store;
  private final String hiddenPrefix;

  /**
   * Creates a validator.
   *
   * @param store the cluster's object store, which {@code s3://} paths must name
   */
  public JobSubmissionValidator(ObjectStore store) {
    this(store, "");
  }

  /**
   * Creates a validator whose object inputs never match the cluster's own state.
   *
   * @param store the cluster's object store, which {@code s3://} paths must name
   * @param hiddenPrefix the key prefix of the cluster's state, ending in {@code /}; empty to hide nothing
   */
  public JobSubmissionValidator(ObjectStore store, String hiddenPrefix) {
    this.store = store;
    this.hiddenPrefix = hiddenPrefix;
  }

  /**
   * Validates a submission.
   *
   * @param submission the submission
   * @throws JobSubmissionException for the first problem, in Cortex's order
   */
  public void validate(JobSubmission submission) {
    check(submission, false);
  }

  /**
   * Validates a submission and lists the objects it would read, as Cortex's dry run.
   *
   * @param submission the submission
   * @return the matched objects, empty for {@code item_list}
   * @throws JobSubmissionException for the first problem, in Cortex's order
   */
  public DryRunResult dryRun(JobSubmission submission) {
    List<String> paths = new ArrayList<>();
    ObjectMatcher matcher = check(submission, true);
    if (matcher != null) {
      matcher.forEach(match -> paths.add(match.path()));
    }
    return new DryRunResult(paths);
  }

  private @org.jspecify.annotations.Nullable ObjectMatcher check(JobSubmission submission, boolean dryRun) {
    List<String> sent = new ArrayList<>();
    if (submission.itemList() != null) {
      sent.add("item_list");
    }
    if (submission.filePathLister() != null) {
      sent.add("file_path_lister");
    }
    if (submission.delimitedFiles() != null) {
      sent.add("delimited_files");
    }
    if (sent.isEmpty()) {
      throw new JobSubmissionException(
          "job.specify_exactly_one_key",
          "specify exactly one of the following keys: item_list, file_path_lister, or delimited_files");
    }
    if (sent.size() > 1) {
      String names =
          sent.size() == 2 ? sent.get(0) + " or " + sent.get(1) : String.join(", ", sent.subList(0, 2)) + ", or "
              + sent.get(2);
      throw new JobSubmissionException(
          "job.conflicting_fields",
          "please specify either the " + names + " field (but not more than one at the same time)");
    }
    var itemList = submission.itemList();
    if (itemList != null) {
      if (itemList.items().isEmpty()) {
        throw new JobSubmissionException(INVALID_FIELD, "items: must contain at least 1 elements");
      }
      int i = itemList.firstItemLargerThan(MAX_ITEM_BYTES); // sizes kept when the list was made
      if (i >= 0) {
        throw new JobSubmissionException(
            "batchapi.item_size_exceeds_limit",
            "item " + i + " has size " + itemList.jsonSize(i) + " bytes which exceeds the limit (" + MAX_ITEM_BYTES
                + " bytes)");
      }
    }
    String field = sent.get(0);
    if (submission.batchSize() < 1) {
      throw new JobSubmissionException(
          INVALID_FIELD,
          field + ": batch_size: must be greater than or equal to 1 (got " + submission.batchSize() + ")");
    }
    if (submission.workers() < 1) {
      throw new JobSubmissionException(
          INVALID_FIELD, "workers: must be greater than or equal to 1 (got " + submission.workers() + ")");
    }
    Integer timeout = submission.timeout();
    if (timeout != null && timeout < 1) {
      throw new JobSubmissionException(
          INVALID_FIELD, "timeout: must be greater than or equal to 1 (got " + timeout + ")");
    }
    JobSpec.DeadLetterQueue dlq = submission.sqsDeadLetterQueue();
    if (dlq != null && dlq.arn().isEmpty()) {
      throw new JobSubmissionException(INVALID_FIELD, "sqs_dead_letter_queue: arn: cannot be empty");
    }
    ObjectMatcher matcher = null;
    ObjectSource source =
        submission.filePathLister() != null ? submission.filePathLister() : submission.delimitedFiles();
    if (source != null) {
      matcher = new ObjectMatcher(store, field, source, hiddenPrefix);
      if (!matcher.anyMatch()) {
        throw new JobSubmissionException("batchapi.no_s3_files_found", "no s3 files match search criteria");
      }
    }
    RetryPolicy retry = submission.retryPolicy();
    if (retry != null && retry.maxAttempts() < 1) {
      throw new JobSubmissionException(
          INVALID_FIELD,
          "retry_policy: max_attempts: must be greater than or equal to 1 (got " + retry.maxAttempts() + ")");
    }
    if (retry != null && retry.backoffSeconds() < 0) {
      throw new JobSubmissionException(
          INVALID_FIELD,
          "retry_policy: backoff_seconds: must be greater than or equal to 0 (got " + retry.backoffSeconds() + ")");
    }
    Integer batchTimeout = submission.batchTimeout();
    if (batchTimeout != null && batchTimeout < 1) {
      throw new JobSubmissionException(
          INVALID_FIELD, "batch_timeout: must be greater than or equal to 1 (got " + batchTimeout + ")");
    }
    return dryRun ? matcher : null;
  }
}
