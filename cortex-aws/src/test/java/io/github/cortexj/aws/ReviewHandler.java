package io.github.cortexj.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import java.util.List;

/**
 * The handler the {@code cortex.yaml} of backends.md's embedded-cluster snippet names in
 * {@link NewUserOnSqsAndS3IntegrationTest}: public with a no-argument constructor, as the runtime loads it by class
 * name; it only has to succeed. Stateless and thread safe.
 */
public final class ReviewHandler implements BatchHandler {

  /** Creates the handler, as the runtime does from {@code cortex.yaml}. */
  public ReviewHandler() {}

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) {
    if (batch.isEmpty()) {
      throw new IllegalStateException("an empty batch");
    }
  }
}
