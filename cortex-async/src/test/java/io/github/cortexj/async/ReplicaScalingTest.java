package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.spec.AutoscalingSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Replicas follow the queue between min_replicas and max_replicas, on the manual clock (§3.7). */
class ReplicaScalingTest {

  private final AsyncCluster cluster = new AsyncCluster();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostRunning = new AtomicInteger();

  @AfterEach
  void close() {
    release.countDown();
    cluster.close();
  }

  private void deploy(AutoscalingSpec autoscaling) {
    cluster.deploy(
        spec -> spec.autoscaling(autoscaling),
        Handlers.async(
            init ->
                (payload, context) -> {
                  mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                  try {
                    release.await();
                  } finally {
                    running.decrementAndGet();
                  }
                  return Map.of();
                }));
  }

  private int replicasAfter(Duration advance) {
    cluster.advance(advance);
    return cluster.runtime.replicas(AsyncCluster.API);
  }

  @Test
  void scalesUpOnABacklogByTheUpscaleFactorAndDownWhenItDrains() {
    deploy(
        AutoscalingSpec.builder()
            .minReplicas(1)
            .maxReplicas(4)
            .window(Duration.ofSeconds(10))
            .upscaleStabilizationPeriod(Duration.ZERO)
            .downscaleStabilizationPeriod(Duration.ZERO)
            .build());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(cluster.submitJson("{}"));
    }
    List<Integer> up = new ArrayList<>();
    up.add(cluster.runtime.replicas(AsyncCluster.API));
    for (int step = 0; step < 4; step++) {
      up.add(replicasAfter(Duration.ofSeconds(10)));
    }
    Eventually.until("four handlers run at once", () -> running.get() == 4);

    release.countDown();
    ids.forEach(cluster::awaitEnd);
    List<Integer> down = new ArrayList<>();
    for (int step = 0; step < 5; step++) {
      down.add(replicasAfter(Duration.ofSeconds(10)));
    }

    assertThat(up).containsExactly(1, 2, 3, 4, 4); // 1 -> max(1 + 1, ceil(1.5)) -> ceil(3) -> min(ceil(4.5), max)
    assertThat(mostRunning.get()).isEqualTo(4);
    // The first window still holds a sample of the backlog; then ceil(4 * 0.75), ceil(3 * 0.75), one fewer, min.
    assertThat(down).containsExactly(4, 3, 2, 1, 1);
    assertThat(cluster.runtime.get(AsyncCluster.API, ids.get(19)).status()).isEqualTo(AsyncStatus.COMPLETED);
  }

  @Test
  void holdsAnUpscaleForTheUpscaleStabilizationPeriod() {
    deploy(AutoscalingSpec.builder().minReplicas(1).maxReplicas(4).window(Duration.ofSeconds(10)).build());
    for (int i = 0; i < 10; i++) {
      cluster.submitJson("{}");
    }

    List<Integer> replicas = new ArrayList<>();
    for (int step = 0; step < 6; step++) {
      replicas.add(replicasAfter(Duration.ofSeconds(10)));
    }

    assertThat(replicas).containsExactly(1, 1, 1, 1, 1, 2); // 60 s after the start (upscale_stabilization_period)
  }

  @Test
  void startsInitReplicas() {
    deploy(AutoscalingSpec.builder().minReplicas(1).initReplicas(3).maxReplicas(5).build());

    assertThat(cluster.runtime.replicas(AsyncCluster.API)).isEqualTo(3);
  }
}
