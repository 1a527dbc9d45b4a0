package io.github.cortexj.testkit;

import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;

/**
 * Runs the {@link BackendCompatibilityKit} against the in-memory backends on the system clock, with real (short)
 * waits: the timing-dependent tests then exercise the same code paths as in production, and the long-polling test,
 * which needs a second thread to act while a receive blocks, runs too.
 */
@DisplayName("InMemoryQueueBackend + InMemoryObjectStore on the system clock, with real waits")
class InMemoryWallClockBackendCompatibilityIntegrationTest extends BackendCompatibilityKit {

  @Override
  protected QueueBackend createQueueBackend() {
    return new InMemoryQueueBackend(Clock.systemUTC());
  }

  @Override
  protected ObjectStore createObjectStore() {
    return new InMemoryObjectStore("bucket", Clock.systemUTC());
  }

  @Override
  protected void advance(Duration duration) {
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while letting time pass", e);
    }
  }

  @Override
  protected boolean virtualTime() {
    return false;
  }
}
