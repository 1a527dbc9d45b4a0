package io.github.cortexj.server.internal.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT, so that {@code cortex serve} can shut down on its main thread and exit with 0 (a
 * JVM ended by a signal through its shutdown hooks exits with 128 + the signal's number). Where the platform lets
 * no handler be installed, the caller's shutdown hook still closes everything. Thread safe.
 */
final class ShutdownSignal {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);

  private final CountDownLatch received = new CountDownLatch(1);

  /** Installs the handlers of SIGTERM and SIGINT. */
  ShutdownSignal install() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              LOG.info("received SIG{}: shutting down", signal.getName());
              received.countDown();
            });
      } catch (IllegalArgumentException e) {
        LOG.debug("cannot handle SIG{} here; the shutdown hook will close the server", name);
      }
    }
    return this;
  }

  /** Blocks until a signal arrives. */
  void await() throws InterruptedException {
    received.await();
  }
}
