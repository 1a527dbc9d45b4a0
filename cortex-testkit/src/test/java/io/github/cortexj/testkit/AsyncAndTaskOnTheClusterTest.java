package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.payload.Payload;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncAndTaskOnTheClusterTest {

  private final CortexTestCluster cluster = CortexTestCluster.newInstance();

  @AfterEach
  void close() {
    cluster.close();
  }

  private void deployEcho() {
    cluster.deploy(ApiSpec.async("echo").handlerClass("unused.Placeholder").build(),
        init -> (AsyncHandler) (payload, context) -> {
          String text = ((Payload.Text) payload).value();
          if (text.isEmpty()) {
            throw new IllegalArgumentException("text is empty");
          }
          return Map.of("echo", text);
        });
  }

  private String submit(String text) {
    return cluster.client().submitAsync("echo", text.getBytes(StandardCharsets.UTF_8), "text/plain");
  }

  @Test
  void asyncRequestCompletesWithItsResult() {
    deployEcho();

    String id = submit("hello");

    cluster.assertThatAsync("echo", id).isCompleted().hasResult("{\"echo\":\"hello\"}");
  }

  @Test
  void failedAsyncRequestKeepsItsError() {
    deployEcho();

    String id = submit("");

    cluster.assertThatAsync("echo", id).isFailed().hasError("java.lang.IllegalArgumentException", "text is empty");
  }

  @Test
  void anEndedRequestIsForgottenAfterSevenDaysOfRetentionInAFractionOfASecond() {
    deployEcho();
    String id = submit("hello");
    cluster.awaitAsync("echo", id);
    long wallStart = System.nanoTime();

    cluster.advance(Duration.ofDays(7).plusSeconds(1));

    assertThatThrownBy(() -> cluster.client().getAsync("echo", id))
        .isInstanceOf(AsyncRequestNotFoundException.class)
        .hasMessage("error: id " + id + " not found");
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void taskRunsToItsEndAndAwaitIdleWaitsForIt() {
    cluster.deploy(ApiSpec.task("report").handlerClass("unused.Placeholder").build(),
        init -> (Task) (config, context) -> context.metrics().increment("reports"));

    TaskJobSpec task = cluster.client().submitTask("report", TaskSubmission.builder().build());

    cluster.assertThatTask("report", task.jobId()).succeeded();
    cluster.awaitIdle();
    assertThat(cluster.metrics().sum("reports")).isEqualTo(1);
  }
}
