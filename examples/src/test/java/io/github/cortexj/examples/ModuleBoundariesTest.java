package io.github.cortexj.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import io.github.cortexj.core.violation.CoreClassUsingAnotherModule;
import io.github.cortexj.examples.violation.UsesCoreInternals;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries of the whole library, with every module on the classpath. Each module is the
 * package {@code io.github.cortexj.<module>}, so modules added later are covered without changing this test.
 */
class ModuleBoundariesTest {

  private static final String ROOT = "io.github.cortexj.";

  /** A module's {@code internal} packages (at any depth) are for that module alone. */
  static final ArchRule INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE =
      slices()
          .matching("io.github.cortexj.(*)..")
          .namingSlices("module $1")
          .should(useNoInternalPackageOfAnotherModule())
          .as("no module uses another module's internal packages");

  /** cortex-core holds the contracts: it uses no other module of the library. */
  static final ArchRule CORE_USES_NO_OTHER_MODULE =
      noClasses()
          .that()
          .resideInAPackage("io.github.cortexj.core..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.github.cortexj..").and(not(resideInAPackage("io.github.cortexj.core.."))))
          .as("cortex-core uses no other module of the library");

  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    library =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.cortexj");
  }

  @Test
  void everyModuleIsOnTheClasspath() {
    // Each module's root package has a package-info (it is @NullMarked), even before the module has classes.
    ClassLoader loader = ModuleBoundariesTest.class.getClassLoader();
    Set<String> missing = new TreeSet<>();
    for (String module : List.of("core", "batch", "async", "task", "client", "server", "aws", "testkit")) {
      if (loader.getResource(ROOT.replace('.', '/') + module + "/package-info.class") == null) {
        missing.add(module);
      }
    }

    assertThat(missing).as("modules missing from the test classpath").isEmpty();
    assertThat(library).isNotEmpty();
  }

  @Test
  void noModuleUsesAnotherModulesInternalPackages() {
    INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE.check(library);
  }

  @Test
  void coreUsesNoOtherModule() {
    CORE_USES_NO_OTHER_MODULE.check(library);
  }

  @Test
  void internalPackageRuleReportsAnotherModuleUsingCoreInternals() {
    EvaluationResult result =
        INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE.evaluate(
            new ClassFileImporter().importClasses(UsesCoreInternals.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains(UsesCoreInternals.class.getName())
                    .contains("io.github.cortexj.core.internal.backend.Utf8KeyOrder")
                    .contains("module examples uses an internal package of module core"));
  }

  @Test
  void coreRuleReportsACoreClassUsingAnotherModule() {
    EvaluationResult result =
        CORE_USES_NO_OTHER_MODULE.evaluate(
            new ClassFileImporter().importClasses(CoreClassUsingAnotherModule.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(
            detail ->
                assertThat(detail)
                    .contains(CoreClassUsingAnotherModule.class.getName())
                    .contains(UsesCoreInternals.class.getName()));
  }

  private static ArchCondition<Slice> useNoInternalPackageOfAnotherModule() {
    return new ArchCondition<>("use no internal package of another module") {
      @Override
      public void check(Slice slice, ConditionEvents events) {
        String module = slice.getNamePart(1);
        for (Dependency dependency : slice.getDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          String owner = moduleOf(target.getPackageName());
          if (owner != null && !owner.equals(module) && isInternal(target.getPackageName())) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    dependency.getDescription()
                        + " (module " + module + " uses an internal package of module " + owner + ")"));
          }
        }
      }
    };
  }

  /** Returns the module a package belongs to ({@code core} for {@code io.github.cortexj.core.x}), or null. */
  static @Nullable String moduleOf(String packageName) {
    if (!packageName.startsWith(ROOT)) {
      return null;
    }
    String rest = packageName.substring(ROOT.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** Tells whether a package is an {@code internal} package, or inside one, below its module's root. */
  static boolean isInternal(String packageName) {
    String[] segments = packageName.split("\\.");
    return Arrays.asList(segments).subList(Math.min(segments.length, 4), segments.length).contains("internal");
  }
}
