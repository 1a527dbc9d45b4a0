package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.backend.QueueNames;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.AutoscalingSpec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Closing the runtime: the request in flight finishes, nothing accepted is lost. */
class GracefulCloseTest {

  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void release() {
    release.countDown();
  }

  private static AsyncCluster blockingCluster(CountDownLatch release, Duration shutdownTimeout) {
    AsyncCluster cluster = new AsyncCluster(builder -> builder.shutdownTimeout(shutdownTimeout));
    cluster.deploy(
        spec -> spec,
        Handlers.async(
            init ->
                (payload, context) -> {
                  if (context.requestId().equals("a")) {
                    release.await();
                  }
                  return Map.of("id", context.requestId());
                }));
    cluster.submit("a", "{}", "application/json");
    cluster.awaitStatus("a", AsyncStatus.IN_PROGRESS);
    cluster.submit("b", "{}", "application/json");
    cluster.submit("c", "{}", "application/json");
    return cluster;
  }

  private static long queued(AsyncCluster cluster) {
    String url = cluster.queues.queueUrl(QueueNames.asyncQueue("test", AsyncCluster.API, "api-1")).orElseThrow();
    return cluster.queues.counts(url).total();
  }

  @Test
  void letsTheRequestInFlightFinishAndLeavesTheRestQueued() throws Exception {
    AsyncCluster cluster = blockingCluster(release, Duration.ofSeconds(10));
    Thread closer = new Thread(cluster.runtime::close, "closer");
    closer.start();
    Eventually.until("close waits for the replica", () -> closer.getState() == Thread.State.TIMED_WAITING);

    release.countDown();
    closer.join(10_000);

    assertThat(closer.isAlive()).isFalse();
    assertThat(cluster.runtime.get(AsyncCluster.API, "a").status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(cluster.runtime.get(AsyncCluster.API, "b").status()).isEqualTo(AsyncStatus.IN_QUEUE);
    assertThat(cluster.runtime.get(AsyncCluster.API, "c").status()).isEqualTo(AsyncStatus.IN_QUEUE);
    assertThat(queued(cluster)).isEqualTo(2);
    cluster.close();
  }

  @Test
  void interruptsAfterTheShutdownTimeoutAndLeavesTheRequestToBeHandledAgain() throws Exception {
    AsyncCluster cluster = blockingCluster(release, Duration.ofMillis(100));

    cluster.runtime.close();

    assertThat(cluster.runtime.get(AsyncCluster.API, "a").status()).isEqualTo(AsyncStatus.IN_PROGRESS);
    assertThat(queued(cluster)).isEqualTo(3);
    // A new runtime over the same queue and store handles all three.
    release.countDown();
    try (AsyncRuntime next =
        AsyncRuntime.builder()
            .queueBackend(cluster.queues)
            .objectStore(cluster.store)
            .clock(cluster.clock)
            .executor(cluster.executor)
            .clusterName("test")
            .pollWait(Duration.ofMillis(10))
            .build()) {
      next.register(
          new AsyncApiDeployment(
              ApiSpec.async(AsyncCluster.API)
                  .handlerClass("com.example.Scorer")
                  .autoscaling(AutoscalingSpec.builder().maxReplicas(1).build())
                  .build(),
              "api-1",
              Handlers.async(init -> (payload, context) -> Map.of("again", context.requestId())),
              ProjectFiles.none()));
      for (String id : new String[] {"a", "b", "c"}) {
        assertThat(next.await(AsyncCluster.API, id, Duration.ofSeconds(10)).result().get("again").asText())
            .isEqualTo(id);
      }
    }
    cluster.close();
  }
}
