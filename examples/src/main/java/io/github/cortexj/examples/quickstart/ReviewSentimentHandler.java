package io.github.cortexj.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.logging.LogExtra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores product reviews with a sentiment lexicon. Each batch writes its counts (per label and per product) to
 * {@code <output_dir>/batches/<batch id>.json}, as a Cortex handler writes its results to storage;
 * {@code onJobComplete} merges them into {@code <output_dir>/summary.json}.
 *
 * <p>Built once per worker by constructor injection: the merged config, the job spec and the project files.
 */
public final class ReviewSentimentHandler implements BatchHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewSentimentHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SentimentLexicon lexicon;
  private final Path outputDir;
  private final String jobId;

  /**
   * Reads the lexicon named by the config from the project.
   *
   * @param config the API config merged with the job's: {@code lexicon}, {@code threshold}, {@code output_dir}
   * @param jobSpec the job being run
   * @param files the project's files
   * @throws IOException when the lexicon cannot be read
   */
  public ReviewSentimentHandler(Map<String, Object> config, JobSpec jobSpec, ProjectFiles files) throws IOException {
    this.lexicon = SentimentLexicon.fromConfig(config, files);
    this.outputDir = Path.of((String) config.get("output_dir"));
    this.jobId = jobSpec.jobId();
  }

  @Override
  public void handleBatch(List<JsonNode> batch, BatchContext context) throws IOException {
    Map<String, Integer> labels = new TreeMap<>();
    Map<String, Integer> positiveByProduct = new TreeMap<>();
    for (JsonNode review : batch) {
      String label = lexicon.label(lexicon.score(review.path("text").asText()));
      labels.merge(label, 1, Integer::sum);
      if (label.equals("positive")) {
        positiveByProduct.merge(review.path("product").asText(), 1, Integer::sum);
      }
    }
    ObjectNode result = JSON.createObjectNode();
    result.set("labels", JSON.valueToTree(labels));
    result.set("positive_by_product", JSON.valueToTree(positiveByProduct));
    Path dir = Files.createDirectories(outputDir.resolve("batches"));
    JSON.writeValue(dir.resolve(context.batchId() + ".json").toFile(), result);
    // The runtime has put job_id and batch_id in the MDC; the extra adds this batch's counts as one nested field.
    LogExtra.of(Map.of("label_counts", labels)).debug(LOG, "scored {} reviews", batch.size());
  }

  @Override
  public void onJobComplete(JobSummary summary) throws IOException {
    Map<String, Integer> labels = new TreeMap<>();
    Map<String, Integer> positiveByProduct = new TreeMap<>();
    try (Stream<Path> files = Files.list(outputDir.resolve("batches"))) {
      for (Path file : files.sorted().toList()) {
        JsonNode result = JSON.readTree(file.toFile());
        result.path("labels").properties().forEach(e -> labels.merge(e.getKey(), e.getValue().asInt(),
            Integer::sum));
        result.path("positive_by_product").properties().forEach(
            e -> positiveByProduct.merge(e.getKey(), e.getValue().asInt(), Integer::sum));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    String best =
        positiveByProduct.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("none");
    ObjectNode out = JSON.createObjectNode();
    out.put("job_id", jobId);
    out.put("batches", summary.succeededBatchCount());
    out.set("labels", JSON.valueToTree(labels));
    out.put("most_loved_product", best);
    JSON.writeValue(outputDir.resolve("summary.json").toFile(), out);
    LogExtra.empty().with("label_counts", labels).with("most_loved_product", best)
        .info(LOG, "summarised {} batches", summary.succeededBatchCount());
  }
}
