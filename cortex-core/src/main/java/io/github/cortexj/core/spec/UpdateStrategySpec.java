package io.github.cortexj.core.spec;

import java.util.Objects;

/**
 * The {@code update_strategy} section of an {@code AsyncAPI}: how many replicas a rolling update may add or take
 * away at once. Each value is a whole number ({@code "1"}) or a percentage from 0 to 100 ({@code "25%"}); they
 * cannot both be zero.
 *
 * <p>Immutable and thread safe. The canonical constructor checks only for {@code null}; the rules are applied
 * when the API spec is parsed or built.
 *
 * @param maxSurge how many replicas above the desired count an update may create, default {@code 25%}
 * @param maxUnavailable how many replicas may be unavailable during an update, default {@code 25%}
 */
public record UpdateStrategySpec(String maxSurge, String maxUnavailable) {

  /** Cortex's default for both fields. */
  public static final String DEFAULT_VALUE = "25%";

  /**
   * Checks for {@code null}.
   *
   * @throws NullPointerException if a component is {@code null}
   */
  public UpdateStrategySpec {
    Objects.requireNonNull(maxSurge, "maxSurge");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
  }

  /**
   * Returns Cortex's defaults: {@code 25%} for both.
   *
   * @return the default strategy
   */
  public static UpdateStrategySpec defaults() {
    return new UpdateStrategySpec(DEFAULT_VALUE, DEFAULT_VALUE);
  }
}
