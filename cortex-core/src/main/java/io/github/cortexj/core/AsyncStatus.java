package io.github.cortexj.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The status of an async workload, as Cortex's gateway reports it. The JSON value is the {@linkplain #code()
 * code}. A workload's status is derived from its status marker objects with {@link #fromMarkers(Collection)}.
 *
 * <p>Immutable and thread safe, as every enum.
 */
public enum AsyncStatus {
  /** Accepted and queued; no worker has picked it up yet. */
  IN_QUEUE("in_queue"),
  /** A worker is handling it. */
  IN_PROGRESS("in_progress"),
  /** Handled; its result is stored. */
  COMPLETED("completed"),
  /** The handler or the worker failed. */
  FAILED("failed");

  private final String code;

  AsyncStatus(String code) {
    this.code = code;
  }

  /**
   * Returns the code, for example {@code in_progress}: the JSON value and the name of the marker object.
   *
   * @return the code
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Returns whether the workload has ended: {@link #COMPLETED} or {@link #FAILED}.
   *
   * @return {@code true} for a terminal status
   */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED;
  }

  /**
   * Reads a status code.
   *
   * @param code a code such as {@code in_queue}; matched exactly (case-sensitive)
   * @return the status
   * @throws InvalidStatusException when the code is not one of the four
   */
  @JsonCreator
  public static AsyncStatus fromCode(String code) {
    for (AsyncStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new InvalidStatusException(
        "invalid async workload status \"" + code + "\" (expected in_queue, in_progress, completed or failed)");
  }

  /**
   * Derives a workload's status from the names of its status marker objects, as Cortex's gateway does: start
   * from {@code in_queue}; {@code in_progress} moves it on; {@code completed} or {@code failed} ends it, and
   * {@code completed} wins when both are present (it sorts first in a listing).
   *
   * <p>Anything up to the last {@code /} of a name is ignored, so full object keys may be passed. The order of the
   * names does not matter.
   *
   * @param markers the names (or keys) of the status markers found
   * @return the status, or empty when there is no marker at all (Cortex answers 404: the id is not found)
   * @throws InvalidStatusException naming the marker when a name is not a status code (Cortex answers 500). Unlike
   *     Cortex, which stops reading at the first terminal marker, every name is checked.
   */
  public static Optional<AsyncStatus> fromMarkers(Collection<String> markers) {
    if (markers.isEmpty()) {
      return Optional.empty();
    }
    // S3 lists keys in lexicographic order; the gateway's scan depends on it.
    TreeSet<String> names = new TreeSet<>();
    for (String marker : markers) {
      String name = marker.substring(marker.lastIndexOf('/') + 1);
      if (!isCode(name)) {
        throw new InvalidStatusException(
            "invalid async workload status marker \""
                + marker
                + "\" (expected in_queue, in_progress, completed or failed)");
      }
      names.add(name);
    }
    AsyncStatus status = IN_QUEUE;
    for (String name : names) {
      AsyncStatus found = fromCode(name);
      if (found == IN_PROGRESS) {
        status = IN_PROGRESS;
      } else if (found.isTerminal()) {
        return Optional.of(found);
      }
    }
    return Optional.of(status);
  }

  private static boolean isCode(String name) {
    for (AsyncStatus status : values()) {
      if (status.code.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
