package io.github.cortexj.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A handler deployed from a cortex.yaml in tests: counts items, and reads a project file at construction. */
public final class CountingHandler implements BatchHandler {

  /** Items handled, per job id. */
  public static final Map<String, AtomicLong> ITEMS = new ConcurrentHashMap<>();

  /** The last summary given to onJobComplete, per job id, with the project file's text. */
  public static final Map<String, String> COMPLETIONS = new ConcurrentHashMap<>();

  private final String greeting;
  private final Map<String, Object> config;

  public CountingHandler(Map<String, Object> config, ProjectFiles files) {
    this.config = config;
    this.greeting = new String(files.read("greeting.txt"), StandardCharsets.UTF_8).trim();
  }

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) {
    ITEMS.computeIfAbsent(context.jobId(), id -> new AtomicLong()).addAndGet(batch.size());
  }

  @Override
  public void onJobComplete(JobSummary summary) {
    COMPLETIONS.put(summary.jobId(), greeting + " " + config.get("suffix") + " " + summary.succeededBatchCount());
  }
}
