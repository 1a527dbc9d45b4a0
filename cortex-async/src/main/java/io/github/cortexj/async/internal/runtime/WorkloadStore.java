package io.github.cortexj.async.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.AsyncResults;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.WorkloadError;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The state of async requests in the object store, in Cortex's layout ({@link WorkloadKeys}): the payload, the
 * status markers, the result and the error. Status is derived from the markers, so any process that can read the
 * store answers for any request. A request's retention runs from its terminal marker's time.
 *
 * <p>Thread safe, as the store is.
 */
public final class WorkloadStore {

  /** The Content-Type Cortex gives the empty marker objects. */
  private static final String MARKER_TYPE = "text/plain";

  private static final String JSON_TYPE = "application/json";

  /**
   * How many keys one listing of a request's markers asks for: there are at most four valid ones, and a store may
   * size its answer by what is asked.
   */
  private static final int MARKER_PAGE_SIZE = 16;

  /** The content of every marker; stores copy what they are given. */
  private static final byte[] EMPTY = new byte[0];

  /** The key endings of the markers that end a request, after its id. */
  /** The statuses in the order the gateway's scan lets them win; {@code in_queue} is what is left. */
  private static final List<AsyncStatus> PRECEDENCE =
      List.of(AsyncStatus.COMPLETED, AsyncStatus.FAILED, AsyncStatus.IN_PROGRESS);

  private static final List<String> TERMINAL_MARKERS =
      List.of("/status/" + AsyncStatus.COMPLETED.code(), "/status/" + AsyncStatus.FAILED.code());

  private final ObjectStore store;
  private final WorkloadKeys keys;
  private final ObjectMapper writer;
  private final ObjectMapper reader;

  /**
   * Creates the store view.
   *
   * @param store the object store
   * @param keys the key layout
   * @param mapper writes results and errors
   */
  public WorkloadStore(ObjectStore store, WorkloadKeys keys, ObjectMapper mapper) {
    this.store = store;
    this.keys = keys;
    this.writer = mapper;
    this.reader = ExactJson.readingMapper(mapper);
  }

  /**
   * Tells whether anything is stored under a request's id.
   *
   * @param api the API
   * @param id the request id
   * @return whether the id is in use
   */
  public boolean exists(String api, String id) {
    return !store.list(keys.request(api, id), null, 1).objects().isEmpty();
  }

  /**
   * Stores a new request's payload, with its Content-Type verbatim, and its {@code in_queue} marker.
   *
   * @param api the API
   * @param id the request id
   * @param payload the body
   * @param contentType its Content-Type
   */
  public void create(String api, String id, byte[] payload, String contentType) {
    store.put(keys.payload(api, id), payload, contentType);
    writeMarker(api, id, AsyncStatus.IN_QUEUE);
  }

  /**
   * Writes an empty status marker.
   *
   * @param api the API
   * @param id the request id
   * @param status the marker
   */
  public void writeMarker(String api, String id, AsyncStatus status) {
    store.put(keys.marker(api, id, status), EMPTY, MARKER_TYPE);
  }

  /**
   * Lists a request's status markers.
   *
   * @param api the API
   * @param id the request id
   * @return the markers by status, empty when the request does not exist
   */
  public Map<AsyncStatus, ObjectInfo> markers(String api, String id) {
    Map<AsyncStatus, ObjectInfo> markers = new EnumMap<>(AsyncStatus.class);
    String prefix = keys.statusPrefix(api, id);
    @Nullable String token = null;
    do {
      ObjectPage page = store.list(prefix, token, MARKER_PAGE_SIZE);
      for (ObjectInfo info : page.objects()) {
        markers.put(AsyncStatus.fromCode(info.key().substring(prefix.length())), info);
      }
      token = page.nextToken();
    } while (token != null);
    return markers;
  }

