package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.WorkloadError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Beyond Cortex: cancelling queued requests, the per-request timeout and the queue TTL. */
class CancelTimeoutTtlTest {

  private final AsyncCluster cluster = new AsyncCluster();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> handled = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    release.countDown();
    cluster.close();
  }

  /** One replica whose first request ("busy") blocks until released, so that later ones stay queued. */
  private void deployBlocking(java.util.function.UnaryOperator<io.github.cortexj.core.spec.ApiSpec.Builder> spec) {
    cluster.deploy(
        spec,
        Handlers.async(
            init ->
                (payload, context) -> {
                  handled.add(context.requestId());
                  if (context.requestId().equals("busy")) {
                    release.await();
                  }
                  return Map.of("id", context.requestId());
                }));
    cluster.submit("busy", "{}", "application/json");
    cluster.awaitStatus("busy", AsyncStatus.IN_PROGRESS);
  }

  @Test
  void cancelsAQueuedRequestWhichThenIsNotFoundAndNeverHandled() {
    deployBlocking(spec -> spec);
    cluster.submit("later", "{}", "application/json");

    boolean cancelled = cluster.runtime.cancel(AsyncCluster.API, "later");
    release.countDown();
    cluster.awaitEnd("busy");
    cluster.awaitEnd(cluster.submit("after", "{}", "application/json"));

    assertThat(cancelled).isTrue();
    assertThatThrownBy(() -> cluster.runtime.get(AsyncCluster.API, "later"))
        .isInstanceOf(AsyncRequestNotFoundException.class)
        .hasMessage("error: id later not found");
    assertThat(handled).containsExactly("busy", "after");
    assertThat(cluster.store.listAll("cortex/workloads/scorer/later/")).isEmpty();
  }

  @Test
  void doesNotCancelARequestInProgress() {
    deployBlocking(spec -> spec);

    assertThat(cluster.runtime.cancel(AsyncCluster.API, "busy")).isFalse();
    release.countDown();
    assertThat(cluster.awaitEnd("busy").status()).isEqualTo(AsyncStatus.COMPLETED);
  }

  @Test
  void doesNotCancelACompletedRequest() {
    cluster.deploy((payload, context) -> Map.of());
    String id = cluster.submitJson("{}");
    cluster.awaitEnd(id);

    assertThat(cluster.runtime.cancel(AsyncCluster.API, id)).isFalse();
    assertThat(cluster.runtime.get(AsyncCluster.API, id).status()).isEqualTo(AsyncStatus.COMPLETED);
  }

  @Test
  void cancellingAnUnknownIdIsNotFound() {
    cluster.deploy((payload, context) -> Map.of());

    assertThatThrownBy(() -> cluster.runtime.cancel(AsyncCluster.API, "ghost"))
        .isInstanceOf(AsyncRequestNotFoundException.class);
  }

  @Test
  void interruptsAHandlerPastItsRequestTimeoutAndFailsItAsTimedOut() {
    cluster.deploy(
        spec -> spec.requestTimeout(Duration.ofSeconds(5)),
        Handlers.async(
            init ->
                (payload, context) -> {
                  if (context.requestId().equals("slow")) {
                    new CountDownLatch(1).await(); // until interrupted
                  }
                  return Map.of("deadline", String.valueOf(context.deadline().orElseThrow()));
                }));
    cluster.submit("slow", "{}", "application/json");
    cluster.awaitStatus("slow", AsyncStatus.IN_PROGRESS);

    cluster.advance(Duration.ofSeconds(5));
    AsyncResult slow = cluster.awaitEnd("slow");
    AsyncResult next = cluster.awaitEnd(cluster.submit("next", "{}", "application/json"));

    assertThat(slow.error())
        .isEqualTo(new WorkloadError("timed_out",
            "request slow did not finish within its request_timeout of PT5S; its handler was interrupted"));
    assertThat(next.status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(next.result().get("deadline").asText()).isEqualTo(cluster.clock.instant().plusSeconds(5).toString());
  }

  @Test
  void leavesAHandlerWithinItsTimeoutAlone() {
    cluster.deploy(
        spec -> spec.requestTimeout(Duration.ofSeconds(5)),
        Handlers.async(
            init ->
                (payload, context) -> {
                  release.await();
                  return Map.of();
                }));
    String id = cluster.submitJson("{}");
    cluster.awaitStatus(id, AsyncStatus.IN_PROGRESS);

    cluster.advance(Duration.ofSeconds(4));
    release.countDown();

    assertThat(cluster.awaitEnd(id).status()).isEqualTo(AsyncStatus.COMPLETED);
  }

  @Test
  void failsARequestOlderThanItsTtlWhenDequeuedWithoutHandlingIt() {
    deployBlocking(spec -> spec.requestTtl(Duration.ofMinutes(1)));
    cluster.submit("stale", "{}", "application/json");

    cluster.advance(Duration.ofMinutes(2));
    release.countDown();
    AsyncResult stale = cluster.awaitEnd("stale");

    assertThat(stale.error())
        .isEqualTo(new WorkloadError("expired",
            "request stale waited PT2M in the queue, longer than its request_ttl of PT1M; it was not handled"));
    assertThat(handled).containsExactly("busy");
    assertThat(cluster.store.head("cortex/workloads/scorer/stale/payload")).isEmpty();
  }

  @Test
  void handlesARequestDequeuedWithinItsTtl() {
    deployBlocking(spec -> spec.requestTtl(Duration.ofMinutes(1)));
    cluster.submit("fresh", "{}", "application/json");

    cluster.advance(Duration.ofSeconds(59));
    release.countDown();

    assertThat(cluster.awaitEnd("fresh").status()).isEqualTo(AsyncStatus.COMPLETED);
  }
}
