package io.github.cortexj.testkit;

import static io.github.cortexj.testkit.CortexAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.BatchMetrics;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.WorkloadError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CortexAssertionsTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static BatchJobStatus job(JobStatus status, long succeeded, long failed, long failedAttempts) {
    JobSpec spec = JobSpec.builder().jobId("6f").apiName("reviews").workers(1).totalBatchCount(3).startTime(START)
        .build();
    return new BatchJobStatus(spec, status, START.plus(Duration.ofHours(1)), 0,
        new BatchMetrics(succeeded, failed, failedAttempts, null), null);
  }

  @Test
  void passesWhenTheJobMatches() {
    assertThat(job(JobStatus.SUCCEEDED, 3, 0, 1))
        .succeeded()
        .isTerminal()
        .hasProcessedBatches(3)
        .ranFor(Duration.ofHours(1))
        .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(1).inQueue(0));
  }

  @Test
  void wrongStatusSaysWhatWasExpectedAndFound() {
    assertThatThrownBy(() -> assertThat(job(JobStatus.TIMED_OUT, 1, 0, 0)).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected job 6f to be succeeded but it was timed_out (status timed_out, total 3, succeeded 1,"
            + " failed 0, failed attempts 0, in queue 0)");
  }

  @Test
  void batchStatisticsReportEveryMismatchAtOnce() {
    assertThatThrownBy(() -> assertThat(job(JobStatus.COMPLETED_WITH_FAILURES, 2, 1, 2))
            .hasBatchStatistics(stats -> stats.total(3).succeeded(3).failed(0).failedAttempts(2)))
        .hasMessage("unexpected batch statistics of job 6f:\n  succeeded: expected 3 but was 2\n"
            + "  failed: expected 0 but was 1\n(status completed_with_failures, total 3, succeeded 2, failed 1,"
            + " failed attempts 2, in queue 0)");
  }

  @Test
  void diagnosticsAreAppendedToFailures() {
    assertThatThrownBy(() -> assertThat(job(JobStatus.SUCCEEDED, 3, 0, 0)).withDiagnostics(() -> "TIMELINE")
            .ranFor(Duration.ofMinutes(1)))
        .hasMessage("expected job 6f to have run for PT1M but it ran for PT1H (status succeeded, total 3,"
            + " succeeded 3, failed 0, failed attempts 0, in queue 0)\nTIMELINE");
  }

  @Test
  void asyncResultAssertionsCompareResultsAsJson() {
    AsyncResult completed = new AsyncResult("r1", AsyncStatus.COMPLETED,
        JsonNodeFactory.instance.objectNode().put("label", "positive").put("score", 2), START, null);

    assertThat(completed).isCompleted().hasResult("{ \"score\": 2, \"label\": \"positive\" }");
    assertThatThrownBy(() -> assertThat(completed).hasResult("{\"label\":\"negative\"}"))
        .hasMessage("expected async request r1 to have result {\"label\":\"negative\"} but it had"
            + " {\"label\":\"positive\",\"score\":2} (status completed)");
  }

  @Test
  void asyncErrorsAreCompared() {
    AsyncResult failed = new AsyncResult("r2", AsyncStatus.FAILED, null, START,
        new WorkloadError("java.lang.IllegalArgumentException", "text is empty"));

    assertThat(failed).isFailed().hasError("java.lang.IllegalArgumentException", "text is empty");
    assertThatThrownBy(() -> assertThat(failed).isCompleted())
        .hasMessage("expected async request r2 to be completed but it was failed"
            + " (error java.lang.IllegalArgumentException: text is empty)");
  }

  @Test
  void taskAssertionsNameTheError() {
    TaskJobSpec spec = new TaskJobSpec("7a", "report", TaskJobSpec.TASK_KIND, 1, null, null, "a", "s", "h", START);
    TaskJobStatus failed = new TaskJobStatus(spec, START, JobStatus.WORKER_ERROR, null,
        new WorkloadError("java.io.IOException", "disk full"));

    assertThat(failed).hasError("java.io.IOException", "disk full");
    assertThatThrownBy(() -> assertThat(failed).succeeded())
        .hasMessage("expected task 7a to be succeeded but it was worker_error (error java.io.IOException: disk full)");
  }

  @Test
  void metricsAssertionsListWhatWasRecorded() {
    RecordingMetricsClient metrics = new RecordingMetricsClient();
    metrics.increment("scored", 2, Map.of("label", "positive"));

    assertThat(metrics).hasRecorded("scored").hasSum("scored", 2).hasNotRecorded("failed")
        .hasLastValue("scored", Map.of("label", "positive"), 2);
    assertThatThrownBy(() -> assertThat(metrics).hasSum("scored", Map.of("label", "positive"), 3))
        .hasMessage("expected scored{label=positive} to sum to 3.0 but it summed to 2.0;"
            + " RecordingMetricsClient (1 values)\n  counter scored{label=positive} 2");
  }
}
