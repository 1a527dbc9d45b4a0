package io.github.cortexj.async;

import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.AutoscalingSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** An async runtime over in-memory backends and a manual clock, for behaviour tests. */
final class AsyncCluster implements AutoCloseable {

  static final String API = "scorer";

  final ManualClock clock = new ManualClock();
  final InMemoryQueueBackend queues = new InMemoryQueueBackend(clock);
  final InMemoryObjectStore store = new InMemoryObjectStore("cortex-bucket", clock);
  final ExecutorService executor = Executors.newCachedThreadPool();
  final AsyncRuntime runtime;

  AsyncCluster() {
    this(builder -> builder);
  }

  AsyncCluster(UnaryOperator<AsyncRuntime.Builder> options) {
    this(store -> store, options);
  }

  /** A cluster whose runtime reaches {@link #store} through a wrapper, for example one that counts calls. */
  AsyncCluster(UnaryOperator<ObjectStore> wrapStore, UnaryOperator<AsyncRuntime.Builder> options) {
    runtime =
        options
            .apply(
                AsyncRuntime.builder()
                    .queueBackend(queues)
                    .objectStore(wrapStore.apply(store))
                    .clock(clock)
                    .executor(executor)
                    .clusterName("test")
                    .pollWait(Duration.ofMillis(10))
                    .tickPeriod(Duration.ofMillis(5))
                    .shutdownTimeout(Duration.ofSeconds(10)))
            .build();
  }

  /** Deploys the API with one replica and the given handler. */
  AsyncCluster deploy(AsyncHandler handler) {
    return deploy(spec -> spec, Handlers.async(init -> handler));
  }

  /** Deploys the API with one replica (unless the spec says otherwise) and the given factory. */
  AsyncCluster deploy(UnaryOperator<ApiSpec.Builder> spec, HandlerFactory<? extends AsyncHandler> factory) {
    ApiSpec built =
        spec.apply(
                ApiSpec.async(API)
                    .handlerClass("com.example.Scorer")
                    .autoscaling(AutoscalingSpec.builder().minReplicas(1).maxReplicas(1).build()))
            .build();
    runtime.register(new AsyncApiDeployment(built, "api-1", factory, ProjectFiles.none()));
    return this;
  }

  String submitJson(String json) {
    return runtime.submit(API, json.getBytes(StandardCharsets.UTF_8), "application/json", null);
  }

  String submit(String id, String body, String contentType) {
    return runtime.submit(API, body.getBytes(StandardCharsets.UTF_8), contentType, id);
  }

  /** Waits (wall time, without advancing the clock) until the request has ended. */
  AsyncResult awaitEnd(String id) {
    try {
      AsyncResult result = runtime.await(API, id, Duration.ofSeconds(20));
      if (!result.status().isTerminal()) {
        throw new AssertionError("request " + id + " did not end: " + result.status());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits (without advancing the clock) until the request has the status. */
  void awaitStatus(String id, AsyncStatus status) {
    Eventually.until("request " + id + " is " + status, () -> runtime.get(API, id).status() == status);
  }

  /** Advances the clock, then waits until a whole tick has run at the new time (the next one has started). */
  void advance(Duration duration) {
    clock.advance(duration);
    long reads = clock.tickerReads();
    Eventually.until("two ticks", () -> clock.tickerReads() >= reads + 2);
  }

  @Override
  public void close() {
    runtime.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
