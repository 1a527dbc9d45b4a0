package io.github.cortexj.server.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import java.util.List;

/** A handler that `cortex serve` loads from `--classpath` in the tests: the shaded jar does not hold it. */
public final class NoopBatchHandler implements BatchHandler {

  /** Creates the handler. */
  public NoopBatchHandler() {}

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) {}
}
