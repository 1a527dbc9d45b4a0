package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSpec.DeadLetterQueue;
import io.github.cortexj.core.internal.handler.ConfigCopy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A batch job as submitted: its input (exactly one of {@code item_list}, {@code file_path_lister} and
 * {@code delimited_files}), its workers, timeout, dead-letter queue and config. The JSON form is Cortex's
 * submission body (§7.2 of the Cortex reference) plus two optional cortex-java fields, {@code retry_policy} and
 * {@code batch_timeout}; absent fields are left out when written, so a body read with Jackson is written back
 * the same.
 *
 * <pre>{@code
 * JobSubmission job = JobSubmission.items(reviews).batchSize(50).workers(4)
 *     .config(Map.of("threshold", 0.5)).timeout(Duration.ofMinutes(10)).build();
 * JobSpec spec = client.submitJob("sentiment", job);
 * }</pre>
 *
 * <p>Immutable. A submission is not validated when built: the cluster validates it on submit, in Cortex's order
 * and with Cortex's messages, and throws {@link JobSubmissionException}.
 *
 * @param workers how many workers process the job; Cortex requires at least 1
 * @param timeout the job timeout in seconds, or {@code null} for none
 * @param sqsDeadLetterQueue the dead-letter queue that failed batches move to, or {@code null}
 * @param config the job's config, deep-merged over the API's (the job wins), or {@code null}
 * @param itemList the items given inline, or {@code null}
 * @param filePathLister objects whose paths are the items, or {@code null}
 * @param delimitedFiles objects whose JSON values are the items, or {@code null}
 * @param retryPolicy how failed batches are retried (cortex-java), or {@code null} for Cortex's behaviour
 * @param batchTimeout how many seconds one batch may run before it is interrupted and fails (cortex-java), or
 *     {@code null} for no limit
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "workers",
  "timeout",
  "sqs_dead_letter_queue",
  "config",
  "item_list",
  "file_path_lister",
  "delimited_files",
  "retry_policy",
  "batch_timeout"
})
public record JobSubmission(
    @JsonProperty("workers") int workers,
    @JsonProperty("timeout") @Nullable Integer timeout,
    @JsonProperty("sqs_dead_letter_queue") @Nullable DeadLetterQueue sqsDeadLetterQueue,
    @JsonProperty("config") @Nullable Map<String, Object> config,
    @JsonProperty("item_list") @Nullable ItemList itemList,
    @JsonProperty("file_path_lister") @Nullable ObjectSource filePathLister,
    @JsonProperty("delimited_files") @Nullable ObjectSource delimitedFiles,
    @JsonProperty("retry_policy") @Nullable RetryPolicy retryPolicy,
    @JsonProperty("batch_timeout") @Nullable Integer batchTimeout) {

  /** The largest JSON body {@link #fromJson(InputStream, ObjectMapper)} reads: 10 MiB, as Cortex's operator. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** The kind of a body that is too large or is not a submission. */
  public static final String INVALID_BODY = "job.invalid_body";

  /** Cortex's suffix to schema errors in a submission body. */
  static final String SCHEMA_SUFFIX = "\n\njob submission schema can be found at https://docs.cortex.dev/v/0.35/";

  /**
   * Reads a submission from a JSON body as Cortex's operator does: at most {@value #MAX_BODY_BYTES} bytes,
   * unknown keys ignored. The body is not validated; submitting it is.
   *
   * @param body the body; read up to one byte past the limit, not closed
   * @param mapper the mapper to read with
   * @return the submission
   * @throws JobSubmissionException of kind {@value #INVALID_BODY}: {@code http: request body too large}, or the
   *     parser's error followed by Cortex's schema hint
   */
  public static JobSubmission fromJson(InputStream body, ObjectMapper mapper) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new JobSubmissionException(INVALID_BODY, "cannot read the request body: " + e.getMessage());
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new JobSubmissionException(INVALID_BODY, "http: request body too large");
    }
    try {
      JobSubmission submission = mapper.readValue(bytes, JobSubmission.class);
      if (submission == null) {
        throw new JobSubmissionException(INVALID_BODY, "the body is JSON null" + SCHEMA_SUFFIX);
      }
      return submission;
    } catch (IOException | IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      throw new JobSubmissionException(
          INVALID_BODY, (newline < 0 ? message : message.substring(0, newline)) + SCHEMA_SUFFIX);
    }
  }

  /** Copies the config deeply. */
  public JobSubmission {
    config = config == null ? null : ConfigCopy.deepUnmodifiable(config);
  }

  /**
   * Starts a submission whose items are given inline ({@code item_list}). Each element is written as JSON once,
   * here, with a plain {@link ObjectMapper}: pass {@link JsonNode}s, maps, lists, strings, numbers or records.
   * Records or other small objects take far less memory than {@link JsonNode} trees for large lists; the
   * submission keeps only the compact JSON. A list of more than 32,768 items is written in parallel on the common
   * {@link java.util.concurrent.ForkJoinPool} (as {@link java.util.Arrays#parallelSort(int[])} sorts); the list
   * must not change meanwhile.
   *
   * @param items the items, in order
   * @return a builder with a batch size of 1 and 1 worker
   * @throws IllegalArgumentException naming the index of an item that cannot be written as JSON
   */
  public static Builder items(List<?> items) {
    Objects.requireNonNull(items, "items: pass the list of items (an empty list is refused on submit)");
    Builder builder = new Builder();
    builder.items = CompactItems.encode(items);
    return builder;
  }

  /**
   * Starts a submission whose items are the paths of the matching objects ({@code file_path_lister}).
   *
   * @param s3Paths key prefixes, as {@code s3://bucket/prefix}
   * @return a builder with a batch size of 1 and 1 worker
   */
  public static Builder filePaths(List<String> s3Paths) {
    Builder builder = new Builder();
    builder.s3Paths = List.copyOf(s3Paths);
    builder.delimited = false;
    return builder;
  }

  /**
   * Starts a submission whose items are the JSON values stored in the matching objects ({@code
   * delimited_files}), read as a stream across objects.
   *
   * @param s3Paths key prefixes, as {@code s3://bucket/prefix}
   * @return a builder with a batch size of 1 and 1 worker
   */
  public static Builder delimitedFiles(List<String> s3Paths) {
    Builder builder = new Builder();
    builder.s3Paths = List.copyOf(s3Paths);
    builder.delimited = true;
    return builder;
  }

  /**
   * Returns the batch size of the submission's input, or 0 when it has none.
   *
   * @return the batch size
   */
  public int batchSize() {
    if (itemList != null) {
      return itemList.batchSize();
    }
    ObjectSource source = filePathLister != null ? filePathLister : delimitedFiles;
    return source == null ? 0 : source.batchSize();
  }

  /** Builds a {@link JobSubmission}. Not thread safe. */
  public static final class Builder {
    private @Nullable List<JsonNode> items;
    private List<String> s3Paths = List.of();
    private boolean delimited;
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private int batchSize = 1;
    private int workers = 1;
    private @Nullable Integer timeout;
    private @Nullable DeadLetterQueue deadLetterQueue;
    private @Nullable Map<String, Object> config;
    private @Nullable RetryPolicy retryPolicy;
    private @Nullable Integer batchTimeout;

    private Builder() {}

    /**
     * Sets how many items each batch holds (default 1).
     *
     * @param batchSize at least 1
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets how many workers process the job (default 1).
     *
     * @param workers at least 1
     * @return this builder
     */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * Sets the job's config (default none), deep-merged over the API's config with the job winning.
     *
     * @param config the config
     * @return this builder
     */
    public Builder config(Map<String, ?> config) {
      this.config = ConfigCopy.deepUnmodifiable(Objects.requireNonNull(config, "config"));
      return this;
    }

    /**
     * Sets the job timeout (default none), counted from the end of enqueuing (when Cortex starts the workers).
     * Cortex keeps it in whole seconds: a fraction of a second is rounded up, so that a job never gets less time
     * than asked.
     *
     * @param timeout at least one second once rounded up (validated on submit)
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
      this.timeout = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds));
      return this;
    }

    /**
     * Sets the dead-letter queue (default none): failed batches are retried until delivered
     * {@code maxReceiveCount} times, then moved there.
     *
     * @param arn the queue's ARN
     * @param maxReceiveCount at least 1
     * @return this builder
     */
    public Builder deadLetterQueue(String arn, int maxReceiveCount) {
      this.deadLetterQueue = new DeadLetterQueue(arn, maxReceiveCount);
      return this;
    }

    /**
     * Sets how failed batches are retried (default: as Cortex, see {@link RetryPolicy}).
     *
     * @param maxAttempts deliveries in all, at least 1
     * @param backoff how long a failed batch waits before its next delivery, in whole seconds
     * @return this builder
     */
    public Builder retry(int maxAttempts, Duration backoff) {
      this.retryPolicy = new RetryPolicy(maxAttempts, backoff.toSeconds());
      return this;
    }

    /**
     * Sets how long one batch may run before it is interrupted and fails (default: no limit).
     *
     * @param batchTimeout at least one second
     * @return this builder
     */
    public Builder batchTimeout(Duration batchTimeout) {
      this.batchTimeout = (int) Math.min(Integer.MAX_VALUE, batchTimeout.toSeconds());
      return this;
    }

    /**
     * Sets the glob patterns of which an object must match one (object inputs only; default none).
     *
     * @param patterns globs matched against {@code s3://bucket/key}
     * @return this builder
     */
    public Builder includes(List<String> patterns) {
      this.includes = List.copyOf(patterns);
      return this;
    }

    /**
     * Sets the glob patterns of which an object must match none (object inputs only; default none).
     *
     * @param patterns globs matched against {@code s3://bucket/key}
     * @return this builder
     */
    public Builder excludes(List<String> patterns) {
      this.excludes = List.copyOf(patterns);
      return this;
    }

    /**
     * Builds the submission. It is validated when submitted.
     *
     * @return the submission
     */
    public JobSubmission build() {
      ItemList itemList = null;
      ObjectSource lister = null;
      ObjectSource delimitedFiles = null;
      if (items != null) {
        itemList = new ItemList(items, batchSize);
      } else if (delimited) {
        delimitedFiles = new ObjectSource(s3Paths, includes, excludes, batchSize);
      } else {
        lister = new ObjectSource(s3Paths, includes, excludes, batchSize);
      }
      return new JobSubmission(
          workers, timeout, deadLetterQueue, config, itemList, lister, delimitedFiles, retryPolicy, batchTimeout);
    }
  }
}
