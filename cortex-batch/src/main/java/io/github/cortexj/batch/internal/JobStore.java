package io.github.cortexj.batch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.core.job.BatchMetrics;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the state of batch jobs in the object store, in the layout of {@link JobKeys}. The store is
 * the source of truth: any process that can read it derives the same status and counts.
 *
 * <p>Thread safe as far as the store is.
 */
public final class JobStore {

  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain";

  private final ObjectStore store;
  private final JobKeys keys;
  private final ObjectMapper mapper;

  /**
   * Creates a job store.
   *
   * @param store the object store
   * @param keys the layout
   * @param mapper reads and writes the JSON objects
   */
  public JobStore(ObjectStore store, JobKeys keys, ObjectMapper mapper) {
    this.store = store;
    this.keys = keys;
    this.mapper = mapper;
  }

  /**
   * Returns the key prefix all of the cluster's state lives under, which job inputs never read.
   *
   * @return the prefix ending in {@code /}, or empty when the cluster has no key prefix
   */
  String clusterPrefix() {
    return keys.root().isEmpty() ? "" : keys.root() + "/";
  }

  void writeSpec(JobSpec spec) {
    store.put(keys.spec(spec.apiName(), spec.jobId()), bytes(spec), JSON);
  }

  Optional<JobSpec> readSpec(String api, String jobId) {
    return store.get(keys.spec(api, jobId)).map(object -> read(object, JobSpec.class));
  }

