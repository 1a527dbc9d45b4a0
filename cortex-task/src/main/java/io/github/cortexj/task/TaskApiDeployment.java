package io.github.cortexj.task;

import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TaskRuntime} needs to know of a deployed TaskAPI to run its jobs: its name and ids (written into
 * each task's spec), its {@code definition.config} (merged under each job's config), how to build its task, and
 * its project files.
 *
 * <p>Immutable as far as the config's nested values are; the top-level map is copied.
 *
 * @param name the API name
 * @param apiId the id of the deployment ({@code api_id} of each task spec)
 * @param specId the id of the API's spec ({@code spec_id})
 * @param handlerId the id of the task's code ({@code handler_id})
 * @param config the API's {@code definition.config}
 * @param taskFactory builds one task per job
 * @param projectFiles the files of the project the API was deployed from, with its {@code .env} values
 */
public record TaskApiDeployment(
    String name,
    String apiId,
    String specId,
    String handlerId,
    Map<String, @Nullable Object> config,
    HandlerFactory<? extends Task> taskFactory,
    ProjectFiles projectFiles) {

  /** Validates and copies the fields. */
  public TaskApiDeployment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(specId, "specId");
    Objects.requireNonNull(handlerId, "handlerId");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(config, "config")));
    Objects.requireNonNull(taskFactory, "taskFactory");
    Objects.requireNonNull(projectFiles, "projectFiles");
  }
}
