package io.github.cortexj.benchmarks.backend;

import io.github.cortexj.core.backend.InMemoryObjectStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Heap kept per completed async request by {@link InMemoryObjectStore}, and the time to write them: each request
 * is the gateway's and a replica's writes in Cortex's layout (payload and {@code in_queue} put, {@code in_progress}
 * put, payload read, result and {@code completed} put, payload deleted), under time-ordered ids as the gateway
 * makes them. The heap is read after the store has settled and after full collections, less the heap before.
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar \
 *     io.github.cortexj.benchmarks.backend.ObjectStoreFootprint [REQUESTS]
 * </pre>
 */
public final class ObjectStoreFootprint {

  private static final byte[] PAYLOAD = "{\"key\": \"value\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RESULT = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EMPTY = new byte[0];

  private ObjectStoreFootprint() {}

  /**
   * Runs the measurement and prints it.
   *
   * @param args optional: the number of requests (default 1,000,000)
   * @throws InterruptedException when interrupted while the store settles
   */
  public static void main(String[] args) throws InterruptedException {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    InMemoryObjectStore store = new InMemoryObjectStore("cortex-bench");
    long start = System.nanoTime();
    long millis = System.currentTimeMillis();
    for (int i = 0; i < requests; i++) {
      // A version 7 UUID's order: the millisecond first, as the gateway's ids.
      String id = new UUID((millis + i / 30) << 16 | 0x7000 | (i & 0xFFF), 0x8000_0000_0000_0000L | i).toString();
      String request = "cluster-uid/workloads/my-api/" + id + "/";
      store.put(request + "payload", PAYLOAD, "application/json");
      store.put(request + "status/in_queue", EMPTY, "text/plain");
      store.put(request + "status/in_progress", EMPTY, "text/plain");
      store.get(request + "payload");
      store.put(request + "result.json", RESULT, "application/json");
      store.put(request + "status/completed", EMPTY, "text/plain");
      store.delete(request + "payload");
    }
    long written = System.nanoTime() - start;
    TimeUnit.SECONDS.sleep(3); // background packing, where the store has any
    long after = usedAfterGc(memory);
    System.out.printf("%d requests written in %.2f s (%.2f µs each); heap kept %.1f MiB, %.0f bytes per request%n",
        requests, written / 1e9, written / 1e3 / requests, (after - before) / 1048576.0,
        (after - before) / (double) requests);
    if (store.head("cluster-uid/workloads/my-api/none").isPresent()) {
      System.out.println(); // keeps the store reachable until here
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