  void writePayload(String api, String jobId, JobSubmission submission) {
    // Streamed from chunks: the payload holds every item, and a contiguous copy of it would only be copied again.
    ChunkedBytes payload = new ChunkedBytes();
    try {
      mapper.writeValue(payload, submission);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.put(keys.payload(api, jobId), payload.inputStream(), payload.size(), JSON);
  }

  Optional<JobSubmission> readPayload(String api, String jobId) {
    return store.get(keys.payload(api, jobId)).map(object -> read(object, JobSubmission.class));
  }

  void deletePayload(String api, String jobId) {
    store.delete(keys.payload(api, jobId));
  }

  void writeMaxBatchCount(String api, String jobId, long count) {
    store.putText(keys.maxBatchCount(api, jobId), Long.toString(count), TEXT);
  }

  Optional<Long> readMaxBatchCount(String api, String jobId) {
    return store.get(keys.maxBatchCount(api, jobId)).map(object -> Long.parseLong(object.text().trim()));
  }

  void writeMarker(String api, String jobId, JobStatus status) {
    store.put(keys.marker(api, jobId, status), new byte[0], null);
  }

  boolean hasMarker(String api, String jobId, JobStatus status) {
    return store.head(keys.marker(api, jobId, status)).isPresent();
  }

  /**
   * Derives a job's status from its markers, with Cortex's precedence, and the time of the winning marker.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the status and when its marker was written
   */
  StatusMarker status(String api, String jobId) {
    List<String> found = new ArrayList<>();
    List<ObjectInfo> infos = new ArrayList<>();
    for (JobStatus status : JobStatus.values()) {
      if (status == JobStatus.UNKNOWN) {
        continue;
      }
      Optional<ObjectInfo> info = store.head(keys.marker(api, jobId, status));
      if (info.isPresent()) {
        found.add(status.code());
        infos.add(info.get());
      }
    }
    JobStatus status = JobStatus.fromBatchMarkers(found);
    Instant at = null;
    for (ObjectInfo info : infos) {
      if (info.key().endsWith("/" + status.code())) {
        at = info.lastModified();
      }
    }
    return new StatusMarker(status, at);
  }

  /**
   * A job's status and the time its winning marker was written.
   *
   * @param status the status
   * @param writtenAt when the marker was written, or {@code null} when there is none
   */
  record StatusMarker(JobStatus status, @Nullable Instant writtenAt) {}

  void writeError(String api, String jobId, Throwable error) {
    ObjectNode node = mapper.createObjectNode();
    node.put("error_type", error.getClass().getName());
    node.put("message", error.getMessage() == null ? "" : error.getMessage());
    store.put(keys.error(api, jobId), bytes(node), JSON);
  }

  Optional<JsonNode> readError(String api, String jobId) {
    return store.get(keys.error(api, jobId)).map(object -> read(object, JsonNode.class));
  }

  void writeMetrics(String api, String jobId, BatchMetrics metrics) {
    store.put(keys.metrics(api, jobId), bytes(metrics), JSON);
  }

  Optional<BatchMetrics> readMetrics(String api, String jobId) {
    return store.get(keys.metrics(api, jobId)).map(object -> read(object, BatchMetrics.class));
  }

  /**
   * Returns whether a batch has ended: failed for good, or in a group of successes. Only a redelivered batch is
   * looked up, so the groups' listing is rare.
   */
  boolean hasOutcome(String api, String jobId, String batchId) {
    if (store.head(keys.outcome(api, jobId, batchId, JobKeys.FAILED)).isPresent()) {
      return true;
    }
    String prefix = keys.succeededGroups(api, jobId);
    for (ObjectInfo info : store.listAll(prefix)) {
      if (groupHolds(info.key(), prefix.length(), batchId)) {
        return true;
      }
    }
    return false;
  }

  private static boolean groupHolds(String key, int from, String batchId) {
    int at = key.indexOf(batchId, from);
    while (at >= 0) {
      int end = at + batchId.length();
      boolean startsId = at == from || key.charAt(at - 1) == JobKeys.GROUP_SEPARATOR;
      boolean endsId = end == key.length() || key.charAt(end) == JobKeys.GROUP_SEPARATOR;
      if (startsId && endsId) {
        return true;
      }
      at = key.indexOf(batchId, at + 1);
    }
    return false;
  }

  /** Records that these batches (1 to {@value JobKeys#MAX_GROUP}) succeeded, in one write. */
  void writeSucceeded(String api, String jobId, List<String> batchIds) {
    store.put(keys.succeededGroup(api, jobId, batchIds), new byte[0], null);
  }

  /**
   * Deletes the records of a job's successes, once its end and counts are stored: they only serve counting while
   * it runs. The failed batches stay, for {@link #failedBatches(String, String)}.
   */
  void deleteSucceeded(String api, String jobId) {
    store.deleteByPrefix(keys.succeededGroups(api, jobId));
  }

  void writeFailed(String api, String jobId, FailedBatch batch) {
    store.put(keys.outcome(api, jobId, batch.batchId(), JobKeys.FAILED), bytes(batch), JSON);
  }

  void writeFailedAttempt(String api, String jobId, String batchId, int attempt) {
    store.put(keys.failedAttempt(api, jobId, batchId, attempt), new byte[0], null);
  }

  /**
   * Counts the ended batches and failed deliveries of a job in one listing of its records. A batch recorded twice
   * (delivered twice after a lost renewal) counts once; a batch with both outcomes counts once, as failed.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the counts
   */
  OutcomeCounts outcomes(String api, String jobId) {
    String prefix = keys.batches(api, jobId);
    String groups = keys.succeededGroups(api, jobId);
    List<ObjectInfo> records = store.listAll(prefix);
    // Sized for full groups of successes at once: a large job's records hold many thousands of ids.
    Set<String> succeeded = new HashSet<>(Math.max(16, records.size() * JobKeys.MAX_GROUP * 4 / 3 + 1));
    Set<String> failed = new HashSet<>();
    long failedAttempts = 0;
    for (ObjectInfo info : records) {
      String key = info.key();
      if (key.startsWith(groups)) {
        int from = groups.length();
        for (int dot = key.indexOf(JobKeys.GROUP_SEPARATOR, from); ; dot = key.indexOf(JobKeys.GROUP_SEPARATOR, from)) {
          int end = dot < 0 ? key.length() : dot;
          if (end > from) {
            succeeded.add(key.substring(from, end));
          }
          if (dot < 0) {
            break;
          }
          from = dot + 1;
        }
        continue;
      }
      int slash = key.indexOf('/', prefix.length());
      if (slash < 0) {
        continue;
      }
      if (key.length() == slash + 1 + JobKeys.FAILED.length() && key.endsWith(JobKeys.FAILED)) {
        failed.add(key.substring(prefix.length(), slash));
      } else if (key.startsWith("attempts/", slash + 1)) {
        failedAttempts++;
      }
    }
    succeeded.removeAll(failed);
    return new OutcomeCounts(succeeded.size(), failed.size(), failedAttempts);
  }

  /**
   * The ended batches of a job.
   *
   * @param succeeded distinct batches that succeeded
   * @param failed distinct batches that failed for good
   * @param failedAttempts failed deliveries
   */
  record OutcomeCounts(long succeeded, long failed, long failedAttempts) {
    long ended() {
      return succeeded + failed;
    }
  }

  List<FailedBatch> failedBatches(String api, String jobId) {
    String prefix = keys.batches(api, jobId);
    List<FailedBatch> batches = new ArrayList<>();
    for (ObjectInfo info : store.listAll(prefix)) {
      if (info.key().endsWith("/" + JobKeys.FAILED)) {
        store.get(info.key()).ifPresent(object -> batches.add(read(object, FailedBatch.class)));
      }
    }
    return batches;
  }

  List<String> jobIds(String api) {
    String prefix = keys.apiJobs(api);
    List<String> ids = new ArrayList<>();
    for (ObjectInfo info : store.listAll(prefix)) {
      String rest = info.key().substring(prefix.length());
      if (rest.endsWith("/spec.json") && rest.indexOf('/') == rest.length() - "/spec.json".length()) {
        ids.add(rest.substring(0, rest.indexOf('/')));
      }
    }
    return ids;
  }

  private byte[] bytes(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(StoredObject object, Class<T> type) {
    try {
      return mapper.readValue(object.content(), type);
    } catch (IOException e) {
      throw new CortexException(
          "job.corrupt_state", "cannot read " + object.info().key() + " as " + type.getSimpleName(), e);
    }
  }
}
