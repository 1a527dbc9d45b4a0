package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code close()} returns only once every thread the client created has ended, not merely been told to. */
class CloseLeavesNoThreadTest {

  private static List<String> clientThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("cortex-worker-") || name.startsWith("cortex-async-replica-"))
        .sorted()
        .collect(Collectors.toList());
  }

  @Test
  void noWorkerOrReplicaThreadIsAliveOnceCloseReturns() throws Exception {
    for (int i = 0; i < 10; i++) {
      EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(4).build();
      client.createApi(
          ApiSpec.async("echo").handlerClass("unused.Placeholder").build(),
          Handlers.async(init -> (payload, context) -> Map.of("ok", true)));
      client.createApi(
          ApiSpec.batch("sink").handlerClass("unused.Placeholder").build(),
          Handlers.batch(init -> (batch, context) -> {}));
      String id = client.submitAsync("echo", "hi".getBytes(StandardCharsets.UTF_8), "text/plain");
      JobSpec job = client.submitJob("sink", JobSubmission.items(List.of(1, 2, 3)).batchSize(1).workers(2).build());
      client.awaitAsync("echo", id, Duration.ofSeconds(30));
      client.awaitJob("sink", job.jobId(), Duration.ofSeconds(30));

      client.close();

      assertThat(clientThreadsAlive()).as("threads alive after close (iteration %d)", i).isEmpty();
    }
  }
}
