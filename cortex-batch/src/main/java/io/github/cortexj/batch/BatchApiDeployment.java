package io.github.cortexj.batch;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.ProjectFiles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BatchRuntime} needs to know of a deployed BatchAPI to run its jobs: its name and id, its config
 * (merged under each job's config), how to build its handler, and its project files.
 *
 * <p>Immutable as far as the config's nested values are; the top-level map is copied.
 *
 * @param name the API name
 * @param apiId the id of the deployment, written into each job spec
 * @param config the API's {@code handler.config}
 * @param handlerFactory builds one handler per worker
 * @param projectFiles the files of the project the API was deployed from
 */
public record BatchApiDeployment(
    String name,
    String apiId,
    Map<String, @Nullable Object> config,
    HandlerFactory<? extends BatchHandler> handlerFactory,
    ProjectFiles projectFiles) {

  /** Validates and copies the fields. */
  public BatchApiDeployment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apiId, "apiId");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(config, "config")));
    Objects.requireNonNull(handlerFactory, "handlerFactory");
    Objects.requireNonNull(projectFiles, "projectFiles");
  }
}
