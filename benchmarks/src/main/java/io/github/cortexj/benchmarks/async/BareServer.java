package io.github.cortexj.benchmarks.async;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline of {@link GatewayLoadBenchmark}: a bare {@code com.sun.net.httpserver} handler that reads the body and
 * answers {@code {"id":"<uuid>"}}, with TCP_NODELAY and a fixed pool of threads, run in a JVM of its own.
 *
 * <p>Its own process, so that it shares no heap, collector or background threads with the embedded cluster that
 * the gateway runs on: in one JVM, the collection of what the cluster keeps and its replicas catching up landed on
 * the bare server's rounds too, and made its rate swing by half between rounds.
 *
 * <p>As a program it prints {@code port <n>} once it listens and stops when its standard input ends. {@link #start}
 * runs it as a child of this JVM, on the same class path.
 */
final class BareServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private BareServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the server in a child JVM, with this JVM's options (heap sizes, collector), so that both servers run on
   * the same settings.
   *
   * @param threads the size of its pool of threads
   * @return the running server
   * @throws IOException when the JVM cannot be started or does not report its port
   */
  static BareServer start(int threads) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(BareServer.class.getName());
    command.add(Integer.toString(threads));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      process.destroyForcibly();
      throw new IOException("the bare server did not start: it printed " + line);
    }
    return new BareServer(process, Integer.parseInt(line.substring("port ".length())));
  }

  /** Returns the server's URL on the loopback address. */
  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Returns the CPU time the server's JVM has used so far, in nanoseconds. */
  long cpuNanos() {
    Optional<Duration> cpu = process.toHandle().info().totalCpuDuration();
    return cpu.orElseThrow(() -> new IllegalStateException("the bare server's CPU time is not readable")).toNanos();
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close(); // its standard input ends: it stops
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the server until standard input ends.
   *
   * @param args the number of threads
   * @throws IOException when the server cannot start
   */
  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ExecutorService threads = Executors.newFixedThreadPool(Integer.parseInt(args[0]));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\"}\n").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("port " + server.getAddress().getPort());
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // the parent holds standard input open while it needs the server
      }
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
