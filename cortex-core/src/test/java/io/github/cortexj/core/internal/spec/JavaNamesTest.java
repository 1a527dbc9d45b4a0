package io.github.cortexj.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"Handler", "com.example.Handler", "com.example.Outer$Inner", "_x.$y", "a.b.C1", "été.Été"})
  void acceptsBinaryNames(String name) {
    assertThat(JavaNames.isBinaryName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "com.", ".Handler", "a..b", "1a", "com.example.class", "a b", "a-b", "a/b", "int",
      "com.example.Handler.java"})
  void rejectsWhatIsNotABinaryName(String name) {
    assertThat(JavaNames.isBinaryName(name)).isEqualTo(name.endsWith(".java"));
  }
}
