package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the embedded client answers to calls a user gets wrong: after close, on the wrong kind, odd options. */
class EmbeddedCortexClientMisuseTest {

  private static final ApiSpec BATCH = ApiSpec.batch("scores").handlerClass("unused.Placeholder").build();
  private static final ApiSpec TASK = ApiSpec.task("nightly").handlerClass("unused.Placeholder").build();
  private static final ApiSpec ASYNC = ApiSpec.async("scorer").handlerClass("unused.Placeholder").build();

  private final EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(4).build();

  @AfterEach
  void close() {
    client.close();
  }

  private void deployAllKinds() {
    client.createApi(BATCH, Handlers.batch(init -> (batch, context) -> {}));
    client.createApi(TASK, Handlers.task(init -> (config, context) -> {}));
    client.createApi(ASYNC, Handlers.async(init -> (payload, context) -> Map.of("ok", true)));
  }

  private static void assertRefusedAfterClose(ThrowingCallable call, String operation) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CortexException.class, e -> assertThat(e.kind()).isEqualTo("embedded.closed"))
        .hasMessage(operation + " refused: the embedded cluster has been closed");
  }

  @Test
  void refusesEveryCallThatWouldStartOrChangeWorkAfterClose() {
    deployAllKinds();
    client.close();

    assertRefusedAfterClose(() -> client.createApi(BATCH, Handlers.batch(init -> (batch, context) -> {})),
        "createApi(scores)");
    assertRefusedAfterClose(() -> client.submitJob("scores", JobSubmission.items(List.of(1)).build()),
        "submitJob(scores)");
    assertRefusedAfterClose(() -> client.retryFailedBatches("scores", "0123"), "retryFailedBatches(scores)");
    assertRefusedAfterClose(() -> client.stopJob("scores", "0123"), "stopJob(scores)");
    assertRefusedAfterClose(() -> client.submitTask("nightly", TaskSubmission.builder().build()),
        "submitTask(nightly)");
    assertRefusedAfterClose(() -> client.submitAsync("scorer", new byte[0], "text/plain"), "submitAsync(scorer)");
    assertRefusedAfterClose(() -> client.deleteApi("scores"), "deleteApi(scores)");
  }

  @Test
  void stillAnswersReadsAfterCloseWithTheStatusCloseLeft() throws Exception {
    client.createApi(BATCH, Handlers.batch(init -> (batch, context) -> new CountDownLatch(1).await()));
    JobSpec job = client.submitJob("scores", JobSubmission.items(List.of(1)).build());

    client.close();

    assertThat(client.getJob("scores", job.jobId()).status()).isEqualTo(JobStatus.STOPPED);
    assertThat(client.listApis()).hasSize(1);
  }

  @Test
  void closingTwiceIsHarmless() {
    client.close();
    client.close();

    assertThat(client.describe()).isEqualTo("embedded");
  }

  @Test
  void refusesABatchOperationOnATaskApiNamingItsKind() {
    deployAllKinds();

    assertThatThrownBy(() -> client.submitJob("nightly", JobSubmission.items(List.of(1)).build()))
        .isInstanceOfSatisfying(CortexException.class,
            e -> assertThat(e.kind()).isEqualTo("resources.operation_is_only_supported_for_kind"))
        .hasMessage("this operation is only allowed for BatchAPI kind and is not supported for nightly of kind TaskAPI");
  }

  @Test
  void refusesTaskAndAsyncOperationsOnABatchApiNamingItsKind() {
    deployAllKinds();

    assertThatThrownBy(() -> client.submitTask("scores", TaskSubmission.builder().build()))
        .hasMessage("this operation is only allowed for TaskAPI kind and is not supported for scores of kind BatchAPI");
    assertThatThrownBy(() -> client.getTaskJob("scores", "0123"))
        .hasMessage("this operation is only allowed for TaskAPI kind and is not supported for scores of kind BatchAPI");
    assertThatThrownBy(() -> client.submitAsync("scores", "x".getBytes(StandardCharsets.UTF_8), "text/plain"))
        .hasMessage("this operation is only allowed for AsyncAPI kind and is not supported for scores of kind BatchAPI");
  }

  @Test
  void refusesToStopAJobOfAnAsyncApiNamingTheKindsThatHaveJobs() {
    deployAllKinds();

    assertThatThrownBy(() -> client.stopJob("scorer", "0123"))
        .hasFieldOrPropertyWithValue("kind", "resources.operation_is_only_supported_for_kind")
        .hasMessage("this operation is only allowed for BatchAPI or TaskAPI kinds and is not supported for scorer"
            + " of kind AsyncAPI");
  }

  @Test
  void stillAnswersNotDeployedForAnUnknownApi() {
    assertThatThrownBy(() -> client.getTaskJob("ghost", "0123"))
        .hasFieldOrPropertyWithValue("kind", "resources.api_not_deployed")
        .hasMessage("ghost is not deployed");
  }

  @Test
  void refusesANullFactoryBeforeReplacingTheDeployedApi() {
    client.createApi(BATCH, Handlers.batch(init -> (batch, context) -> {}));

    assertThatThrownBy(() -> client.createApi(BATCH, (io.github.cortexj.core.HandlerFactory<?>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factory");
    JobSpec job = client.submitJob("scores", JobSubmission.items(List.of(1)).build());
    assertThat(awaitStatus(job)).isEqualTo(JobStatus.SUCCEEDED);
  }

  private JobStatus awaitStatus(JobSpec job) {
    try {
      return client.awaitJob("scores", job.jobId(), Duration.ofSeconds(30)).status();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void rejectsAPollWaitOutsideWhatAQueueReceiveAccepts() {
    assertThatThrownBy(() -> EmbeddedCortexClient.builder().pollWait(Duration.ofSeconds(21)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollWait must be between 0 and 20 seconds (got PT21S)");
    assertThatThrownBy(() -> EmbeddedCortexClient.builder().pollWait(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollWait must be between 0 and 20 seconds (got PT-0.001S)");
  }

  @Test
  void rejectsANegativeCompletionRecheckDelay() {
    assertThatThrownBy(() -> EmbeddedCortexClient.builder().completionRecheckDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("completionRecheckDelay must not be negative (got PT-1S)");
  }

  @Test
  void rejectsANonPositiveAsyncRetentionWhenSetBeforeAnyThreadStarts() {
    assertThatThrownBy(() -> EmbeddedCortexClient.builder().asyncRetention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("asyncRetention must be positive (got PT0S)");
  }
}
