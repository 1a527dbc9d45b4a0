package io.github.cortexj.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.config.ConfigMerger;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.project.Project;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs one batch handler without a cluster: builds it exactly as a worker does (constructor injection or the
 * factory, the API's config deep-merged with the job's, the job spec, metrics, project files, client, mapper)
 * and calls it with a ready {@link BatchContext} whose every field the test may change, the way AWS Lambda's test
 * events let a handler be called directly.
 *
 * <pre>{@code
 * BatchHandlerHarness harness = BatchHandlerHarness.fromProject(Path.of("quickstart/cortex.yaml"), "reviews")
 *     .jobConfig(Map.of("output_dir", tempDir.toString()))
 *     .build();
 * harness.handleBatch(Fixtures.jsonList("reviews/three-reviews.json"));
 * harness.handleBatch(items, context -> context.attempt(2).batchId("retry-me"));
 * harness.onJobComplete();
 * assertThat(harness.metrics().sum("reviews_scored")).isEqualTo(3);
 * }</pre>
 *
 * <p>The handler is built by {@link Builder#build()}, so an invalid handler class or a failing constructor
 * surfaces there as the same {@link io.github.cortexj.core.HandlerDefinitionException} the runtime reports. Not
 * thread safe: one test drives it.
 */
public final class BatchHandlerHarness {

  /** The job id of the default job spec. */
  public static final String DEFAULT_JOB_ID = "69c0ffee00000001";

  private final BatchHandler handler;
  private final JobSpec jobSpec;
  private final Map<String, @Nullable Object> config;
  private final RecordingMetricsClient metrics;
  private final ProjectFiles projectFiles;
  private final @Nullable CortexClient client;
  private final ObjectMapper mapper;
  private final @Nullable Instant deadline;
  private int batches;
  private int succeeded;
  private int failed;

  private BatchHandlerHarness(Builder builder, BatchHandler handler, JobSpec jobSpec, Map<String, @Nullable Object> config) {
    this.handler = handler;
    this.jobSpec = jobSpec;
    this.config = config;
    this.metrics = builder.metrics;
    this.projectFiles = builder.projectFiles;
    this.client = builder.client;
    this.mapper = builder.mapper;
    this.deadline = builder.deadline;
  }

  /**
   * Starts a harness for a handler class, built by constructor injection.
   *
   * @param handlerClass a class implementing {@code BatchHandler} or {@code TypedBatchHandler}
   * @return a builder
   * @throws io.github.cortexj.core.HandlerDefinitionException when the class cannot be a batch handler
   */
  public static Builder forClass(Class<?> handlerClass) {
    return new Builder(Handlers.batch(handlerClass), "harness");
  }

  /**
   * Starts a harness for a handler built by a factory.
   *
   * @param factory builds the handler
   * @return a builder
   */
  public static Builder forFactory(HandlerFactory<? extends BatchHandler> factory) {
    return new Builder(Handlers.batch(factory), "harness");
  }

  /**
   * Starts a harness for a BatchAPI of a cortex.yaml project: its handler class (loaded with the context class
   * loader), its config and the project's files, as deploying the project would give them.
   *
   * @param cortexYaml the project's cortex.yaml
   * @param apiName the BatchAPI
   * @return a builder
   * @throws IllegalArgumentException when the file has no API of that name, or it is of another kind
   */
  public static Builder fromProject(Path cortexYaml, String apiName) {
    ApiSpec spec = HarnessProjects.api(cortexYaml, apiName, ApiKind.BATCH_API);
    Builder builder = new Builder(Handlers.batch(HarnessProjects.handlerClass(spec)), apiName);
    builder.apiConfig(spec.config());
    builder.projectFiles(Project.load(cortexYaml).files());
    return builder;
  }

  /**
   * Returns the handler, built as the runtime builds it.
   *
   * @return the handler
   */
  public BatchHandler handler() {
    return handler;
  }

  /**
   * Returns the job spec the handler was built with and every context carries.
   *
   * @return the spec
   */
  public JobSpec jobSpec() {
    return jobSpec;
  }

  /**
   * Returns the merged config the handler was built with.
   *
   * @return the config
   */
  public Map<String, @Nullable Object> config() {
    return config;
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
   * Calls the handler with a batch in a default context: batch id {@code batch-<n>}, attempt 1.
   *
   * @param items the items, each converted to JSON with the harness's mapper (JSON nodes are used as they are)
   * @throws Exception what the handler throws
   */
  public void handleBatch(List<?> items) throws Exception {
    handleBatch(items, UnaryOperator.identity());
  }

  /**
   * Calls the handler with a batch in a context the test adjusts: attempt, batch id, deadline, metrics, project
   * files, env or client.
   *
   * @param items the items, each converted to JSON with the harness's mapper
   * @param context adjusts the default context's builder
   * @throws Exception what the handler throws
   */
  public void handleBatch(List<?> items, UnaryOperator<BatchContext.Builder> context) throws Exception {
    batches++;
    BatchContext.Builder builder =
        BatchContext.builder()
            .jobSpec(jobSpec)
            .batchId("batch-" + batches)
            .attempt(1)
            .deadline(deadline)
            .metrics(MetricsClient.forHandlers(metrics))
            .projectFiles(projectFiles);
    if (client != null) {
      builder.client(client);
    }
    List<JsonNode> json = new ArrayList<>(items.size());
    for (Object item : items) {
      json.add(item instanceof JsonNode node ? node : mapper.valueToTree(item));
    }
    try {
      handler.handleBatch(List.copyOf(json), context.apply(builder).build());
      succeeded++;
    } catch (Exception | Error e) {
      failed++;
      throw e;
    }
  }

  /**
   * Calls {@code onJobComplete} with a summary of the batches handled through this harness.
   *
   * @return the summary passed
   * @throws Exception what the handler throws
   */
  public JobSummary onJobComplete() throws Exception {
    JobSummary summary = new JobSummary(jobSpec.apiName(), jobSpec.jobId(), succeeded, failed, batches, 0);
    handler.onJobComplete(summary);
    return summary;
  }

  /**
   * Calls {@code onJobComplete} with a given summary.
   *
   * @param summary the summary
   * @throws Exception what the handler throws
   */
  public void onJobComplete(JobSummary summary) throws Exception {
    handler.onJobComplete(summary);
  }

  /** Builds a {@link BatchHandlerHarness}. Not thread safe. */
  public static final class Builder extends HarnessBuilder<Builder> {
    private final HandlerFactory<BatchHandler> factory;
    private @Nullable Map<String, ? extends @Nullable Object> jobConfig;
    private @Nullable JobSpec jobSpec;
    private @Nullable Instant deadline;

    private Builder(HandlerFactory<BatchHandler> factory, String apiName) {
      super(apiName);
      this.factory = factory;
    }

    /**
     * Sets the job's config, deep-merged over the API's (the job wins), as a submission's {@code config}.
     *
     * @param config the config
     * @return this builder
     */
    public Builder jobConfig(Map<String, ? extends @Nullable Object> config) {
      this.jobConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the job spec (default: job {@value #DEFAULT_JOB_ID} of the API, one worker, the job config, started at
     * {@link ManualClock#DEFAULT_START}).
     *
     * @param jobSpec the spec
     * @return this builder
     */
    public Builder jobSpec(JobSpec jobSpec) {
      this.jobSpec = Objects.requireNonNull(jobSpec, "jobSpec");
      return this;
    }

    /**
     * Sets the deadline every default context carries (default none).
     *
     * @param deadline the deadline, or {@code null}
     * @return this builder
     */
    public Builder deadline(@Nullable Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    /**
     * Builds the handler as a worker would and returns the harness.
     *
     * @return the harness
     * @throws io.github.cortexj.core.HandlerDefinitionException when the handler cannot be built, unchanged
     * @throws Exception what a factory throws, as the runtime would see it
     */
    public BatchHandlerHarness build() throws Exception {
      JobSpec spec = jobSpec;
      if (spec == null) {
        spec =
            JobSpec.builder()
                .jobId(DEFAULT_JOB_ID)
                .apiName(apiName)
                .workers(1)
                .config(jobConfig)
                .apiId("harness")
                .startTime(ManualClock.DEFAULT_START)
                .build();
      }
      Map<String, @Nullable Object> merged = ConfigMerger.merge(apiConfig, jobConfig != null ? jobConfig : spec.config());
      HandlerInit.Builder init = handlerInit(merged).jobSpec(spec);
      BatchHandler handler = factory.create(init.build());
      return new BatchHandlerHarness(this, handler, spec, merged);
    }
  }

  @Override
  public String toString() {
    return "BatchHandlerHarness[" + handler.getClass().getName() + ", job " + jobSpec.jobId() + "]";
  }
}
