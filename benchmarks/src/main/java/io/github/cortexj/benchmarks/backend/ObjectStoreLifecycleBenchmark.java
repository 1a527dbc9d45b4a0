package io.github.cortexj.benchmarks.backend;

import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.ObjectPage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one async request's life in the in-memory object store while it holds many completed requests, as the
 * async gateway's cluster does over its retention period: the payload and {@code in_queue} marker put, the
 * markers listed (a replica's claim), {@code in_progress} put, the payload read, the result and {@code completed}
 * put, the payload deleted; then the oldest request is deleted by prefix (a purge), so the store keeps its size.
 * Request ids are random UUIDs, as the gateway makes them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class ObjectStoreLifecycleBenchmark {

  private static final String API = "cluster-uid/workloads/my-api/";
  private static final byte[] PAYLOAD = "{\"key\": \"value\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RESULT = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EMPTY = new byte[0];

  /** How many completed requests the store holds. */
  @Param({"1000000"})
  public int resident;

  private InMemoryObjectStore store = new InMemoryObjectStore("cortex-bench");
  private String[] ids = new String[0];
  private int oldest;

  /** Fills the store with completed requests. */
  @Setup
  public void fill() {
    store = new InMemoryObjectStore("cortex-bench");
    ids = new String[resident];
    for (int i = 0; i < resident; i++) {
      ids[i] = UUID.randomUUID().toString();
      lifecycle(ids[i]);
    }
  }

  /**
   * Runs one request's life and purges the oldest.
   *
   * @return the listing, so that it is not optimised away
   */
  @Benchmark
  public ObjectPage requestLifecycle() {
    String id = UUID.randomUUID().toString();
    ObjectPage markers = lifecycle(id);
    store.deleteByPrefix(API + ids[oldest] + "/");
    ids[oldest] = id;
    oldest = (oldest + 1) % ids.length;
    return markers;
  }

  private ObjectPage lifecycle(String id) {
    String request = API + id + "/";
    store.put(request + "payload", PAYLOAD, "application/json");
    store.put(request + "status/in_queue", EMPTY, "text/plain");
    ObjectPage markers = store.list(request + "status/", null, 16);
    store.put(request + "status/in_progress", EMPTY, "text/plain");
    store.get(request + "payload");
    store.put(request + "result.json", RESULT, "application/json");
    store.put(request + "status/completed", EMPTY, "text/plain");
    store.delete(request + "payload");
    return markers;
  }
}
