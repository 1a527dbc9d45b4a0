package io.github.cortexj.core.spec;

import java.util.Objects;

/**
 * The {@code networking} section: the API's endpoint, canonicalised as Cortex does (a leading {@code /}, no
 * trailing {@code /}), {@code /<name>} by default.
 *
 * <p>Immutable and thread safe.
 *
 * @param endpoint the canonical endpoint, for example {@code /iris}
 */
public record NetworkingSpec(String endpoint) {

  /**
   * Checks for {@code null}.
   *
   * @throws NullPointerException if {@code endpoint} is {@code null}
   */
  public NetworkingSpec {
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
