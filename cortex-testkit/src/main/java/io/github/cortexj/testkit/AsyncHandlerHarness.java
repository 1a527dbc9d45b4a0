package io.github.cortexj.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.AsyncResults;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.payload.Payload;
import io.github.cortexj.core.payload.PayloadParser;
import io.github.cortexj.core.project.Project;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs one async handler without a cluster: builds it as a replica does (constructor injection or the factory,
 * with the API's config only, as Cortex gives async handlers no job), turns a request body into the
 * {@link Payload} its Content-Type selects, and turns the handler's return value into the JSON object the
 * runtime would store.
 *
 * <pre>{@code
 * AsyncHandlerHarness harness = AsyncHandlerHarness.forClass(SentimentHandler.class)
 *     .apiConfig(Map.of("threshold", 1))
 *     .build();
 * ObjectNode result = harness.handleJson("{\"text\":\"great value\"}");
 * assertThat(result.path("label").asText()).isEqualTo("positive");
 * }</pre>
 *
 * <p>Construction errors surface from {@link Builder#build()} unchanged. Not thread safe.
 */
public final class AsyncHandlerHarness {

  private final AsyncHandler handler;
  private final String apiName;
  private final RecordingMetricsClient metrics;
  private final ProjectFiles projectFiles;
  private final @Nullable CortexClient client;
  private final ObjectMapper mapper;
  private final PayloadParser parser;
  private int requests;

  private AsyncHandlerHarness(Builder builder, AsyncHandler handler) {
    this.handler = handler;
    this.apiName = builder.apiName;
    this.metrics = builder.metrics;
    this.projectFiles = builder.projectFiles;
    this.client = builder.client;
    this.mapper = builder.mapper;
    this.parser = new PayloadParser(builder.mapper);
  }

  /**
   * Starts a harness for a handler class, built by constructor injection.
   *
   * @param handlerClass a class implementing {@link AsyncHandler}
   * @return a builder
   */
  public static Builder forClass(Class<?> handlerClass) {
    return new Builder(Handlers.async(handlerClass), "harness");
  }

  /**
   * Starts a harness for a handler built by a factory.
   *
   * @param factory builds the handler
   * @return a builder
   */
  public static Builder forFactory(HandlerFactory<? extends AsyncHandler> factory) {
    return new Builder(Handlers.async(factory), "harness");
  }

  /**
   * Starts a harness for an AsyncAPI of a cortex.yaml project, with its config and the project's files.
   *
   * @param cortexYaml the project's cortex.yaml
   * @param apiName the AsyncAPI
   * @return a builder
   */
  public static Builder fromProject(Path cortexYaml, String apiName) {
    ApiSpec spec = HarnessProjects.api(cortexYaml, apiName, ApiKind.ASYNC_API);
    Builder builder = new Builder(Handlers.async(HarnessProjects.handlerClass(spec)), apiName);
    builder.apiConfig(spec.config());
    builder.projectFiles(Project.load(cortexYaml).files());
    return builder;
  }

  /**
   * Returns the handler, built as the runtime builds it.
   *
   * @return the handler
   */
  public AsyncHandler handler() {
    return handler;
  }

  /**
   * Returns the metrics client the handler records to.
   *
   * @return the metrics
   */
  public RecordingMetricsClient metrics() {
    return metrics;
  }

  /**
   * Handles a JSON request body, as {@code Content-Type: application/json}.
   *
   * @param json the body
   * @return the stored result, a JSON object
   * @throws Exception what the handler throws, or an {@link io.github.cortexj.core.InvalidAsyncResultException}
   *     when its return value is not a JSON object
   */
  public ObjectNode handleJson(String json) throws Exception {
    return handle(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /**
   * Handles a text request body, as {@code Content-Type: text/plain; charset=utf-8}.
   *
   * @param text the body
   * @return the stored result
   * @throws Exception what the handler throws
   */
  public ObjectNode handleText(String text) throws Exception {
    return handle(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
  }

  /**
   * Handles a request body with its Content-Type, parsed as the gateway parses it.
   *
   * @param body the body
   * @param contentType its Content-Type
   * @return the stored result
   * @throws Exception what the handler throws; a body that does not parse fails as the runtime fails it
   */
  public ObjectNode handle(byte[] body, String contentType) throws Exception {
    return handle(parser.parse(body, contentType), UnaryOperator.identity());
  }

  /**
   * Handles a payload in a context the test adjusts (request id, attempt, deadline, env, client ...).
   *
   * @param payload the payload
   * @param context adjusts the default context's builder (request id {@code request-<n>})
   * @return the stored result
   * @throws Exception what the handler throws
   */
  public ObjectNode handle(Payload payload, UnaryOperator<AsyncContext.Builder> context) throws Exception {
    return AsyncResults.toJsonObject(handleRaw(payload, context), mapper);
  }

  /**
   * Handles a payload and returns what the handler returned, unconverted.
   *
   * @param payload the payload
   * @param context adjusts the default context's builder
   * @return the handler's return value
   * @throws Exception what the handler throws
   */
  public @Nullable Object handleRaw(Payload payload, UnaryOperator<AsyncContext.Builder> context) throws Exception {
    requests++;
    AsyncContext.Builder builder =
        AsyncContext.builder()
            .apiName(apiName)
            .requestId("request-" + requests)
            .metrics(MetricsClient.forHandlers(metrics))
            .projectFiles(projectFiles);
    if (client != null) {
      builder.client(client);
    }
    return handler.handleAsync(payload, context.apply(builder).build());
  }

  @Override
  public String toString() {
    return "AsyncHandlerHarness[" + handler.getClass().getName() + ", api " + apiName + "]";
  }

  /** Builds an {@link AsyncHandlerHarness}. Not thread safe. */
  public static final class Builder extends HarnessBuilder<Builder> {
    private final HandlerFactory<AsyncHandler> factory;

    private Builder(HandlerFactory<AsyncHandler> factory, String apiName) {
      super(apiName);
      this.factory = factory;
    }

    /**
     * Builds the handler as a replica would and returns the harness.
     *
     * @return the harness
     * @throws Exception a {@link io.github.cortexj.core.HandlerDefinitionException} when the handler cannot be
     *     built, unchanged
     */
    public AsyncHandlerHarness build() throws Exception {
      HandlerInit.Builder init = handlerInit(apiConfig);
      return new AsyncHandlerHarness(this, factory.create(init.build()));
    }
  }
}
