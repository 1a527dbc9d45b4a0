package io.github.cortexj.benchmarks.async;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code wrk} and what it reported: requests sent and per second, mean latency, and every kind of error (non-2xx
 * answers, socket errors); plus the CPU time the server's JVM spent per request meanwhile (wrk is another process,
 * and only one server is loaded at a time), which the load of other processes on the machine does not skew; and the machine's
 * one-minute load average at the end of the run, to tell how busy the shared machine was. Immutable.
 */
record WrkRun(String target, long requests, double requestsPerSecond, String meanLatency, long non2xx, long socketErrors,
    double cpuMicrosPerRequest, double loadAverage, String output) {

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern LATENCY = Pattern.compile("Latency\\s+(\\S+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /**
   * Runs {@code wrk -t2 -c32 -d<seconds>s -s <script> <url>} and parses its report.
   *
   * @param serverCpuNanos the CPU time the server's process has used so far, read before and after the run
   */
  static WrkRun run(String target, String url, Path script, int seconds, LongSupplier serverCpuNanos)
      throws IOException, InterruptedException {
    List<String> command =
        List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", "-s", script.toString(), url);
    long cpuBefore = serverCpuNanos.getAsLong();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wrk failed: " + output);
    }
    long cpu = serverCpuNanos.getAsLong() - cpuBefore;
    long requests = Long.parseLong(find(REQUESTS, output, 1, "0"));
    return new WrkRun(
        target,
        requests,
        Double.parseDouble(find(RPS, output, 1, "0")),
        find(LATENCY, output, 1, "?"),
        Long.parseLong(find(NON_2XX, output, 1, "0")),
        socketErrors(output),
        requests == 0 ? 0 : cpu / 1000.0 / requests,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        output);
  }

  /** The CPU time this JVM has used so far. */
  static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long socketErrors(String output) {
    Matcher matcher = SOCKET.matcher(output);
    if (!matcher.find()) {
      return 0;
    }
    long sum = 0;
    for (int group = 1; group <= 4; group++) {
      sum += Long.parseLong(matcher.group(group));
    }
    return sum;
  }

  private static String find(Pattern pattern, String output, int group, String otherwise) {
    Matcher matcher = pattern.matcher(output);
    return matcher.find() ? matcher.group(group) : otherwise;
  }
}
