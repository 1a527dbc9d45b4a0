package io.github.cortexj.batch;

import io.github.cortexj.core.metrics.MetricsClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every metric call. Thread safe. */
public final class RecordingMetrics implements MetricsClient {

  /** One call. */
  public record Call(String kind, String name, double value, Map<String, String> tags) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {
    calls.add(new Call("gauge", name, value, Map.copyOf(tags)));
  }

  @Override
  public void increment(String name, double value, Map<String, String> tags) {
    calls.add(new Call("increment", name, value, Map.copyOf(tags)));
  }

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {
    calls.add(new Call("histogram", name, value, Map.copyOf(tags)));
  }

  public List<Call> calls(String name) {
    return calls.stream().filter(call -> call.name().equals(name)).toList();
  }

  public double sum(String name) {
    return calls(name).stream().mapToDouble(Call::value).sum();
  }
}
