package io.github.cortexj.async;

import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import java.util.Objects;

/**
 * What an {@link AsyncRuntime} needs to know of a deployed AsyncAPI to run it: its spec (name, config,
 * autoscaling, request timeout and TTL), the id of the deployment (which names its queue), how to build its
 * handler, and its project files.
 *
 * <p>Immutable and thread safe, as far as the factory and the project files are.
 *
 * @param spec the API's spec, of kind {@code AsyncAPI}
 * @param apiId the id of the deployment: letters, digits and {@code -}; the API's queue is named after it
 * @param handlerFactory builds one handler per replica, with the API's config
 * @param projectFiles the files of the project the API was deployed from
 */
public record AsyncApiDeployment(
    ApiSpec spec, String apiId, HandlerFactory<? extends AsyncHandler> handlerFactory, ProjectFiles projectFiles) {

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException when the spec is not an AsyncAPI's
   */
  public AsyncApiDeployment {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(handlerFactory, "handlerFactory");
    Objects.requireNonNull(projectFiles, "projectFiles");
    if (spec.kind() != ApiKind.ASYNC_API) {
      throw new IllegalArgumentException(spec.name() + " is a " + spec.kind().cortexName() + ", not an AsyncAPI");
    }
  }

  /**
   * Returns the API's name.
   *
   * @return the name from the spec
   */
  public String name() {
    return spec.name();
  }
}
