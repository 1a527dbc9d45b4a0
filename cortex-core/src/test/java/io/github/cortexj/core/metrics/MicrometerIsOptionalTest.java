package io.github.cortexj.core.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** micrometer-core is an optional dependency: cortex-core must work without it unless the bridge is used. */
class MicrometerIsOptionalTest {

  @Test
  void onlyTheMicrometerBridgeUsesMicrometer() throws Exception {
    // Only cortex-core's own classes are needed; resolving every referenced library class takes seconds.
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    JavaClasses mainClasses;
    try {
      mainClasses =
          new ClassFileImporter()
              .importPath(Path.of(MetricsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }

    noClasses()
        .that()
        .haveNameNotMatching(Pattern.quote(MicrometerMetricsClient.class.getName()) + "(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.micrometer..")
        .check(mainClasses);
  }

  @Test
  void handlerMetricsWorkWithoutMicrometerOnTheClassPath() throws Exception {
    URL coreClasses = MetricsClient.class.getProtectionDomain().getCodeSource().getLocation();
    URL slf4jApi = LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader withoutMicrometer =
        new URLClassLoader(new URL[] {coreClasses, slf4jApi}, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> withoutMicrometer.loadClass("io.micrometer.core.instrument.MeterRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> clientType = withoutMicrometer.loadClass(MetricsClient.class.getName());
      Object noop = clientType.getMethod("noop").invoke(null);
      Object forHandlers = clientType.getMethod("forHandlers", clientType).invoke(null, noop);
      Method increment = clientType.getMethod("increment", String.class, double.class, Map.class);

      increment.invoke(forHandlers, "items", 1.0, Map.of());

      assertThatThrownBy(() -> increment.invoke(forHandlers, "cortex_items", 1.0, Map.of()))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(InvalidMetricNameException.class.getName()));
    }
  }
}
