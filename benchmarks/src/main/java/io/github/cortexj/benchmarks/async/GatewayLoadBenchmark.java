package io.github.cortexj.benchmarks.async;

import io.github.cortexj.async.AsyncGateway;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.spec.ApiSpec;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Create-workload throughput of {@link AsyncGateway} over a real {@link EmbeddedCortexClient} (whose replicas run a
 * no-op AsyncHandler on every request meanwhile, in this JVM) against a bare {@code com.sun.net.httpserver} handler
 * that only answers {@code {"id":"<uuid>"}} ({@link BareServer}, in a JVM of its own), both with TCP_NODELAY and the
 * same number of threads, measured by {@code wrk -t2 -c32} in the same run (rounds alternate which goes first); then
 * end-to-end submit-to-completed latency through the gateway with the no-op handler on a fresh embedded cluster.
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests
 * java -Xms3g -Xmx3g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar \
 *     io.github.cortexj.benchmarks.async.GatewayLoadBenchmark [ROUNDS] [SECONDS]
 * </pre>
 *
 * <p>The JVM options are passed on to the bare server's JVM. A heap of fixed size, touched at start, is how a server
 * runs; with the default growing heap, the cluster's JVM keeps committing memory while the store fills with every
 * request of the retention period, and each first touch of a page is a page fault, which dominated the cost per
 * request on the virtual machines measured (see docs/performance.md).
 */
public final class GatewayLoadBenchmark {

  private static final String POST_SCRIPT =
      "wrk.method = \"POST\"\n"
          + "wrk.body = '{\"key\": \"value\"}'\n"
          + "wrk.headers[\"Content-Type\"] = \"application/json\"\n";

  private static final int WARM_UP_SECONDS = 10;

  private GatewayLoadBenchmark() {}

  /**
   * Runs the benchmark and prints its report.
   *
   * @param args optional: the number of rounds (default 3) and the seconds of each wrk run (default 10)
   * @throws Exception when a server or wrk fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true"); // before the first HttpServer, for both servers
    }
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    Path script = Files.createTempFile("cortex-gateway-post", ".lua");
    Files.writeString(script, POST_SCRIPT, StandardCharsets.UTF_8);
    AtomicLong handled = new AtomicLong();
    try (BareServer bare = BareServer.start(threads);
        EmbeddedCortexClient cortex = clusterWithNoopApi("my-api", handled);
        AsyncGateway gateway = AsyncGateway.builder(cortex).threads(threads).build().start()) {
      String bareUrl = bare.url();
      String gatewayUrl = gateway.uri() + "/my-api";
      System.out.printf("threads per server: %d; wrk -t2 -c32 -d%ds; POST %s; JVM options: %s%n", threads, seconds,
          POST_SCRIPT.replace('\n', ' '), ManagementFactory.getRuntimeMXBean().getInputArguments());
      LongSupplier[] cpu = {bare::cpuNanos, WrkRun::ownCpuNanos};
      // Warm-up: long enough for the JIT to finish with both (3 s left the first round's gateway at half its rate).
      WrkRun.run("bare", bareUrl, script, WARM_UP_SECONDS, cpu[0]);
      long created = WrkRun.run("gateway", gatewayUrl, script, WARM_UP_SECONDS, cpu[1]).requests();
      List<WrkRun[]> results = new ArrayList<>();
      String[] urls = {bareUrl, gatewayUrl};
      String[] names = {"bare", "gateway"};
      for (int round = 0; round < rounds; round++) {
        // Each round runs both, alternating which goes first.
        WrkRun[] runs = new WrkRun[2];
        for (int k = 0; k < 2; k++) {
          int which = (round + k) % 2;
          runs[which] = WrkRun.run(names[which], urls[which], script, seconds, cpu[which]);
          if (which == 1) {
            created += runs[which].requests();
            System.out.printf("round %d: the replicas had handled %d of the %d requests created so far%n",
                round + 1, handled.get(), created);
          }
        }
        results.add(runs);
      }
      System.out.println("| Round | bare: req/s, mean latency, errors, CPU/request, load | gateway + embedded cluster"
          + " | ratio |");
      System.out.println("|---|---|---|---|");
      double bareSum = 0;
      double gatewaySum = 0;
      for (int i = 0; i < results.size(); i++) {
        WrkRun b = results.get(i)[0];
        WrkRun g = results.get(i)[1];
        bareSum += b.requestsPerSecond();
        gatewaySum += g.requestsPerSecond();
        System.out.printf("| %d | %s | %s | %.2f |%n", i + 1, cell(b), cell(g),
            g.requestsPerSecond() / b.requestsPerSecond());
      }
      System.out.printf("| sum | %.0f | %.0f | %.2f |%n", bareSum, gatewaySum, gatewaySum / bareSum);
    }
    endToEnd();
  }

  /** An embedded cluster with one AsyncAPI whose handler only counts the requests and answers an object. */
  private static EmbeddedCortexClient clusterWithNoopApi(String apiName, AtomicLong handled) {
    EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().build();
    AsyncHandler noop =
        (payload, context) -> {
          handled.incrementAndGet();
          return Map.of("ok", true);
        };
    cortex.createApi(ApiSpec.async(apiName).handlerClass("noop").build(), Handlers.async(init -> noop));
    return cortex;
  }

  private static String cell(WrkRun run) {
    return String.format("%.0f, %s, %d, %.0f µs, %.1f", run.requestsPerSecond(), run.meanLatency(),
        run.non2xx() + run.socketErrors(), run.cpuMicrosPerRequest(), run.loadAverage());
  }

  /** Submit-to-completed latency of a no-op handler through the gateway, on a fresh embedded cluster. */
  private static void endToEnd() throws Exception {
    try (EmbeddedCortexClient cortex = clusterWithNoopApi("noop", new AtomicLong());
        AsyncGateway gateway = AsyncGateway.builder(cortex).build().start()) {
      HttpClient http = HttpClient.newHttpClient();
      URI create = URI.create(gateway.uri() + "/noop");
      for (int i = 0; i < 50; i++) {
        submitAndAwait(http, create);
      }
      long[] micros = new long[500];
      for (int i = 0; i < micros.length; i++) {
        micros[i] = submitAndAwait(http, create);
      }
      Arrays.sort(micros);
      System.out.printf("end-to-end submit -> completed (%d requests one at a time, polling every 0.2 ms): p50 %.2f"
              + " ms, p99 %.2f ms, max %.2f ms, mean %.2f ms; load average %.1f%n", micros.length,
          micros[micros.length / 2] / 1000.0, micros[micros.length * 99 / 100] / 1000.0,
          micros[micros.length - 1] / 1000.0, Arrays.stream(micros).average().orElse(0) / 1000.0,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static long submitAndAwait(HttpClient http, URI create) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(create).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"value\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
    String id = created.body().substring(7, created.body().length() - 3);
    URI read = URI.create(create + "/" + id);
    while (true) {
      String body = http.send(HttpRequest.newBuilder(read).build(), HttpResponse.BodyHandlers.ofString()).body();
      if (body.contains("\"status\":\"completed\"") || body.contains("\"status\":\"failed\"")) {
        return TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
      }
      LockSupport.parkNanos(200_000);
    }
  }
}
