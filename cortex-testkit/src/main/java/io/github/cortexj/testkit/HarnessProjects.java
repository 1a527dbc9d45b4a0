package io.github.cortexj.testkit;

import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.CortexYaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the API a harness is built from out of a cortex.yaml project. Stateless. */
final class HarnessProjects {

  private HarnessProjects() {}

  static ApiSpec api(Path cortexYaml, String apiName) {
    List<String> names = new ArrayList<>();
    for (ApiSpec spec : CortexYaml.parse(cortexYaml)) {
      if (spec.name().equals(apiName)) {
        return spec;
      }
      names.add(spec.name());
    }
    throw new IllegalArgumentException(cortexYaml + " has no API named \"" + apiName + "\" (it has " + names + ")");
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
