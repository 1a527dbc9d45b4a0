package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The visibility of a request being handled is renewed on the clock, so no other replica takes it meanwhile. */
class VisibilityRenewalTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final AsyncCluster cluster =
      new AsyncCluster(builder -> builder.visibility(Duration.ofSeconds(30), Duration.ofSeconds(10)));

  @AfterEach
  void close() {
    release.countDown();
    cluster.close();
  }

  private QueueCounts counts() {
    String url = cluster.queues.queueUrl(QueueNames.asyncQueue("test", AsyncCluster.API, "api-1")).orElseThrow();
    return cluster.queues.counts(url);
  }

  @Test
  void keepsARequestHiddenWhileItsHandlerRunsLongerThanTheVisibilityTimeout() {
    AtomicInteger calls = new AtomicInteger();
    cluster.deploy(
        (payload, context) -> {
          calls.incrementAndGet();
          release.await();
          return Map.of("ok", true);
        });
    String id = cluster.submitJson("{}");
    cluster.awaitStatus(id, AsyncStatus.IN_PROGRESS);

    for (int step = 0; step < 12; step++) {
      cluster.advance(Duration.ofSeconds(10)); // two minutes in all, four visibility timeouts
    }
    QueueCounts whileRunning = counts();
    release.countDown();
    cluster.awaitEnd(id);

    assertThat(whileRunning).isEqualTo(new QueueCounts(0, 1));
    assertThat(calls).hasValue(1);
    assertThat(counts()).isEqualTo(new QueueCounts(0, 0));
  }
}
