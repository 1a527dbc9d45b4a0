package io.github.cortexj.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every call, for tests of decorators. */
class RecordingClient implements MetricsClient {

  record Call(String type, String name, double value, Map<String, String> tags) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public void gauge(String name, double value, Map<String, String> tags) {
    calls.add(new Call("gauge", name, value, tags));
  }

  @Override
  public void increment(String name, double value, Map<String, String> tags) {
    calls.add(new Call("increment", name, value, tags));
  }

  @Override
  public void histogram(String name, double value, Map<String, String> tags) {
    calls.add(new Call("histogram", name, value, tags));
  }
}
