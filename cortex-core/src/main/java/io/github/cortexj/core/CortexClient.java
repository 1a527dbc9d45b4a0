package io.github.cortexj.core;

/**
 * The client of a Cortex cluster: the one interface users program against to deploy APIs, submit work and read
 * results, whether the cluster is embedded in this JVM or reached over HTTP.
 *
 * <p>Handlers receive the client of the cluster they run in (through their context or their constructor), so a
 * task or an {@code onJobComplete} callback can deploy APIs and submit jobs as Cortex's Python client allows.
 *
 * <p>The interface lives in cortex-core, not cortex-client, because handler contexts hand it out and cortex-core
 * cannot depend on the workload modules; its implementations live in cortex-client. Its operations arrive with
 * the workload issues (batch jobs first); until then it only names the cluster.
 */
public interface CortexClient {

  /**
   * Returns a short description of the cluster this client talks to, for logs and error messages: for example
   * {@code embedded} or the operator's URL.
   *
   * @return the description
   */
  String describe();
}
