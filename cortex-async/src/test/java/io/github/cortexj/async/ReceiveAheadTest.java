package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.ReceiveRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A replica with a fast handler receives several requests at a time, and handles each of them once. */
class ReceiveAheadTest {

  private final List<Integer> askedFor = new CopyOnWriteArrayList<>();

  /** The in-memory backend, recording how many messages each receive asks for. */
  private QueueBackend recording(QueueBackend backend) {
    return (QueueBackend)
        Proxy.newProxyInstance(
            QueueBackend.class.getClassLoader(),
            new Class<?>[] {QueueBackend.class},
            (proxy, method, args) -> {
              if (method.getName().equals("receive")) {
                askedFor.add(((ReceiveRequest) args[1]).maxMessages());
              }
              try {
                return method.invoke(backend, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void handlesEveryRequestOfABurstExactlyOnceWhileReceivingSeveralAtATime() throws Exception {
    Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (AsyncCluster cluster =
        new AsyncCluster(builder -> builder.queueBackend(recording(new InMemoryQueueBackend())))) {
      cluster.deploy(
          (payload, context) -> {
            if (context.requestId().equals("hold")) {
              started.countDown();
              release.await();
            }
            handled.computeIfAbsent(context.requestId(), id -> new AtomicInteger()).incrementAndGet();
            return Map.of("ok", true);
          });
      List<String> warmUp = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        warmUp.add(cluster.submitJson("{}"));
      }
      warmUp.forEach(cluster::awaitEnd);
      // Hold the replica, queue a burst behind it, then let it go: it finds 100 requests waiting.
      cluster.submit("hold", "{}", "application/json");
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      List<String> burst = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        burst.add(cluster.submitJson("{}"));
      }
      askedFor.clear();
      release.countDown();
      for (String id : burst) {
        assertThat(cluster.awaitEnd(id).status()).isEqualTo(AsyncStatus.COMPLETED);
      }

      assertThat(askedFor).anySatisfy(max -> assertThat(max).isGreaterThan(1));
      assertThat(burst).allSatisfy(id -> assertThat(handled.get(id)).hasValue(1));
      assertThat(warmUp).allSatisfy(id -> assertThat(handled.get(id)).hasValue(1));
    }
  }
}
