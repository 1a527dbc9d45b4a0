package io.github.cortexj.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A task deployed from a cortex.yaml project: checks {@code values.json} against the {@code .env} threshold. */
public final class ValidateTask implements Task {

  /** What each job saw: the accuracy, the threshold and the merged config's dataset, per job id. */
  public static final Map<String, String> SEEN = new ConcurrentHashMap<>();

  private final ProjectFiles files;

  public ValidateTask(ProjectFiles files) {
    this.files = files;
  }

  @Override
  public void run(Map<String, Object> config, TaskContext context) throws Exception {
    JsonNode values = new ObjectMapper().readTree(files.read("values.json"));
    double accuracy = values.get("accuracy").asDouble();
    double threshold = Double.parseDouble(context.env().get("THRESHOLD"));
    SEEN.put(context.jobId(), accuracy + " " + threshold + " " + config.get("dataset"));
    if (accuracy < threshold) {
      throw new IllegalStateException("accuracy " + accuracy + " is below the threshold " + threshold);
    }
  }
}
