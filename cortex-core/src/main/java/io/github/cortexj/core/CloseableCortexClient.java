package io.github.cortexj.core;

/**
 * A {@link CortexClient} that holds resources its caller owns: worker threads and in-memory storage for an
 * embedded cluster, connections for a remote one. Whoever obtains one (for example from
 * {@link CortexClient#fromEnvironment()}) closes it, usually with try-with-resources:
 *
 * <pre>{@code
 * try (CloseableCortexClient cortex = CortexClient.fromEnvironment()) {
 *   cortex.createApi(Path.of("cortex.yaml"));
 * }
 * }</pre>
 *
 * <p>The client a handler receives from its context is the cluster's own and is not closeable: it is a plain
 * {@link CortexClient}. Implementations are thread safe.
 */
public interface CloseableCortexClient extends CortexClient, AutoCloseable {

  /**
   * Releases what the client holds. For an embedded cluster this stops its jobs in progress and its worker
   * threads; calls made after closing fail.
   */
  @Override
  void close();
}
