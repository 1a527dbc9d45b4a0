package io.github.cortexj.core.archfixture;

import io.github.cortexj.batch.archfixture.BatchStandIn;

/** Breaks the rule that cortex-core uses no workload module, on purpose, for {@code CoreArchitectureTest}. */
public final class CoreClassUsingBatch {

  private CoreClassUsingBatch() {}

  /** Uses the batch module. */
  public static String workload() {
    return BatchStandIn.name();
  }
}
