package io.github.cortexj.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import io.micrometer.statsd.StatsdProtocol;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishes through Micrometer's statsd registry in DogStatsD flavour to a UDP socket on 127.0.0.1 and checks the
 * lines that arrive, which is what Cortex's statsd exporter would receive. Histograms arrive exactly as Cortex sends
 * them; counters and gauges carry one more tag, {@code statistic}, which Micrometer's DogStatsD flavour adds.
 */
class MicrometerMetricsClientStatsdIntegrationTest {

  private DatagramSocket receiver;
  private StatsdMeterRegistry registry;
  private MetricsClient metrics;

  @BeforeEach
  void start() throws IOException {
    receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    receiver.setSoTimeout(10_000);
    int port = receiver.getLocalPort();
    StatsdConfig config =
        new StatsdConfig() {
          @Override
          public String get(String key) {
            return null;
          }

          @Override
          public StatsdFlavor flavor() {
            return StatsdFlavor.DATADOG;
          }

          @Override
          public String host() {
            return "127.0.0.1";
          }

          @Override
          public int port() {
            return port;
          }

          @Override
          public StatsdProtocol protocol() {
            return StatsdProtocol.UDP;
          }

          @Override
          public boolean buffered() {
            return false;
          }

          @Override
          public Duration pollingFrequency() {
            return Duration.ofMillis(100);
          }
        };
    registry = new StatsdMeterRegistry(config, Clock.SYSTEM);
    metrics = MetricsClient.forHandlers(new MicrometerMetricsClient(registry));
    // The registry connects its UDP client asynchronously and drops lines sent before that. A gauge is re-sent at
    // every poll, so its first arrival shows that the connection is up.
    metrics.gauge("connection_probe", 1);
    receiveLineStartingWith("connection_probe");
  }

  @AfterEach
  void stop() {
    registry.close();
    receiver.close();
  }

  /**
   * Receives datagrams until one holds a line starting with {@code prefix}, for at most 10 seconds in all (other
   * lines, such as the re-sent probe gauge, keep arriving); returns that line.
   */
  private String receiveLineStartingWith(String prefix) throws IOException {
    List<String> seen = new ArrayList<>();
    byte[] buffer = new byte[2048];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line starting with " + prefix + " arrived within 10 s; saw " + seen);
      }
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        receiver.receive(packet);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("no line starting with " + prefix + " arrived; saw " + seen, e);
      }
      String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
      for (String line : datagram.split("\n")) {
        seen.add(line);
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }
  }

  @Test
  void sendsACounterAsADogStatsdCountLine() throws IOException {
    metrics.increment("items_processed", 3, Map.of("api_name", "iris"));

    // Cortex sends items_processed:3|c|#api_name:iris; Micrometer's DogStatsD flavour adds the statistic tag.
    assertThat(receiveLineStartingWith("items_processed")).isEqualTo("items_processed:3|c|#statistic:count,api_name:iris");
  }

  @Test
  void sendsAGaugeAsADogStatsdGaugeLine() throws IOException {
    metrics.gauge("queue_depth", 7, Map.of("api_name", "iris"));

    assertThat(receiveLineStartingWith("queue_depth")).isEqualTo("queue_depth:7|g|#statistic:value,api_name:iris");
  }

  @Test
  void sendsAHistogramAsADogStatsdHistogramLine() throws IOException {
    metrics.histogram("inference_seconds", 0.25, Map.of("api_name", "iris", "model", "v2"));

    assertThat(receiveLineStartingWith("inference_seconds"))
        .isEqualTo("inference_seconds:0.25|h|#api_name:iris,model:v2");
  }
}
