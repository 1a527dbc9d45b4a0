package io.github.cortexj.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.job.TaskSubmission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A batch handler whose {@code onJobComplete} submits a task through the client its constructor receives. */
public final class NotifyingHandler implements BatchHandler {

  /** The description of the client each batch's context gave. */
  public static final Set<String> CONTEXT_CLIENTS = ConcurrentHashMap.newKeySet();

  private final CortexClient client;

  public NotifyingHandler(CortexClient client) {
    this.client = client;
  }

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) {
    CONTEXT_CLIENTS.add(context.client().describe());
  }

  @Override
  public void onJobComplete(JobSummary summary) {
    client.submitTask(
        "notify",
        TaskSubmission.builder()
            .config(Map.of("batch_job", summary.jobId(), "batches", summary.succeededBatchCount()))
            .build());
  }
}
