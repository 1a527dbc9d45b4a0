package io.github.cortexj.core;

import java.util.Map;

/**
 * The work of a TaskAPI: the Java form of Cortex's {@code Task} class. {@link #run(Map, TaskContext)} runs once per
 * task job.
 *
 * <p>Implement it in a class whose single public constructor takes any of the merged config, a
 * {@link io.github.cortexj.core.metrics.MetricsClient}, the {@link ProjectFiles} and the {@link CortexClient} (see
 * {@link Handlers#task(Class)}), or build it yourself in a {@link HandlerFactory}.
 *
 * <p>An instance runs one job.
 */
@FunctionalInterface
public interface Task {

  /**
   * Runs the task. Returning normally makes the job succeed; throwing makes it fail with {@code worker_error}.
   *
   * @param config the API's {@code definition.config} deep-merged with the job's config (the job wins);
   *     unmodifiable, values may be {@code null}
   * @param context the job id and the task's services
   * @throws Exception to fail the job
   */
  void run(Map<String, Object> config, TaskContext context) throws Exception;
}
