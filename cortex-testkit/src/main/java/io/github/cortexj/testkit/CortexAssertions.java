package io.github.cortexj.testkit;

import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.TaskJobStatus;

/**
 * Entry points of the testkit's AssertJ assertions, to import statically beside AssertJ's own
 * ({@code import static io.github.cortexj.testkit.CortexAssertions.assertThat;}). Through a cluster,
 * {@link CortexTestCluster#assertThatJob(String, String)} and its siblings add the timeline to every failure.
 *
 * <p>Stateless.
 */
public final class CortexAssertions {

  private CortexAssertions() {}

  /**
   * Starts assertions on a batch job's status.
   *
   * @param actual the status
   * @return the assertion
   */
  public static BatchJobStatusAssert assertThat(BatchJobStatus actual) {
    return new BatchJobStatusAssert(actual);
  }

  /**
   * Starts assertions on an async request's result.
   *
   * @param actual the result
   * @return the assertion
   */
  public static AsyncResultAssert assertThat(AsyncResult actual) {
    return new AsyncResultAssert(actual);
  }

  /**
   * Starts assertions on a task job's status.
   *
   * @param actual the status
   * @return the assertion
   */
  public static TaskJobStatusAssert assertThat(TaskJobStatus actual) {
    return new TaskJobStatusAssert(actual);
  }

  /**
   * Starts assertions on recorded metrics.
   *
   * @param actual the metrics client
   * @return the assertion
   */
  public static RecordingMetricsAssert assertThat(RecordingMetricsClient actual) {
    return new RecordingMetricsAssert(actual);
  }
}
