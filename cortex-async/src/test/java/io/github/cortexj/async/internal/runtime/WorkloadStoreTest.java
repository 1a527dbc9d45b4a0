package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.ObjectInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WorkloadStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(7);

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final InMemoryObjectStore store = new InMemoryObjectStore("cortex-bucket", clock);
  private final WorkloadStore workloads = new WorkloadStore(store, new WorkloadKeys("root"), new ObjectMapper());

  @Test
  void statusFromMarkersAgreesWithCortexScanForEverySetOfMarkers() {
    AsyncStatus[] all = AsyncStatus.values();
    for (int set = 0; set < 1 << all.length; set++) {
      Map<AsyncStatus, ObjectInfo> markers = new EnumMap<>(AsyncStatus.class);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < all.length; i++) {
        if ((set & 1 << i) != 0) {
          markers.put(all[i], new ObjectInfo("k/status/" + all[i].code(), 0, "text/plain", T0));
          names.add("k/status/" + all[i].code());
        }
      }
      assertThat(WorkloadStore.status(markers)).as("markers %s", names).isEqualTo(AsyncStatus.fromMarkers(names));
    }
  }

  @Test
  void markersAreReadByStatus() {
    workloads.create("api", "r1", new byte[] {1}, "application/octet-stream");
    workloads.writeMarker("api", "r1", AsyncStatus.IN_PROGRESS);

    assertThat(workloads.markers("api", "r1").keySet())
        .containsExactly(AsyncStatus.IN_QUEUE, AsyncStatus.IN_PROGRESS);
  }

  @Test
  void purgeDeletesOnlyRequestsEndedMoreThanTheRetentionAgo() {
    ended("old", AsyncStatus.COMPLETED);
    now.set(T0.plusSeconds(10));
    ended("newer", AsyncStatus.FAILED);
    workloads.create("api", "queued", new byte[] {1}, "application/json");

    WorkloadStore.PurgeOutcome outcome = workloads.purgeExpired("api", T0.plus(RETENTION).plusSeconds(5), RETENTION);

    assertThat(outcome.purged()).containsExactly("old");
    assertThat(outcome.earliestKeptEnd()).isEqualTo(T0.plusSeconds(10));
    assertThat(keys()).containsExactly(
        "root/workloads/api/newer/status/failed",
        "root/workloads/api/newer/status/in_queue",
        "root/workloads/api/queued/payload",
        "root/workloads/api/queued/status/in_queue");
  }

  @Test
  void purgeCountsARequestEndedTwiceFromItsLaterMarker() {
    ended("both", AsyncStatus.COMPLETED);
    now.set(T0.plusSeconds(30));
    workloads.writeMarker("api", "both", AsyncStatus.FAILED);

    WorkloadStore.PurgeOutcome kept =
        workloads.purgeExpired("api", T0.plus(RETENTION).plusSeconds(29), RETENTION);
    WorkloadStore.PurgeOutcome purged =
        workloads.purgeExpired("api", T0.plus(RETENTION).plusSeconds(30), RETENTION);

    assertThat(kept.purged()).isEmpty();
    assertThat(kept.earliestKeptEnd()).isEqualTo(T0.plusSeconds(30));
    assertThat(purged.purged()).containsExactly("both");
    assertThat(purged.earliestKeptEnd()).isNull();
  }

  @Test
  void purgeTellsTheIdsOfNeighbouringRequestsApart() {
    ended("r1", AsyncStatus.COMPLETED);
    now.set(T0.plus(RETENTION));
    ended("r1.b", AsyncStatus.COMPLETED);
    ended("r10", AsyncStatus.COMPLETED);

    WorkloadStore.PurgeOutcome outcome = workloads.purgeExpired("api", T0.plus(RETENTION), RETENTION);

    assertThat(outcome.purged()).containsExactly("r1");
    assertThat(outcome.earliestKeptEnd()).isEqualTo(T0.plus(RETENTION));
  }

  private void ended(String id, AsyncStatus status) {
    workloads.create("api", id, new byte[] {1}, "application/json");
    workloads.writeMarker("api", id, status);
    workloads.deletePayload("api", id);
  }

  private List<String> keys() {
    return store.listAll("root/").stream().map(ObjectInfo::key).toList();
  }
}
