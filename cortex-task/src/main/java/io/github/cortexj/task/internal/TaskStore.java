package io.github.cortexj.task.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.WorkloadError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the state of task jobs in the object store, in the layout of {@link TaskKeys}. The store is the
 * source of truth: any process that can read it derives the same status.
 *
 * <p>Thread safe as far as the store is.
 */
public final class TaskStore {

  private static final String JSON = "application/json";
  private static final String SPEC_JSON = "/spec.json";

  private final ObjectStore store;
  private final TaskKeys keys;
  private final ObjectMapper mapper;

  /**
   * Creates a task store.
   *
   * @param store the object store
   * @param keys the layout
   * @param mapper reads and writes the JSON objects
   */
  public TaskStore(ObjectStore store, TaskKeys keys, ObjectMapper mapper) {
    this.store = store;
    this.keys = keys;
    this.mapper = mapper;
  }

  void writeSpec(TaskJobSpec spec) {
    store.put(keys.spec(spec.apiName(), spec.jobId()), bytes(spec), JSON);
  }

  Optional<TaskJobSpec> readSpec(String api, String jobId) {
    return store.get(keys.spec(api, jobId)).map(object -> read(object, TaskJobSpec.class));
  }

  void writeMarker(String api, String jobId, JobStatus status) {
    store.put(keys.marker(api, jobId, status), new byte[0], null);
  }

  boolean hasMarker(String api, String jobId, JobStatus status) {
    return store.head(keys.marker(api, jobId, status)).isPresent();
  }

  void writeInProgress(String api, String jobId) {
    store.put(keys.inProgress(api, jobId), new byte[0], null);
  }

  void deleteInProgress(String api, String jobId) {
    store.delete(keys.inProgress(api, jobId));
  }

  void writeError(String api, String jobId, WorkloadError error) {
    store.put(keys.error(api, jobId), bytes(error), JSON);
  }

  Optional<WorkloadError> readError(String api, String jobId) {
    return store.get(keys.error(api, jobId)).map(object -> read(object, WorkloadError.class));
  }

  /**
   * Derives a task's status from its markers (one listing of its prefix), with Task's precedence, and the time the
   * winning marker was written.
   *
   * @param api the API name
   * @param jobId the job id
   * @return the status and when its marker was written
   */
  StatusMarker status(String api, String jobId) {
    List<ObjectInfo> objects = store.listAll(keys.job(api, jobId));
    List<String> names = new ArrayList<>();
    for (ObjectInfo info : objects) {
      names.add(info.key());
    }
    JobStatus status = JobStatus.fromTaskMarkers(names);
    Instant at = null;
    for (ObjectInfo info : objects) {
      if (info.key().equals(keys.marker(api, jobId, status))) {
        at = info.lastModified();
      }
    }
    return new StatusMarker(status, at);
  }

  /**
   * A task's status and the time its winning marker was written.
   *
   * @param status the status
   * @param writtenAt when the marker was written, or {@code null} when there is none
   */
  record StatusMarker(JobStatus status, @Nullable Instant writtenAt) {}

  /** Lists the ids of an API's task jobs: every job prefix holding a {@code spec.json}. */
  List<String> jobIds(String api) {
    String prefix = keys.apiJobs(api);
    List<String> ids = new ArrayList<>();
    for (ObjectInfo info : store.listAll(prefix)) {
      String rest = info.key().substring(prefix.length());
      if (rest.endsWith(SPEC_JSON) && rest.indexOf('/') == rest.length() - SPEC_JSON.length()) {
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
