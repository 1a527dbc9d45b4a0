package io.github.cortexj.testkit;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.config.ConfigMerger;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.project.Project;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs one task without a cluster: builds it as the task runner does (constructor injection or the factory, the
 * API's config deep-merged with the job's) and runs it once with the merged config and a ready
 * {@link TaskContext}. Hand it a {@link CortexTestCluster#client()} to test a task that submits jobs.
 *
 * <pre>{@code
 * TaskHarness harness = TaskHarness.forClass(NightlyReport.class)
 *     .apiConfig(Map.of("bucket", "reports"))
 *     .jobConfig(Map.of("day", "2025-03-01"))
 *     .client(cluster.client())
 *     .build();
 * harness.run();
 * }</pre>
 *
 * <p>Construction errors surface from {@link Builder#build()} unchanged. Not thread safe.
 */
public final class TaskHarness {

  /** The job id every default context carries. */
  public static final String DEFAULT_JOB_ID = "69c0ffee00000002";

  private final Task task;
  private final Map<String, @Nullable Object> config;
  private final String apiName;
  private final RecordingMetricsClient metrics;
  private final ProjectFiles projectFiles;
  private final @Nullable CortexClient client;
  private final @Nullable Instant deadline;

  private TaskHarness(Builder builder, Task task, Map<String, @Nullable Object> config) {
    this.task = task;
    this.config = config;
    this.apiName = builder.apiName;
    this.metrics = builder.metrics;
    this.projectFiles = builder.projectFiles;
    this.client = builder.client;
    this.deadline = builder.deadline;
  }

  /**
   * Starts a harness for a task class, built by constructor injection.
   *
   * @param taskClass a class implementing {@link Task}
   * @return a builder
   */
  public static Builder forClass(Class<?> taskClass) {
    return new Builder(Handlers.task(taskClass), "harness");
  }

  /**
   * Starts a harness for a task built by a factory.
   *
   * @param factory builds the task
   * @return a builder
   */
  public static Builder forFactory(HandlerFactory<? extends Task> factory) {
    return new Builder(Handlers.task(factory), "harness");
  }

  /**
   * Starts a harness for a TaskAPI of a cortex.yaml project, with its config and the project's files.
   *
   * @param cortexYaml the project's cortex.yaml
   * @param apiName the TaskAPI
   * @return a builder
   */
  public static Builder fromProject(Path cortexYaml, String apiName) {
    ApiSpec spec = HarnessProjects.api(cortexYaml, apiName, ApiKind.TASK_API);
    Builder builder = new Builder(Handlers.task(HarnessProjects.handlerClass(spec)), apiName);
    builder.apiConfig(spec.config());
    builder.projectFiles(Project.load(cortexYaml).files());
    return builder;
  }

  /**
   * Returns the task, built as the runner builds it.
   *
   * @return the task
   */
  public Task task() {
    return task;
  }

  /**
   * Returns the merged config the task is built with and run with.
   *
   * @return the config, unmodifiable
   */
  public Map<String, @Nullable Object> config() {
    return config;
  }

  /**
   * Returns the metrics client the task records to.
   *
   * @return the metrics
   */
  public RecordingMetricsClient metrics() {
    return metrics;
  }

  /**
   * Runs the task once in the default context (job {@value #DEFAULT_JOB_ID}, attempt 1).
   *
   * @throws Exception what the task throws
   */
  public void run() throws Exception {
    run(UnaryOperator.identity());
  }

  /**
   * Runs the task once in a context the test adjusts.
   *
   * @param context adjusts the default context's builder
   * @throws Exception what the task throws
   */
  public void run(UnaryOperator<TaskContext.Builder> context) throws Exception {
    TaskContext.Builder builder =
        TaskContext.builder()
            .apiName(apiName)
            .jobId(DEFAULT_JOB_ID)
            .deadline(deadline)
            .metrics(MetricsClient.forHandlers(metrics))
            .projectFiles(projectFiles);
    if (client != null) {
      builder.client(client);
    }
    task.run(config, context.apply(builder).build());
  }

  @Override
  public String toString() {
    return "TaskHarness[" + task.getClass().getName() + ", api " + apiName + "]";
  }

  /** Builds a {@link TaskHarness}. Not thread safe. */
  public static final class Builder extends HarnessBuilder<Builder> {
    private final HandlerFactory<Task> factory;
    private @Nullable Map<String, ? extends @Nullable Object> jobConfig;
    private @Nullable Instant deadline;

    private Builder(HandlerFactory<Task> factory, String apiName) {
      super(apiName);
      this.factory = factory;
    }

    /**
     * Sets the job's config, deep-merged over the API's (the job wins).
     *
     * @param config the config
     * @return this builder
     */
    public Builder jobConfig(Map<String, ? extends @Nullable Object> config) {
      this.jobConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the deadline the context carries (default none).
     *
     * @param deadline the deadline, or {@code null}
     * @return this builder
     */
    public Builder deadline(@Nullable Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    /**
     * Builds the task as the runner would and returns the harness.
     *
     * @return the harness
     * @throws Exception a {@link io.github.cortexj.core.HandlerDefinitionException} when the task cannot be built,
     *     unchanged
     */
    public TaskHarness build() throws Exception {
      Map<String, @Nullable Object> merged = ConfigMerger.merge(apiConfig, jobConfig);
      HandlerInit.Builder init = handlerInit(merged);
      return new TaskHarness(this, factory.create(init.build()), Collections.unmodifiableMap(merged));
    }
  }
}
