package io.github.cortexj.testkit;

import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.BatchMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Expected batch counts of a job, stated in one lambda in the style of JUnit's {@code EngineTestKit}:
 * {@code hasBatchStatistics(stats -> stats.total(3).succeeded(2).failed(1).failedAttempts(3))}. Only the counts
 * named are checked; every mismatch is reported at once.
 *
 * <p>Not thread safe; made for one assertion.
 */
public final class BatchStatistics {

  private record Expectation(String name, long expected) {}

  private final List<Expectation> expectations = new ArrayList<>();

  BatchStatistics() {}

  /**
   * Expects the number of batches the job was split into.
   *
   * @param count the count
   * @return this
   */
  public BatchStatistics total(long count) {
    expectations.add(new Expectation("total", count));
    return this;
  }

  /**
   * Expects the number of batches that succeeded.
   *
   * @param count the count
   * @return this
   */
  public BatchStatistics succeeded(long count) {
    expectations.add(new Expectation("succeeded", count));
    return this;
  }

  /**
   * Expects the number of batches that failed for good.
   *
   * @param count the count
   * @return this
   */
  public BatchStatistics failed(long count) {
    expectations.add(new Expectation("failed", count));
    return this;
  }

  /**
   * Expects the number of failed deliveries over all batches, retried or not: the attempts that did not succeed.
   *
   * @param count the count
   * @return this
   */
  public BatchStatistics failedAttempts(long count) {
    expectations.add(new Expectation("failed attempts", count));
    return this;
  }

  /**
   * Expects the number of batches not yet ended.
   *
   * @param count the count
   * @return this
   */
  public BatchStatistics inQueue(long count) {
    expectations.add(new Expectation("in queue", count));
    return this;
  }

  /** Returns the mismatches against a status, one phrase each; empty when everything matches. */
  List<String> mismatches(BatchJobStatus status) {
    List<String> problems = new ArrayList<>();
    BatchMetrics metrics = status.batchMetrics();
    for (Expectation expectation : expectations) {
      long actual =
          switch (expectation.name()) {
            case "total" -> status.jobSpec().totalBatchCount();
            case "succeeded" -> metrics.succeeded();
            case "failed" -> metrics.failed();
            case "failed attempts" -> metrics.failedAttempts();
            default -> status.batchesInQueue();
          };
      if (actual != expectation.expected()) {
        problems.add(expectation.name() + ": expected " + expectation.expected() + " but was " + actual);
      }
    }
    return problems;
  }
}
