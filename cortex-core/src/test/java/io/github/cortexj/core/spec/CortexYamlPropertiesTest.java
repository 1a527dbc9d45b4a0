package io.github.cortexj.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.cortexj.core.spec.ApiConfigError.Reason;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties over generated specs: YAML round trips, builder round trips, and invalid names. */
class CortexYamlPropertiesTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void generatedValidSpecsWrittenAsYamlParseBackEqual() {
    qt().withExamples(300)
        .forAll(SpecGenerators.apiLists())
        .checkAssert(apis -> assertThat(CortexYaml.parse(CortexYaml.write(apis), "generated.yaml")).isEqualTo(apis));
  }

  @Test
  void generatedValidSpecsRebuiltThroughTheirBuilderAreEqual() {
    qt().withExamples(300)
        .forAll(SpecGenerators.apiLists())
        .checkAssert(apis -> apis.forEach(api -> assertThat(api.toBuilder().build()).isEqualTo(api)));
  }

  /** Ways to turn a valid name into an invalid one. */
  private static Gen<UnaryOperator<String>> nameMutations() {
    List<UnaryOperator<String>> mutations =
        List.of(
            name -> name.toUpperCase(Locale.ROOT),
            name -> name.substring(0, 1) + "_" + name.substring(1),
            name -> name + ".x",
            name -> "b-" + name,
            name -> "7" + name,
            name -> "-" + name,
            name -> name + "-",
            name -> name + "x".repeat(43),
            name -> name.substring(0, 1) + " " + name.substring(1),
            name -> "",
            name -> name + "é");
    return Generate.pick(mutations);
  }

  @Test
  void invalidNameIsReportedOnceWithPathNameIndexAndTheWrittenName() throws Exception {
    qt().withExamples(300)
        .forAll(SpecGenerators.apiLists(), nameMutations(), Generate.range(0, 3))
        .checkAssert(
            (apis, mutation, position) -> {
              int index = position % apis.size();
              String invalid = mutation.apply(apis.get(index).name());
              ArrayNode tree = readTree(CortexYaml.write(apis));
              ((ObjectNode) tree.get(index)).put("name", invalid);

              ApiConfigException failure =
                  catchThrowableOfType(
                      ApiConfigException.class, () -> CortexYaml.parse(writeTree(tree), "cortex.yaml"));

              assertThat(failure.errors())
                  .containsExactly(
                      new ApiConfigError("cortex.yaml", index, invalid, "name", Reason.INVALID_VALUE,
                          failure.errors().get(0).message()));
            });
  }

  @Test
  void invalidNameGivenToABuilderIsReportedWithPathName() {
    qt().withExamples(200)
        .forAll(SpecGenerators.names(), nameMutations())
        .checkAssert(
            (name, mutation) -> {
              String invalid = mutation.apply(name);
              ApiConfigException failure =
                  catchThrowableOfType(
                      ApiConfigException.class, () -> ApiSpec.batch(invalid).handlerClass("a.B").build());

              assertThat(failure.errors())
                  .extracting(ApiConfigError::file, ApiConfigError::apiIndex, ApiConfigError::apiName,
                      ApiConfigError::fieldPath)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple(null, -1, invalid, "name"));
            });
  }

  private static ArrayNode readTree(String yaml) {
    try {
      return (ArrayNode) YAML.readTree(yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String writeTree(ArrayNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
