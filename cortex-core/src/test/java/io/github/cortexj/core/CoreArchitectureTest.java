package io.github.cortexj.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.github.cortexj.core.archfixture.CoreClassUsingBatch;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class CoreArchitectureTest {

  /** cortex-core holds the contracts; the workload modules build on it, never the other way round. */
  static final ArchRule CORE_USES_NO_WORKLOAD_MODULE =
      noClasses()
          .that()
          .resideInAPackage("io.github.cortexj.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.github.cortexj.batch..",
              "io.github.cortexj.async..",
              "io.github.cortexj.task..",
              "io.github.cortexj.client..",
              "io.github.cortexj.server..",
              "io.github.cortexj.aws..",
              "io.github.cortexj.testkit..");

  @Test
  void coreDependsOnNoWorkloadModule() throws Exception {
    JavaClasses production = importModuleOf(CortexException.class);

    assertThat(production).isNotEmpty();
    CORE_USES_NO_WORKLOAD_MODULE.check(production);
  }

  /** Imports exactly the classes of the directory or jar a class was loaded from: fast, and no test classes. */
  static JavaClasses importModuleOf(Class<?> member) throws IOException, URISyntaxException {
    Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return new ClassFileImporter().importPath(location);
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      return new ClassFileImporter().importJar(jar);
    }
  }

  @Test
  void ruleReportsACoreClassThatUsesAWorkloadModule() {
    JavaClasses violating = new ClassFileImporter().importClasses(CoreClassUsingBatch.class);

    EvaluationResult result = CORE_USES_NO_WORKLOAD_MODULE.evaluate(violating);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains(CoreClassUsingBatch.class.getName())
                    .contains("io.github.cortexj.batch.archfixture.BatchStandIn"));
  }
}
