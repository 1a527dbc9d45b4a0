package io.github.cortexj.core.backend;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link QueueBackend#sendBatch} call, entry by entry.
 *
 * @param successful the entries the queue accepted
 * @param failed the entries it did not accept; retry these
 */
public record SendBatchResult(List<Sent> successful, List<Failed> failed) {

  /** Copies the lists. */
  public SendBatchResult {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
  }

  /**
   * Tells whether every entry was accepted.
   *
   * @return {@code true} when none failed
   */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }

  /**
   * An accepted entry.
   *
   * @param entryId the entry id given in the request
   * @param messageId the id the queue assigned
   */
  public record Sent(String entryId, String messageId) {
    /** Validates the fields. */
    public Sent {
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /**
   * A refused entry.
   *
   * @param entryId the entry id given in the request
   * @param code the queue's error code
   * @param message the queue's error message
   * @param senderFault whether the entry itself is at fault (retrying it unchanged will fail again)
   */
  public record Failed(String entryId, String code, String message, boolean senderFault) {
    /** Validates the fields. */
    public Failed {
      Objects.requireNonNull(entryId, "entryId");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
