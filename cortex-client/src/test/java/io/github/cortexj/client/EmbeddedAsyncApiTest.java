package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.payload.Payload;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AsyncAPIs on the embedded cluster: deploy, submit, read, cancel, delete, and chaining between APIs. */
class EmbeddedAsyncApiTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(2).build();

  @TempDir Path project;

  @AfterEach
  void close() {
    client.close();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deploysAnAsyncApiFromCortexYamlWithItsProjectFilesAndConfig() throws Exception {
    Files.writeString(project.resolve("greeting.txt"), "hello\n");
    Path yaml = project.resolve("cortex.yaml");
    Files.writeString(
        yaml,
        "- name: greeter\n  kind: AsyncAPI\n  handler:\n    type: java\n    class: "
            + GreetingAsyncHandler.class.getName()
            + "\n    config:\n      punctuation: '!'\n");

    List<DeployResult> results = client.createApi(yaml);
    String id = client.submitAsync("greeter", utf8("world"), "text/plain", "first");
    AsyncResult result = client.awaitAsync("greeter", id, WAIT);

    assertThat(results).extracting(DeployResult::message).containsExactly("created greeter (AsyncAPI)");
    assertThat(result.status()).isEqualTo(AsyncStatus.COMPLETED);
    assertThat(result.result().toString()).isEqualTo("{\"greeting\":\"hello world!\",\"request_id\":\"first\"}");
    assertThat(client.getApi("greeter").batchJobStatuses()).isEmpty();
  }

  @Test
  void deploysAnAsyncApiBuiltInCodeWithAFactory() throws Exception {
    client.createApi(
        ApiSpec.async("lengths").handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> Map.of("length", ((Payload.Json) payload).value().size())));

    String id = client.submitAsync("lengths", utf8("[1,2,3]"), "application/json");

    assertThat(client.awaitAsync("lengths", id, WAIT).result().get("length").asInt()).isEqualTo(3);
  }

  @Test
  void deploysAnAsyncApiBuiltInCodeWithAClass() throws Exception {
    Files.writeString(project.resolve("greeting.txt"), "hi\n");
    client.createApi(
        ApiSpec.async("greeter").handlerClass(GreetingAsyncHandler.class).build(), GreetingAsyncHandler.class);

    AsyncResult result = client.awaitAsync("greeter", client.submitAsync("greeter", utf8("x"), "text/plain"), WAIT);

    // Deployed in code, the API has no project files: the constructor fails and so does every request.
    assertThat(result.error().type()).isEqualTo("handler.constructor_failed");
  }

  @Test
  void failsRequestsWhenTheFactoryBuildsAHandlerOfAnotherKind() throws Exception {
    BatchHandler batch = (items, context) -> {};
    HandlerFactory<BatchHandler> wrongKind = init -> batch;
    client.createApi(ApiSpec.async("mixed").handlerClass("unused.Placeholder").build(), wrongKind);

    AsyncResult result = client.awaitAsync("mixed", client.submitAsync("mixed", utf8("{}"), "application/json"), WAIT);

    assertThat(result.error().type()).isEqualTo("handler.constructor_failed");
    assertThat(result.error().message())
        .contains("mixed: the factory of this AsyncAPI built a " + batch.getClass().getName()
            + ", which does not implement io.github.cortexj.core.AsyncHandler");
  }

  @Test
  void readsAFailedRequestWithItsError() throws Exception {
    client.createApi(
        ApiSpec.async("picky").handlerClass("unused.Placeholder").build(),
        Handlers.async(
            init -> (payload, context) -> {
              throw new IllegalArgumentException("no thanks");
            }));

    AsyncResult result = client.awaitAsync("picky", client.submitAsync("picky", utf8("{}"), "application/json"), WAIT);

    assertThat(result.status()).isEqualTo(AsyncStatus.FAILED);
    assertThat(result.error()).isEqualTo(new WorkloadError("java.lang.IllegalArgumentException", "no thanks"));
  }

  @Test
  void cancelsAQueuedRequest() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    client.createApi(
        ApiSpec.async("slow").handlerClass("unused.Placeholder").build(),
        Handlers.async(
            init -> (payload, context) -> {
              release.await();
              return Map.of();
            }));
    client.submitAsync("slow", utf8("{}"), "application/json", "busy");
    while (client.getAsync("slow", "busy").status() != AsyncStatus.IN_PROGRESS) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    client.submitAsync("slow", utf8("{}"), "application/json", "waiting");

    boolean cancelled = client.cancelAsync("slow", "waiting");
    release.countDown();

    assertThat(cancelled).isTrue();
    assertThatThrownBy(() -> client.getAsync("slow", "waiting"))
        .isInstanceOf(AsyncRequestNotFoundException.class)
        .hasMessage("error: id waiting not found");
  }

  @Test
  void submittingToAnApiThatIsNotDeployedFails() {
    assertThatThrownBy(() -> client.submitAsync("ghost", utf8("{}"), "application/json"))
        .isInstanceOf(ApiNotDeployedException.class)
        .hasMessage("ghost is not deployed");
  }

  @Test
  void deletingAnAsyncApiUndeploysIt() {
    client.createApi(
        ApiSpec.async("gone").handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> Map.of()));

    client.deleteApi("gone");

    assertThat(client.listApis()).isEmpty();
    assertThatThrownBy(() -> client.submitAsync("gone", utf8("{}"), "application/json"))
        .isInstanceOf(ApiNotDeployedException.class);
  }

  @Test
  void anAsyncHandlerChainsToAnotherAsyncApiThroughItsClient() throws Exception {
    client.createApi(
        ApiSpec.async("upper").handlerClass("unused.Placeholder").build(),
        Handlers.async(init -> (payload, context) -> Map.of("upper", ((Payload.Text) payload).value().toUpperCase())));
    client.createApi(
        ApiSpec.async("front").handlerClass("unused.Placeholder").build(),
        Handlers.async(init ->
            (payload, context) -> {
              CortexClient cluster = context.client();
              String text = ((Payload.Text) payload).value();
              String inner = cluster.submitAsync("upper", utf8(text), "text/plain", context.requestId() + "-upper");
              AsyncResult done = cluster.getAsync("upper", inner);
              long deadline = System.nanoTime() + WAIT.toNanos();
              while (!done.status().isTerminal() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                done = cluster.getAsync("upper", inner);
              }
              JsonNode upper = done.result().get("upper");
              return Map.of("chained", upper.asText() + "!", "via", inner);
            }));

    AsyncResult result = client.awaitAsync("front", client.submitAsync("front", utf8("hi"), "text/plain", "r1"), WAIT);

    assertThat(result.result().toString()).contains("\"chained\":\"HI!\"").contains("\"via\":\"r1-upper\"");
    assertThat(client.getAsync("upper", "r1-upper").status()).isEqualTo(AsyncStatus.COMPLETED);
  }
}
