package io.github.cortexj.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeBuilderTest {

  /** The smallest runtime builder: it only hands its options back. */
  private static final class TestBuilder extends QueueRuntimeBuilder<TestBuilder> {
    TestBuilder() {
      super("TestRuntime");
    }

    @Override
    protected TestBuilder self() {
      return this;
    }
  }

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final InMemoryObjectStore store = new InMemoryObjectStore("bucket");
  private final InMemoryQueueBackend queues = new InMemoryQueueBackend();

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  @Test
  void defaultsAreCortexsAndTheRequiredOptionsAreKept() {
    TestBuilder builder = new TestBuilder().objectStore(store).executor(executor).queueBackend(queues);

    RuntimeOptions options = builder.options();
    QueueOptions queueOptions = builder.queueOptions();

    assertThat(options.store()).isSameAs(store);
    assertThat(options.executor()).isSameAs(executor);
    assertThat(options.keyPrefix()).isEqualTo("cortex");
    assertThat(options.tickPeriod()).isEqualTo(Duration.ofMillis(50));
    assertThat(options.client()).isNull();
    assertThat(queueOptions.queues()).isSameAs(queues);
    assertThat(queueOptions.clusterName()).isEqualTo("cortex");
    assertThat(queueOptions.pollWait()).isEqualTo(Duration.ofMillis(200));
    assertThat(queueOptions.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(queueOptions.renewalPeriod()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void settersChainOnTheRuntimesBuilderAndAreKept() {
    Clock clock = Clock.fixed(Instant.parse("2021-06-01T00:00:00Z"), ZoneOffset.UTC);
    MetricsClient metrics = MetricsClient.noop();

    TestBuilder builder =
        new TestBuilder()
            .objectStore(store)
            .executor(executor)
            .queueBackend(queues)
            .clock(clock)
            .metrics(metrics)
            .keyPrefix("")
            .clusterName("prod")
            .pollWait(Duration.ZERO)
            .visibility(Duration.ofSeconds(2), Duration.ofSeconds(1))
            .tickPeriod(Duration.ofMillis(1));

    assertThat(builder.options().clock()).isSameAs(clock);
    assertThat(builder.options().metrics()).isSameAs(metrics);
    assertThat(builder.options().keyPrefix()).isEmpty();
    assertThat(builder.options().tickPeriod()).isEqualTo(Duration.ofMillis(1));
    assertThat(builder.queueOptions().clusterName()).isEqualTo("prod");
    assertThat(builder.queueOptions().pollWait()).isZero();
    assertThat(builder.queueOptions().visibilityTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(builder.queueOptions().renewalPeriod()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aMissingRequiredOptionIsNamedWithTheRuntime() {
    assertThatThrownBy(() -> new TestBuilder().executor(executor).options())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TestRuntime: objectStore is required");
    assertThatThrownBy(() -> new TestBuilder().objectStore(store).options())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TestRuntime: executor is required");
    assertThatThrownBy(() -> new TestBuilder().queueOptions())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TestRuntime: queueBackend is required");
  }

  @Test
  void refusesAPollWaitAReceiveCannotTake() {
    assertThatThrownBy(() -> new TestBuilder().pollWait(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollWait must be between 0 and 20 seconds (got PT-0.001S)");
    assertThatThrownBy(() -> new TestBuilder().pollWait(Duration.ofMillis(20_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollWait must be between 0 and 20 seconds (got PT20.001S)");
    assertThat(new TestBuilder().pollWait(Duration.ofSeconds(20)).pollWait(Duration.ZERO)).isNotNull();
  }

  @Test
  void refusesARenewalThatWouldComeAfterTheVisibilityLapsed() {
    assertThatThrownBy(() -> new TestBuilder().visibility(Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("renewalPeriod must be positive and shorter than visibilityTimeout (got PT10S and PT10S)");
    assertThatThrownBy(() -> new TestBuilder().visibility(Duration.ofSeconds(10), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("renewalPeriod must be positive and shorter than visibilityTimeout (got PT0S and PT10S)");
  }

  @Test
  void refusesATickPeriodUnderAMillisecond() {
    assertThatThrownBy(() -> new TestBuilder().tickPeriod(Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tickPeriod must be at least 1 ms (got PT0.000999999S)");
  }
}
