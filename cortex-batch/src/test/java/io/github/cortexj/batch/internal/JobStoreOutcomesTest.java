package io.github.cortexj.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.job.FailedBatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobStoreOutcomesTest {

  private static final String API = "reviews";
  private static final String JOB = "69a1b2c3d4e5f607";

  private final InMemoryObjectStore objects = new InMemoryObjectStore("bucket", Clock.systemUTC());
  private final JobStore store = new JobStore(objects, new JobKeys("cortex"), new ObjectMapper());

  @Test
  void countsEachBatchOnceHoweverItsSuccessesWereGrouped() {
    // Ids drawn from a small pool, so that the same batch is often recorded in several groups (a redelivery).
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      pool.add(UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString());
    }
    qt().forAll(lists().of(lists().of(integers().between(0, 29)).ofSizeBetween(1, 10)).ofSizeBetween(0, 12))
        .checkAssert(
            groups -> {
              objects.deleteByPrefix("cortex/");
              Set<String> distinct = new HashSet<>();
              for (List<Integer> group : groups) {
                List<String> ids = group.stream().map(pool::get).distinct().toList();
                store.writeSucceeded(API, JOB, ids);
                distinct.addAll(ids);
              }

              assertThat(store.outcomes(API, JOB).succeeded()).isEqualTo(distinct.size());
              for (String id : pool) {
                assertThat(store.hasOutcome(API, JOB, id)).as(id).isEqualTo(distinct.contains(id));
              }
            });
  }

  @Test
  void aBatchThatAlsoFailedCountsOnceAsFailed() {
    store.writeSucceeded(API, JOB, List.of("a-1", "b-2"));
    store.writeFailed(API, JOB, new FailedBatch("b-2", List.of(), "java.lang.IllegalStateException", "no", 1));
    store.writeFailedAttempt(API, JOB, "b-2", 1);

    JobStore.OutcomeCounts counts = store.outcomes(API, JOB);

    assertThat(counts).isEqualTo(new JobStore.OutcomeCounts(1, 1, 1));
  }

  @Test
  void anIdThatIsOnlyPartOfARecordedIdIsNotFound() {
    store.writeSucceeded(API, JOB, List.of("abc-123", "x-9"));

    assertThat(store.hasOutcome(API, JOB, "abc")).isFalse();
    assertThat(store.hasOutcome(API, JOB, "123")).isFalse();
    assertThat(store.hasOutcome(API, JOB, "x-9")).isTrue();
  }

  @Test
  void deletingTheSuccessesKeepsTheFailedBatches() {
    store.writeSucceeded(API, JOB, List.of("a-1"));
    store.writeFailed(API, JOB, new FailedBatch("b-2", List.of(), "java.lang.IllegalStateException", "no", 1));

    store.deleteSucceeded(API, JOB);

    assertThat(store.outcomes(API, JOB)).isEqualTo(new JobStore.OutcomeCounts(0, 1, 0));
    assertThat(store.failedBatches(API, JOB)).extracting(FailedBatch::batchId).containsExactly("b-2");
  }

  @Test
  void refusesAGroupThatCannotBeReadBack() {
    assertThatThrownBy(() -> store.writeSucceeded(API, JOB, List.of("a.b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch id \"a.b\" cannot be recorded in a group");
    assertThatThrownBy(() -> store.writeSucceeded(API, JOB, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a group holds 1 to 10 batch ids, not 0");
  }
}
