package io.github.cortexj.core.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

  @ParameterizedTest
  @CsvSource({"200m,0.2", "1,1", "1.5,1.5", "512Mi,536870912", "1Gi,1073741824", "2k,2000", "1e3,1000",
      "20m,0.02", "+3,3", ".5,0.5"})
  void parsesKubernetesQuantities(String text, String value) {
    assertThat(Quantities.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal(value)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "two", "-1", "1 Gi", "1GiB", "1mi", "m"})
  void rejectsTextThatIsNotAQuantity(String text) {
    assertThat(Quantities.parse(text)).isEmpty();
  }
}
