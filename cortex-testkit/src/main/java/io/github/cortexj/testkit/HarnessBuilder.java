package io.github.cortexj.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.metrics.MetricsClient;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options every handler harness takes: the API's name and config, the metrics client that records what the
 * handler publishes, the project files, the client and the mapper. Each harness's builder adds its own options.
 *
 * <p>Not thread safe: a builder is meant for one thread.
 *
 * @param <B> the harness's builder, which every setter returns
 */
public abstract class HarnessBuilder<B extends HarnessBuilder<B>> {

  String apiName;
  Map<String, ? extends @Nullable Object> apiConfig = Map.of();
  RecordingMetricsClient metrics = new RecordingMetricsClient();
  ProjectFiles projectFiles = ProjectFiles.none();
  @Nullable CortexClient client;
  ObjectMapper mapper = new ObjectMapper();

  /** Only this package's harnesses extend it. */
  HarnessBuilder(String apiName) {
    this.apiName = apiName;
  }

  @SuppressWarnings("unchecked") // B is the class extending this one, as its declaration requires
  private B self() {
    return (B) this;
  }

  /**
   * Sets the API's name every context carries (default {@code harness}, or the project API's name).
   *
   * @param apiName the name
   * @return this builder
   */
  public B apiName(String apiName) {
    this.apiName = Objects.requireNonNull(apiName, "apiName");
    return self();
  }

  /**
   * Sets the API's config (default empty, or the project API's).
   *
   * @param config the config
   * @return this builder
   */
  public B apiConfig(Map<String, ? extends @Nullable Object> config) {
    this.apiConfig = Objects.requireNonNull(config, "config");
    return self();
  }

  /**
   * Sets the metrics client that records what the handler publishes (default: a new
   * {@link RecordingMetricsClient}).
   *
   * @param metrics the client
   * @return this builder
   */
  public B metrics(RecordingMetricsClient metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return self();
  }

  /**
   * Sets the project files (default none, or the project's).
   *
   * @param projectFiles the files
   * @return this builder
   */
  public B projectFiles(ProjectFiles projectFiles) {
    this.projectFiles = Objects.requireNonNull(projectFiles, "projectFiles");
    return self();
  }

  /**
   * Sets the client handed to the handler (default: one that reaches no cluster).
   *
   * @param client the client
   * @return this builder
   */
  public B client(CortexClient client) {
    this.client = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * Sets the mapper the handler's config and values are bound with (default: a plain one).
   *
   * @param mapper the mapper
   * @return this builder
   */
  public B objectMapper(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return self();
  }

  /** What the handler's constructor or factory receives, as the runtime builds it, with this config. */
  HandlerInit.Builder handlerInit(Map<String, ? extends @Nullable Object> config) {
    HandlerInit.Builder init =
        HandlerInit.builder()
            .config(config)
            .metrics(MetricsClient.forHandlers(metrics))
            .projectFiles(projectFiles)
            .objectMapper(mapper);
    CortexClient given = client;
    if (given != null) {
      init.client(given);
    }
    return init;
  }
}
