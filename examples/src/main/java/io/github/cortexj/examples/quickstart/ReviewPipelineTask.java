package io.github.cortexj.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.job.JobSubmission;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quickstart's task: validates the reviews of a project data file ({@code data} in the config), then, through
 * the client of the cluster it runs in, checks that the {@code reviews} BatchAPI is deployed and submits the
 * reviews to it as a job (Cortex's "Cortex Python client" inside a task). A malformed review fails the task with
 * an error naming the review and the field.
 *
 * <p>Built once per task job by constructor injection; one instance runs one job.
 */
public final class ReviewPipelineTask implements Task {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewPipelineTask.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProjectFiles files;
  private final CortexClient client;

  /**
   * Creates the task.
   *
   * @param files the project's files, which hold the data file
   * @param client the client of the cluster the task runs in
   */
  public ReviewPipelineTask(ProjectFiles files, CortexClient client) {
    this.files = files;
    this.client = client;
  }

  @Override
  public void run(Map<String, Object> config, TaskContext context) throws IOException {
    Object outputDir = config.get("output_dir");
    if (outputDir == null) {
      throw new IllegalArgumentException("output_dir: required in the job's config");
    }
    String data = (String) config.get("data");
    List<JsonNode> reviews = validate(data, JSON.readTree(files.read(data)));
    LOG.info("validated {} reviews of {}", reviews.size(), data);
    client.getApi("reviews");
    JobSpec job =
        client.submitJob(
            "reviews",
            JobSubmission.items(reviews)
                .batchSize(((Number) config.get("batch_size")).intValue())
                .workers(2)
                .config(Map.of("output_dir", outputDir))
                .build());
    LOG.info("submitted job {} to reviews", job.jobId());
  }

  /** Checks that the file is an array of reviews, each with a unique integer id, a product and a text. */
  static List<JsonNode> validate(String file, JsonNode root) {
    if (!root.isArray() || root.isEmpty()) {
      throw new IllegalArgumentException(file + ": must be a non-empty JSON array of reviews");
    }
    List<JsonNode> reviews = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode review = root.get(i);
      String at = file + ": review " + i + ": ";
      if (!review.path("id").canConvertToInt() || !review.path("id").isIntegralNumber()) {
        throw new IllegalArgumentException(at + "id must be an integer");
      }
      if (!ids.add(review.get("id").intValue())) {
        throw new IllegalArgumentException(at + "id " + review.get("id").intValue() + " appears twice");
      }
      for (String field : List.of("product", "text")) {
        if (!review.path(field).isTextual() || review.get(field).asText().isBlank()) {
          throw new IllegalArgumentException(at + field + " must be a non-blank string");
        }
      }
      reviews.add(review);
    }
    return reviews;
  }
}
