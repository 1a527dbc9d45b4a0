package io.github.cortexj.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

/**
 * A batch handler for the integration tests: records every item it handles and every {@code onJobComplete} call in
 * a {@link Journal} the test owns (handed over by a handler factory, so nothing is static), and fails the batches a
 * rule picks, on the attempts it picks.
 *
 * <p>Thread safe: one instance per worker, all sharing the journal.
 */
final class RecordingBatchHandler implements BatchHandler {

  /** What the handlers of one job saw; thread safe. */
  static final class Journal {
    /** Items handled successfully, as text (strings as themselves, other values as JSON). */
    final Set<String> processed = ConcurrentHashMap.newKeySet();
    /** Items a successful delivery handled although an earlier one already had. */
    final List<String> processedTwice = new CopyOnWriteArrayList<>();
    /** Attempts that failed, per batch's first item. */
    final Map<String, List<Integer>> failedAttempts = new ConcurrentHashMap<>();
    /** Every {@code onJobComplete} call's summary. */
    final List<JobSummary> completions = new CopyOnWriteArrayList<>();
    /** How many items had been processed when each {@code onJobComplete} call began. */
    final List<Integer> processedAtCompletion = new CopyOnWriteArrayList<>();
  }

  private final Journal journal;
  private final BiPredicate<List<String>, Integer> failBatch;

  /**
   * Creates a handler.
   *
   * @param journal where it records what it sees
   * @param failBatch given a batch's items (as text) and the attempt, whether that delivery fails
   */
  RecordingBatchHandler(Journal journal, BiPredicate<List<String>, Integer> failBatch) {
    this.journal = journal;
    this.failBatch = failBatch;
  }

  static String text(JsonNode item) {
    return item.isTextual() ? item.textValue() : item.toString();
  }

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) {
    List<String> items = batch.stream().map(RecordingBatchHandler::text).toList();
    if (failBatch.test(items, context.attempt())) {
      journal.failedAttempts.computeIfAbsent(items.get(0), k -> new CopyOnWriteArrayList<>()).add(context.attempt());
      throw new IllegalStateException("refused batch starting at " + items.get(0) + " on attempt "
          + context.attempt());
    }
    for (String item : items) {
      if (!journal.processed.add(item)) {
        journal.processedTwice.add(item);
      }
    }
  }

  @Override
  public void onJobComplete(JobSummary summary) {
    journal.processedAtCompletion.add(journal.processed.size());
    journal.completions.add(summary);
  }
}