  /**
   * Derives a status from markers as Cortex's gateway does: it scans the names in listing order, where
   * {@code completed} sorts before {@code failed}, and both before {@code in_progress} and {@code in_queue}. So
   * {@code completed} wins over {@code failed}, either over {@code in_progress}, and that over {@code in_queue}.
   *
   * @param markers the markers of one request
   * @return the status, empty when there is none
   */
  public static Optional<AsyncStatus> status(Map<AsyncStatus, ObjectInfo> markers) {
    if (markers.isEmpty()) {
      return Optional.empty();
    }
    for (AsyncStatus status : PRECEDENCE) {
      if (markers.containsKey(status)) {
        return Optional.of(status);
      }
    }
    return Optional.of(AsyncStatus.IN_QUEUE);
  }

  /**
   * Returns when a request ended: the time of its terminal marker.
   *
   * @param markers the markers of one request
   * @return the time, empty while it has not ended
   */
  public static Optional<Instant> endedAt(Map<AsyncStatus, ObjectInfo> markers) {
    Instant ended = null;
    for (Map.Entry<AsyncStatus, ObjectInfo> marker : markers.entrySet()) {
      if (marker.getKey().isTerminal()) {
        Instant at = marker.getValue().lastModified();
        ended = ended == null || at.isAfter(ended) ? at : ended;
      }
    }
    return Optional.ofNullable(ended);
  }

  /**
   * Reads a request's payload.
   *
   * @param api the API
   * @param id the request id
   * @return the payload with its stored Content-Type, or empty when it is gone
   */
  public Optional<StoredObject> payload(String api, String id) {
    return store.get(keys.payload(api, id));
  }

  /**
   * Deletes a request's payload, once handled.
   *
   * @param api the API
   * @param id the request id
   */
  public void deletePayload(String api, String id) {
    store.delete(keys.payload(api, id));
  }

  /**
   * Stores a request's result: the handler's JSON object as written by {@link AsyncResults#toJsonObjectBytes}.
   *
   * @param api the API
   * @param id the request id
   * @param result the result's JSON text, UTF-8
   */
  public void writeResult(String api, String id, byte[] result) {
    store.put(keys.result(api, id), result, JSON_TYPE);
  }

  /**
   * Stores why a request failed.
   *
   * @param api the API
   * @param id the request id
   * @param error the error's type and message
   */
  public void writeError(String api, String id, WorkloadError error) {
    store.put(keys.error(api, id), bytes(error), JSON_TYPE);
  }

