package io.github.cortexj.examples.violation;

import io.github.cortexj.core.internal.backend.Utf8KeyOrder;

/** Uses an internal package of cortex-core from another module, on purpose, for {@code ModuleBoundariesTest}. */
public final class UsesCoreInternals {

  private UsesCoreInternals() {}

  /** Compares two keys with cortex-core's internal key order. */
  public static int compare(String a, String b) {
    return Utf8KeyOrder.INSTANCE.compare(a, b);
  }
}
