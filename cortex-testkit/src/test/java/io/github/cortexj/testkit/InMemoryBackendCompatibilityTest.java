package io.github.cortexj.testkit;

import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;

/** Runs the {@link BackendCompatibilityKit} against the in-memory backends on a {@link ManualClock}. */
@DisplayName("InMemoryQueueBackend + InMemoryObjectStore on a manual clock")
class InMemoryBackendCompatibilityTest extends BackendCompatibilityKit {

  // A start with a sub-second part, so that times that should be whole seconds are seen not to be.
  private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00.250Z"));

  @Override
  protected QueueBackend createQueueBackend() {
    return new InMemoryQueueBackend(clock);
  }

  @Override
  protected ObjectStore createObjectStore() {
    return new InMemoryObjectStore("bucket", clock);
  }

  @Override
  protected void advance(Duration duration) {
    clock.advance(duration);
  }

  @Override
  protected boolean virtualTime() {
    return true;
  }

  @Override
  protected Instant now() {
    return clock.instant();
  }
}