  private byte[] bytes(Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new CortexException("async.result_not_serialisable", "the result cannot be written as JSON: " + e, e);
    }
  }

  /**
   * Reads a request as a client sees it.
   *
   * @param api the API
   * @param id the request id
   * @param now the clock's time
   * @param retention how long an ended request is kept
   * @return the request
   * @throws AsyncRequestNotFoundException when there is no such request, or it ended more than the retention ago
   */
  public AsyncResult read(String api, String id, Instant now, Duration retention) {
    Map<AsyncStatus, ObjectInfo> markers = markers(api, id);
    AsyncStatus status = status(markers).orElseThrow(() -> new AsyncRequestNotFoundException(api, id));
    Optional<Instant> ended = endedAt(markers);
    if (ended.isPresent() && isExpired(ended.get(), now, retention)) {
      throw new AsyncRequestNotFoundException(api, id);
    }
    if (status == AsyncStatus.COMPLETED) {
      StoredObject result =
          store.get(keys.result(api, id)).orElseThrow(() -> missing("result", keys.result(api, id)));
      JsonNode node = readTree(result, keys.result(api, id));
      if (!node.isObject()) {
        throw new CortexException(
            "async.invalid_stored_result", "the stored result " + keys.result(api, id) + " is not a JSON object");
      }
      return new AsyncResult(id, status, node, result.info().lastModified(), null);
    }
    if (status == AsyncStatus.FAILED) {
      return new AsyncResult(id, status, null, null, error(api, id));
    }
    return new AsyncResult(id, status, null, null, null);
  }

  private @Nullable WorkloadError error(String api, String id) {
    Optional<StoredObject> stored = store.get(keys.error(api, id));
    if (stored.isEmpty()) {
      return null; // failed in a runtime that stored no error (Cortex's own workers store none)
    }
    JsonNode node = readTree(stored.get(), keys.error(api, id));
    return new WorkloadError(node.path("type").asText(""), node.path("message").asText(""));
  }

  private JsonNode readTree(StoredObject object, String key) {
    try {
      return reader.readTree(object.content());
    } catch (IOException e) {
      throw new CortexException("async.invalid_stored_result", "the stored object " + key + " is not JSON: " + e, e);
    }
  }

  private static CortexException missing(String what, String key) {
    return new CortexException("async.missing_object", "the " + what + " of the request is missing: " + key);
  }

  /**
   * Deletes everything stored for a request.
   *
   * @param api the API
   * @param id the request id
   */
  public void delete(String api, String id) {
    store.deleteByPrefix(keys.request(api, id));
  }

  /**
   * What a purge did: the ids it deleted, and the earliest end among the ended requests it kept, which tells when
   * the next one can first find something to delete.
   *
   * @param purged the ids deleted, in listing order
   * @param earliestKeptEnd the earliest terminal-marker time of the ended requests kept; {@code null} when none
   */
  public record PurgeOutcome(List<String> purged, @Nullable Instant earliestKeptEnd) {}

  /**
   * Deletes the requests of an API that ended more than the retention ago: result, markers, error and any
   * leftover payload together.
   *
   * @param api the API
   * @param now the clock's time
   * @param retention how long an ended request is kept
   * @return the ids deleted and the earliest end among the ended requests kept
   */
  public PurgeOutcome purgeExpired(String api, Instant now, Duration retention) {
    String prefix = keys.api(api);
    List<String> purged = new ArrayList<>();
    @Nullable Instant earliestKept = null;
    // Page by page, looking only at terminal markers: the API holds every request of the retention period (four
    // or more objects each), and this runs every purge period. A request's keys are listed together, so each is
    // judged once its last key has gone by, without collecting the whole API first.
    @Nullable String id = null;
    @Nullable Instant endedAt = null;
    @Nullable String token = null;
    do {
      ObjectPage page = store.list(prefix, token, ObjectStore.MAX_PAGE_SIZE);
      for (ObjectInfo info : page.objects()) {
        String key = info.key();
        int idEnd = terminalMarkerStart(key, prefix.length());
        if (idEnd < 0) {
          continue;
        }
        if (id != null
            && endedAt != null
            && idEnd - prefix.length() == id.length()
            && key.regionMatches(prefix.length(), id, 0, id.length())) {
          // the request's other terminal marker: it ended when the later one was written
          endedAt = info.lastModified().isAfter(endedAt) ? info.lastModified() : endedAt;
        } else {
          earliestKept = judge(api, id, endedAt, now, retention, purged, earliestKept);
          id = key.substring(prefix.length(), idEnd);
          endedAt = info.lastModified();
        }
      }
      token = page.nextToken();
    } while (token != null);
    earliestKept = judge(api, id, endedAt, now, retention, purged, earliestKept);
    return new PurgeOutcome(purged, earliestKept);
  }

  /** Deletes one ended request when it has expired; returns the earliest end kept, counting it when kept. */
  private @Nullable Instant judge(
      String api,
      @Nullable String id,
      @Nullable Instant endedAt,
      Instant now,
      Duration retention,
      List<String> purged,
      @Nullable Instant earliestKept) {
    if (id == null || endedAt == null) {
      return earliestKept;
    }
    if (isExpired(endedAt, now, retention)) {
      store.deleteByPrefix(keys.request(api, id));
      purged.add(id);
      return earliestKept;
    }
    return earliestKept == null || endedAt.isBefore(earliestKept) ? endedAt : earliestKept;
  }

  /**
   * Returns where {@code /status/completed} or {@code /status/failed} starts when a key is {@code <prefix><id>}
   * followed by one of them (the id being one path segment), or -1 otherwise.
   */
  private static int terminalMarkerStart(String key, int prefixLength) {
    for (String marker : TERMINAL_MARKERS) {
      int start = key.length() - marker.length();
      if (start > prefixLength && key.endsWith(marker) && key.indexOf('/', prefixLength) == start) {
        return start;
      }
    }
    return -1;
  }

  private static boolean isExpired(Instant endedAt, Instant now, Duration retention) {
    return !now.isBefore(endedAt.plus(retention));
  }
}
