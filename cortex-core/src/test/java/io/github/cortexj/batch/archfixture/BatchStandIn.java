package io.github.cortexj.batch.archfixture;

/** Stands in for a class of the batch workload module, so that a test can prove the core rule catches a use. */
public final class BatchStandIn {

  private BatchStandIn() {}

  /** Returns a name. */
  public static String name() {
    return "batch";
  }
}
