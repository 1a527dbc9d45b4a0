package io.github.cortexj.testkit;

import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.CortexYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the API a harness is built from out of a cortex.yaml project. Stateless. */
final class HarnessProjects {

  private HarnessProjects() {}

  /**
   * Finds an API of a project, which must be of the kind the harness tests.
   *
   * @throws IllegalArgumentException when the file has no API of that name, or it is of another kind
   */
  static ApiSpec api(Path cortexYaml, String apiName, ApiKind kind) {
    List<String> names = new ArrayList<>();
    for (ApiSpec spec : CortexYaml.parse(cortexYaml)) {
      if (spec.name().equals(apiName)) {
        if (spec.kind() != kind) {
          throw new IllegalArgumentException("API \"" + apiName + "\" of " + cortexYaml + " is a "
              + spec.kind().cortexName() + ", not a " + kind.cortexName() + ": test it with " + harnessFor(spec.kind()));
        }
        return spec;
      }
      names.add(spec.name());
    }
    throw new IllegalArgumentException(cortexYaml + " has no API named \"" + apiName + "\" (it has " + names + ")");
  }

  private static String harnessFor(ApiKind kind) {
    return switch (kind) {
      case BATCH_API -> BatchHandlerHarness.class.getSimpleName();
      case ASYNC_API -> AsyncHandlerHarness.class.getSimpleName();
      case TASK_API -> TaskHarness.class.getSimpleName();
      default -> "a CortexTestCluster";
    };
  }

  static Class<?> handlerClass(ApiSpec spec) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(spec.className(), false, loader == null ? HarnessProjects.class.getClassLoader() : loader);
    } catch (ClassNotFoundException e) {
      throw new HandlerDefinitionException(
          HandlerDefinitionException.INVALID_CLASS,
          "handler class " + spec.className() + " of API \"" + spec.name() + "\" is not on the class path",
          e);
    }
  }
}
