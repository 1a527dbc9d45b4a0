package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsyncStatusTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void codesAreCortexs() {
    assertThat(Arrays.stream(AsyncStatus.values()).map(AsyncStatus::code))
        .containsExactly("in_queue", "in_progress", "completed", "failed");
  }

  @Test
  void writesTheCodeAsJsonValue() throws Exception {
    assertThat(MAPPER.writeValueAsString(AsyncStatus.IN_PROGRESS)).isEqualTo("\"in_progress\"");
  }

  @Test
  void readsTheCodeFromJson() throws Exception {
    assertThat(MAPPER.readValue("\"in_queue\"", AsyncStatus.class)).isEqualTo(AsyncStatus.IN_QUEUE);
  }

  @Test
  void rejectsAnUndefinedCode() {
    assertThatThrownBy(() -> AsyncStatus.fromCode("not_found"))
        .isInstanceOf(InvalidStatusException.class)
        .hasMessage(
            "invalid async workload status \"not_found\" (expected in_queue, in_progress, completed or failed)")
        .extracting(e -> ((CortexException) e).kind())
        .isEqualTo("async.invalid_status");
  }

  @Test
  void onlyCompletedAndFailedAreTerminal() {
    assertThat(Arrays.stream(AsyncStatus.values()).filter(AsyncStatus::isTerminal))
        .containsExactly(AsyncStatus.COMPLETED, AsyncStatus.FAILED);
  }

  @Test
  void noMarkerMeansNotFound() {
    assertThat(AsyncStatus.fromMarkers(List.of())).isEmpty();
  }

  @Test
  void inQueueMarkerAloneIsInQueue() {
    assertThat(AsyncStatus.fromMarkers(List.of("in_queue"))).contains(AsyncStatus.IN_QUEUE);
  }

  @Test
  void inProgressMovesOnFromInQueue() {
    assertThat(AsyncStatus.fromMarkers(List.of("in_queue", "in_progress"))).contains(AsyncStatus.IN_PROGRESS);
  }

  @Test
  void completedWinsOverFailed() {
    assertThat(AsyncStatus.fromMarkers(List.of("failed", "in_progress", "completed", "in_queue")))
        .contains(AsyncStatus.COMPLETED);
  }

  @Test
  void failedEndsTheWorkload() {
    assertThat(AsyncStatus.fromMarkers(List.of("in_queue", "in_progress", "failed")))
        .contains(AsyncStatus.FAILED);
  }

  @Test
  void acceptsFullObjectKeys() {
    assertThat(AsyncStatus.fromMarkers(List.of("uid/workloads/api/req-1/status/in_progress")))
        .contains(AsyncStatus.IN_PROGRESS);
  }

  @Test
  void rejectsAnInvalidMarkerNamingIt() {
    assertThatThrownBy(() -> AsyncStatus.fromMarkers(List.of("in_queue", "status/exploded")))
        .isInstanceOf(InvalidStatusException.class)
        .hasMessage(
            "invalid async workload status marker \"status/exploded\" (expected in_queue, in_progress, completed or"
                + " failed)");
  }

  @Test
  void rejectsAnInvalidMarkerEvenBesideCompleted() {
    assertThatThrownBy(() -> AsyncStatus.fromMarkers(List.of("completed", "zzz")))
        .isInstanceOf(InvalidStatusException.class)
        .hasMessageContaining("\"zzz\"");
  }

  @Test
  void statusFromMarkersDoesNotDependOnTheirOrder() {
    List<String> codes = Arrays.stream(AsyncStatus.values()).map(AsyncStatus::code).toList();
    qt().forAll(lists().of(arbitrary().pick(codes)).ofSizeBetween(1, 8), longs().all())
        .checkAssert(
            (markers, seed) -> {
              AsyncStatus expected =
                  markers.contains("completed")
                      ? AsyncStatus.COMPLETED
                      : markers.contains("failed")
                          ? AsyncStatus.FAILED
                          : markers.contains("in_progress") ? AsyncStatus.IN_PROGRESS : AsyncStatus.IN_QUEUE;
              List<String> shuffled = new ArrayList<>(markers);
              Collections.shuffle(shuffled, new Random(seed));
              assertThat(AsyncStatus.fromMarkers(markers)).isEqualTo(Optional.of(expected));
              assertThat(AsyncStatus.fromMarkers(shuffled)).isEqualTo(Optional.of(expected));
            });
  }

  @Test
  void everyCodeRoundTrips() {
    qt().forAll(arbitrary().enumValues(AsyncStatus.class))
        .checkAssert(status -> assertThat(AsyncStatus.fromCode(status.code())).isEqualTo(status));
  }
}
