package io.github.cortexj.core.violation;

import io.github.cortexj.examples.violation.UsesCoreInternals;

/** A class in cortex-core's packages that uses another module, on purpose, for {@code ModuleBoundariesTest}. */
public final class CoreClassUsingAnotherModule {

  private CoreClassUsingAnotherModule() {}

  /** Uses the other module. */
  public static int use() {
    return UsesCoreInternals.compare("a", "b");
  }
}
