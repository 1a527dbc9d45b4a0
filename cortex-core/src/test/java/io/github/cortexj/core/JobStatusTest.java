package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobStatusTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Cortex's precedence, written out independently of the implementation. */
  private static final List<String> BATCH_ORDER =
      List.of(
          "timed_out",
          "worker_oom",
          "worker_error",
          "enqueue_failed",
          "unexpected_error",
          "completed_with_failures",
          "succeeded",
          "stopped",
          "running",
          "enqueuing",
          "pending");

  private static final List<String> TASK_ORDER =
      List.of(
          "stopped",
          "timed_out",
          "worker_oom",
          "worker_error",
          "enqueue_failed",
          "unexpected_error",
          "completed_with_failures",
          "succeeded",
          "running",
          "enqueuing",
          "pending");

  private static final List<String> NOISE = List.of("spec.json", "payload.json", "metrics.json", "max_batch_count");

  @Test
  void codesAndMessagesAreCortexs() {
    assertThat(Arrays.stream(JobStatus.values()).map(s -> s.code() + "=" + s.message()))
        .containsExactly(
            "pending=pending",
            "enqueuing=enqueuing",
            "running=running",
            "enqueue_failed=failed while enqueuing",
            "completed_with_failures=completed with failures",
            "succeeded=succeeded",
            "unexpected_error=unexpected error",
            "worker_error=worker error",
            "worker_oom=out of memory",
            "timed_out=timed out",
            "stopped=stopped",
            "unknown=unknown");
  }

  @Test
  void writesTheCodeAsJsonValue() throws Exception {
    assertThat(MAPPER.writeValueAsString(JobStatus.COMPLETED_WITH_FAILURES))
        .isEqualTo("\"completed_with_failures\"");
  }

  @Test
  void readsTheCodeFromJson() throws Exception {
    assertThat(MAPPER.readValue("\"worker_oom\"", JobStatus.class)).isEqualTo(JobStatus.WORKER_OOM);
  }

  @Test
  void readsAnUndefinedCodeInJsonAsUnknown() throws Exception {
    assertThat(MAPPER.readValue("\"exploded\"", JobStatus.class)).isEqualTo(JobStatus.UNKNOWN);
  }

  @Test
  void readsAnUndefinedCodeAsUnknown() {
    assertThat(JobStatus.fromCode("exploded")).isEqualTo(JobStatus.UNKNOWN);
  }

  @Test
  void readsNullAsUnknown() {
    assertThat(JobStatus.fromCode(null)).isEqualTo(JobStatus.UNKNOWN);
  }

  @Test
  void matchesCodesCaseSensitively() {
    assertThat(JobStatus.fromCode("RUNNING")).isEqualTo(JobStatus.UNKNOWN);
  }

  @Test
  void terminalStatusesAreCortexsCompletedSet() {
    assertThat(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isTerminal))
        .containsExactlyInAnyOrder(
            JobStatus.ENQUEUE_FAILED,
            JobStatus.COMPLETED_WITH_FAILURES,
            JobStatus.SUCCEEDED,
            JobStatus.UNEXPECTED_ERROR,
            JobStatus.WORKER_ERROR,
            JobStatus.WORKER_OOM,
            JobStatus.STOPPED,
            JobStatus.TIMED_OUT);
  }

  @Test
  void inProgressStatusesAreEnqueuingAndRunning() {
    assertThat(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isInProgress))
        .containsExactlyInAnyOrder(JobStatus.ENQUEUING, JobStatus.RUNNING);
  }

  @Test
  void pendingAndUnknownAreNeitherTerminalNorInProgress() {
    assertThat(List.of(JobStatus.PENDING, JobStatus.UNKNOWN))
        .allSatisfy(
            status -> {
              assertThat(status.isTerminal()).isFalse();
              assertThat(status.isInProgress()).isFalse();
            });
  }

  @Test
  void batchFailureMarkersOutrankSucceeded() {
    assertThat(JobStatus.fromBatchMarkers(List.of("running", "succeeded", "worker_error")))
        .isEqualTo(JobStatus.WORKER_ERROR);
  }

  @Test
  void batchSucceededOutranksStopped() {
    assertThat(JobStatus.fromBatchMarkers(List.of("stopped", "succeeded"))).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void taskStoppedOutranksEverything() {
    assertThat(JobStatus.fromTaskMarkers(List.of("timed_out", "running", "stopped"))).isEqualTo(JobStatus.STOPPED);
  }

  @Test
  void batchTimedOutOutranksStopped() {
    assertThat(JobStatus.fromBatchMarkers(List.of("timed_out", "running", "stopped")))
        .isEqualTo(JobStatus.TIMED_OUT);
  }

  @Test
  void noMarkerGivesUnknown() {
    assertThat(JobStatus.fromBatchMarkers(List.of())).isEqualTo(JobStatus.UNKNOWN);
    assertThat(JobStatus.fromTaskMarkers(List.of())).isEqualTo(JobStatus.UNKNOWN);
  }

  @Test
  void ignoresObjectsThatAreNotMarkers() {
    assertThat(JobStatus.fromBatchMarkers(List.of("spec.json", "metrics.json", "max_batch_count", "running")))
        .isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void onlyNonMarkerObjectsGiveUnknown() {
    assertThat(JobStatus.fromBatchMarkers(List.of("spec.json", "payload.json"))).isEqualTo(JobStatus.UNKNOWN);
  }

  @Test
  void acceptsFullObjectKeys() {
    String prefix = "uid/jobs/BatchAPI/0.35.0/my-api/69a1b2/";
    assertThat(JobStatus.fromBatchMarkers(List.of(prefix + "running", prefix + "completed_with_failures")))
        .isEqualTo(JobStatus.COMPLETED_WITH_FAILURES);
  }

  @Test
  void everyCodeRoundTripsThroughFromCodeAndJson() {
    qt().forAll(arbitrary().enumValues(JobStatus.class))
        .checkAssert(
            status -> {
              assertThat(JobStatus.fromCode(status.code())).isEqualTo(status);
              try {
                assertThat(MAPPER.readValue(MAPPER.writeValueAsString(status), JobStatus.class)).isEqualTo(status);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void anyStringThatIsNotACodeReadsAsUnknown() {
    Set<String> codes = Arrays.stream(JobStatus.values()).map(JobStatus::code).collect(Collectors.toSet());
    qt().forAll(strings().allPossible().ofLengthBetween(0, 24))
        .assuming(text -> !codes.contains(text))
        .checkAssert(text -> assertThat(JobStatus.fromCode(text)).isEqualTo(JobStatus.UNKNOWN));
  }

  @Test
  void batchPrecedencePicksTheHighestMarkerPresentInAnyOrder() {
    checkPrecedence(BATCH_ORDER, true);
  }

  @Test
  void taskPrecedencePicksTheHighestMarkerPresentInAnyOrder() {
    checkPrecedence(TASK_ORDER, false);
  }

  private static void checkPrecedence(List<String> order, boolean batch) {
    List<String> names = new ArrayList<>(BATCH_ORDER);
    names.add("unknown");
    names.addAll(NOISE);
    qt().forAll(lists().of(arbitrary().pick(names)).ofSizeBetween(0, 12), longs().all())
        .checkAssert(
            (markers, seed) -> {
              String expected =
                  order.stream().filter(markers::contains).findFirst().orElse(JobStatus.UNKNOWN.code());
              List<String> shuffled = new ArrayList<>(markers);
              Collections.shuffle(shuffled, new Random(seed));
              JobStatus got = batch ? JobStatus.fromBatchMarkers(markers) : JobStatus.fromTaskMarkers(markers);
              JobStatus gotShuffled =
                  batch ? JobStatus.fromBatchMarkers(shuffled) : JobStatus.fromTaskMarkers(shuffled);
              assertThat(got.code()).isEqualTo(expected);
              assertThat(gotShuffled).isEqualTo(got);
            });
  }
}
