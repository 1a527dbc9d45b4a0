package io.github.cortexj.async.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {

  @Test
  void canonicalisesHeaderNamesAsGo() {
    assertThat(CorsPolicy.canonicalHeaderKey("content-TYPE")).isEqualTo("Content-Type");
    assertThat(CorsPolicy.canonicalHeaderKey("x-requested-with")).isEqualTo("X-Requested-With");
    assertThat(CorsPolicy.canonicalHeaderKey("accept")).isEqualTo("Accept");
  }

  @Test
  void leavesANameWithANonTokenCharacterAsItIs() {
    assertThat(CorsPolicy.canonicalHeaderKey("content type")).isEqualTo("content type");
  }
}
