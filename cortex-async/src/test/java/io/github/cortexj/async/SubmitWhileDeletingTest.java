package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.job.ApiNotDeployedException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A request submitted while its API is being deleted is refused as for an API that is not deployed. */
class SubmitWhileDeletingTest {

  @Test
  void refusesARequestWhoseApiIsDeletedJustBeforeItsMessageIsSent() {
    QueueBackend real = new InMemoryQueueBackend(Clock.systemUTC());
    AtomicReference<AsyncRuntime> runtime = new AtomicReference<>();
    AtomicBoolean deleteOnSend = new AtomicBoolean();
    QueueBackend deletingOnSend =
        (QueueBackend)
            Proxy.newProxyInstance(
                QueueBackend.class.getClassLoader(),
                new Class<?>[] {QueueBackend.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("send") && deleteOnSend.getAndSet(false)) {
                    runtime.get().unregister(AsyncCluster.API); // another thread's deleteApi, landing just now
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (AsyncCluster cluster = new AsyncCluster(builder -> builder.queueBackend(deletingOnSend))) {
      runtime.set(cluster.runtime);
      cluster.deploy((payload, context) -> Map.of());
      deleteOnSend.set(true);

      assertThatThrownBy(
              () -> cluster.runtime.submit(
                  AsyncCluster.API, "{}".getBytes(StandardCharsets.UTF_8), "application/json", null))
          .isInstanceOf(ApiNotDeployedException.class)
          .hasFieldOrPropertyWithValue("kind", "resources.api_not_deployed")
          .hasMessage(AsyncCluster.API + " is not deployed");
    }
  }
}
