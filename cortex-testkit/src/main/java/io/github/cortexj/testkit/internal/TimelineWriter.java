package io.github.cortexj.testkit.internal;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.BatchMetrics;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.spec.ApiKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a test cluster's timeline: every API with its jobs (status, batch counts, times, failed batches with
 * their errors, and each batch's deliveries), async requests and tasks, the faults that fired, then the event log
 * with cluster-time offsets and thread names. Reads go through the cluster's client with faults suspended.
 *
 * <p>Stateless apart from what it is given; thread safe.
 */
public final class TimelineWriter {

  private final CortexClient client;
  private final ClusterEvents events;
  private final FaultPlan faults;
  private final ClusterClient tracked;
  private final java.time.Clock clock;

  /**
   * Creates a writer.
   *
   * @param client the embedded cluster's client, read for statuses
   * @param tracked the client handed to the test, which remembers async requests
   * @param events the event log
   * @param faults the fault plan
   * @param clock the cluster's clock
   */
  public TimelineWriter(
      CortexClient client, ClusterClient tracked, ClusterEvents events, FaultPlan faults, java.time.Clock clock) {
    this.client = client;
    this.tracked = tracked;
    this.events = events;
    this.faults = faults;
    this.clock = clock;
  }

  /**
   * Renders the timeline.
   *
   * @return the text, several lines
   */
  public String render() {
    return faults.observing(this::write);
  }

  private String write() {
    StringBuilder out = new StringBuilder();
    Instant now = clock.instant();
    out.append("=== Cortex test cluster timeline (cluster time ").append(events.offset(now)).append(" = ")
        .append(now).append(", started ").append(events.start()).append(") ===\n");
    List<ApiInfo> apis;
    try {
      apis = client.listApis();
    } catch (RuntimeException e) {
      apis = List.of();
      out.append("(could not list APIs: ").append(e.getMessage()).append(")\n");
    }
    Map<String, List<String>> deliveries = deliveriesByQueue();
    if (apis.isEmpty()) {
      out.append("no APIs deployed\n");
    }
    for (ApiInfo api : apis) {
      ApiKind kind = api.spec().kind();
      out.append(kind.cortexName()).append(' ').append(api.name()).append('\n');
      try {
        switch (kind) {
          case BATCH_API -> writeBatchJobs(out, api.name(), deliveries);
          case ASYNC_API -> writeAsync(out, api.name());
          case TASK_API -> writeTasks(out, api.name());
        }
      } catch (RuntimeException e) {
        out.append("  (could not read: ").append(e.getMessage()).append(")\n");
      }
    }
    List<String> fired = faults.fired();
    if (!fired.isEmpty()) {
      out.append("Faults fired:\n");
      for (String fault : fired) {
        out.append("  - ").append(fault).append('\n');
      }
    }
    List<ClusterEvents.Event> log = events.events();
    out.append("Events (").append(log.size()).append(events.dropped() > 0 ? ", " + events.dropped()
        + " older dropped" : "").append("):\n");
    for (ClusterEvents.Event event : log) {
      out.append("  ").append(events.offset(event.at())).append(" [").append(event.thread()).append("] ")
          .append(event.source()).append(": ").append(event.text()).append('\n');
    }
    return out.toString();
  }

  private void writeBatchJobs(StringBuilder out, String api, Map<String, List<String>> deliveries) {
    List<BatchJobStatus> jobs = client.listJobs(api);
    if (jobs.isEmpty()) {
      out.append("  no jobs\n");
    }
    for (BatchJobStatus job : jobs) {
      BatchMetrics metrics = job.batchMetrics();
      int total = job.jobSpec().totalBatchCount();
      out.append("  job ").append(job.jobId()).append(": ").append(job.status().code())
          .append(", ").append(total).append(" batches (succeeded ")
          .append(metrics.succeeded()).append(", failed ").append(metrics.failed())
          .append(", failed attempts ").append(metrics.failedAttempts()).append(", in queue ")
          .append(job.batchesInQueue()).append("), started ").append(offset(job.jobSpec().startTime()));
      job.end().ifPresent(end -> out.append(", ended ").append(events.offset(end)));
      out.append('\n');
      for (FailedBatch failed : client.failedBatches(api, job.jobId())) {
        out.append("    failed batch ").append(failed.batchId()).append(" (").append(failed.items().size())
            .append(" items) after attempt ").append(failed.attempts()).append(": ").append(failed.errorType())
            .append(": ").append(failed.errorMessage()).append('\n');
      }
      deliveries.forEach(
          (queue, lines) -> {
            if (queue.contains(job.jobId()) && !queue.contains(job.jobId() + "-done")) {
              for (String line : lines) {
                out.append("    ").append(line).append('\n');
              }
            }
          });
    }
  }

  private String offset(@org.jspecify.annotations.Nullable Instant at) {
    return at == null ? "?" : events.offset(at);
  }

  private void writeAsync(StringBuilder out, String api) {
    List<String> ids = tracked.asyncRequests().getOrDefault(api, List.of());
    if (ids.isEmpty()) {
      out.append("  no requests submitted through the test client\n");
    }
    for (String id : ids) {
      out.append("  request ").append(id).append(": ");
      try {
        AsyncResult result = client.getAsync(api, id);
        out.append(result.status().code());
        if (result.timestamp() != null) {
          out.append(" at ").append(events.offset(result.timestamp()));
        }
        if (result.error() != null) {
          out.append(", error ").append(result.error().type()).append(": ").append(result.error().message());
        }
        if (result.result() != null) {
          String json = result.result().toString();
          out.append(", result ").append(json.length() > 200 ? json.substring(0, 200) + "..." : json);
        }
      } catch (RuntimeException e) {
        out.append("(").append(e.getMessage()).append(")");
      }
      out.append('\n');
    }
  }

  private void writeTasks(StringBuilder out, String api) {
    List<TaskJobStatus> tasks = client.listTaskJobs(api);
    if (tasks.isEmpty()) {
      out.append("  no jobs\n");
    }
    for (TaskJobStatus task : tasks) {
      out.append("  task ").append(task.jobId()).append(": ").append(task.status().code()).append(", started ")
          .append(offset(task.jobSpec().startTime()));
      if (task.endTime() != null) {
        out.append(", ended ").append(events.offset(task.endTime()));
      }
      if (task.error() != null) {
        out.append(", error ").append(task.error().type()).append(": ").append(task.error().message());
      }
      out.append('\n');
    }
  }

  /** Groups the "receive batch" events by queue: one line per batch with each delivery's time and attempt. */
  private Map<String, List<String>> deliveriesByQueue() {
    Map<String, Map<String, List<String>>> byQueue = new LinkedHashMap<>();
    for (ClusterEvents.Event event : events.events()) {
      String text = event.text();
      if (!text.startsWith("receive batch ")) {
        continue;
      }
      String[] words = text.split(" ");
      if (words.length < 5) {
        continue;
      }
      String batch = words[2];
      String queue = words[4];
      String attempt = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
      byQueue.computeIfAbsent(queue, q -> new LinkedHashMap<>())
          .computeIfAbsent(batch, b -> new ArrayList<>())
          .add(events.offset(event.at()) + " " + attempt);
    }
    Map<String, List<String>> lines = new LinkedHashMap<>();
    byQueue.forEach(
        (queue, batches) -> {
          List<String> rendered = new ArrayList<>();
          batches.forEach((batch, seen) -> rendered.add("batch " + batch + " delivered " + String.join(", ", seen)));
          lines.put(queue, rendered);
        });
    return lines;
  }
}
