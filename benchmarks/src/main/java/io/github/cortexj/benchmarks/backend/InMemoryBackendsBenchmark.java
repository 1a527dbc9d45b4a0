package io.github.cortexj.benchmarks.backend;

import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per call of the in-memory backends on the async gateway's paths: Cortex-shaped object keys
 * ({@code apis/<api>/workloads/<request id>/...}) put, headed and deleted in a bucket that already holds 20,000
 * workloads' objects, and a message sent to a FIFO queue (one group and deduplication id per request, as the
 * gateway sends), received and deleted.
 *
 * <p>The messages are built before the run ({@link OutgoingMessage} checks its entry id with a regular expression,
 * which is not the backend's cost). The clock steps 10 ms per reading, so the FIFO queue's five-minute
 * deduplication memory stays bounded (about 10,000 ids) however long the run is, and a message id comes round
 * again only after its deduplication window has closed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InMemoryBackendsBenchmark {

  private static final String PREFIX = "apis/iris-classifier/workloads/";
  private static final int REQUEST_IDS = 4096;
  private static final int MESSAGES = 65_536;

  /** A clock that moves 10 ms forward each time it is read. */
  static final class SteppingClock extends Clock {
    private long millis = 1_700_000_000_000L;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public synchronized Instant instant() {
      millis += 10;
      return Instant.ofEpochMilli(millis);
    }
  }

  private final byte[] payload = "{\"sepal_length\":5.2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private final String[] requestIds = new String[REQUEST_IDS];
  private final OutgoingMessage[] messages = new OutgoingMessage[MESSAGES];
  private InMemoryObjectStore store = new InMemoryObjectStore("cortex-bench");
  private InMemoryQueueBackend queues = new InMemoryQueueBackend();
  private String queueUrl = "";
  private int next;

  /** Fills the bucket with earlier workloads and creates the FIFO queue. */
  @Setup
  public void setUp() {
    Clock clock = new SteppingClock();
    store = new InMemoryObjectStore("cortex-bench", clock);
    queues = new InMemoryQueueBackend(clock);
    queueUrl = queues.createQueue(QueueSpec.fifo("cortex-bench-iris-classifier.fifo", Duration.ofSeconds(30)));
    for (int i = 0; i < 20_000; i++) {
      String id = new UUID(i * 31L, i).toString();
      store.put(PREFIX + id + "/payload", payload, "application/json");
      store.put(PREFIX + id + "/status/completed", new byte[0], "text/plain");
    }
    for (int i = 0; i < REQUEST_IDS; i++) {
      requestIds[i] = UUID.randomUUID().toString();
    }
    for (int i = 0; i < MESSAGES; i++) {
      String id = UUID.randomUUID().toString();
      messages[i] = new OutgoingMessage("request", id, Map.of(), id, id);
    }
  }

  /** Stores a payload and its status marker, checks the marker, and deletes both: one gateway request's keys. */
  @Benchmark
  public boolean objectPutHeadDelete() {
    String id = requestIds[next++ & (REQUEST_IDS - 1)];
    String payloadKey = PREFIX + id + "/payload";
    String markerKey = PREFIX + id + "/status/in_queue";
    store.put(payloadKey, payload, "application/json");
    store.put(markerKey, new byte[0], "text/plain");
    boolean present = store.head(markerKey).isPresent();
    store.delete(markerKey);
    store.delete(payloadKey);
    return present;
  }

  /** Sends one request id to the FIFO queue, receives it and deletes it: one workload through the queue. */
  @Benchmark
  public int fifoSendReceiveDelete() {
    queues.send(queueUrl, messages[next++ & (MESSAGES - 1)]);
    List<ReceivedMessage> received = queues.receive(queueUrl, ReceiveRequest.one(Duration.ZERO, Duration.ofSeconds(30)));
    for (ReceivedMessage message : received) {
      queues.delete(queueUrl, message.receiptHandle());
    }
    return received.size();
  }
}
