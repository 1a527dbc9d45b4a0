package io.github.cortexj.core.backend;

/**
 * The approximate numbers of messages in a queue, as SQS's {@code ApproximateNumberOfMessages} and
 * {@code ApproximateNumberOfMessagesNotVisible} report them.
 *
 * @param visible messages waiting to be received
 * @param notVisible messages received and neither deleted nor visible again yet
 */
public record QueueCounts(long visible, long notVisible) {

  /** Validates the counts. */
  public QueueCounts {
    if (visible < 0 || notVisible < 0) {
      throw new IllegalArgumentException("counts cannot be negative: " + visible + ", " + notVisible);
    }
  }

  /**
   * Returns visible plus not-visible messages.
   *
   * @return the total
   */
  public long total() {
    return visible + notVisible;
  }
}
