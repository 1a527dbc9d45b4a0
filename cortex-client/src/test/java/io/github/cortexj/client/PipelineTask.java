package io.github.cortexj.client;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.job.JobSubmission;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's pipeline task: deploys a BatchAPI from the project directory named in its config through the
 * cluster's client, then submits a job to it.
 */
public final class PipelineTask implements Task {

  /** The batch job each task submitted, per task job id. */
  public static final Map<String, String> SUBMITTED = new ConcurrentHashMap<>();

  @Override
  public void run(Map<String, Object> config, TaskContext context) {
    CortexClient client = context.client();
    client.createApi(Path.of((String) config.get("project")).resolve("cortex.yaml"));
    JobSpec job = client.submitJob("counter", JobSubmission.items(List.of(1, 2, 3, 4, 5)).batchSize(2).workers(1).build());
    SUBMITTED.put(context.jobId(), job.jobId());
  }
}
