package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' "Cortex Python client" sections: handlers use the client of the cluster they run in. */
class HandlerClientScenariosTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(6).build();

  @TempDir Path batchProject;

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void taskDeploysABatchApiFromAProjectDirectoryAndSubmitsAJobThatCompletes() throws Exception {
    Files.writeString(batchProject.resolve("greeting.txt"), "hi\n");
    Files.writeString(
        batchProject.resolve("cortex.yaml"),
        "- name: counter\n  kind: BatchAPI\n  handler:\n    type: java\n    class: "
            + CountingHandler.class.getName()
            + "\n    config:\n      suffix: from-task\n");
    client.createApi(ApiSpec.task("pipeline").handlerClass(PipelineTask.class).build(), PipelineTask.class);

    TaskJobSpec task =
        client.submitTask("pipeline", TaskSubmission.builder().config(Map.of("project", batchProject.toString())).build());
    assertThat(client.awaitTask("pipeline", task.jobId(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);

    String batchJob = PipelineTask.SUBMITTED.get(task.jobId());
    BatchJobStatus job = client.awaitJob("counter", batchJob, WAIT);
    assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(CountingHandler.ITEMS.get(batchJob)).hasValue(5);
    assertThat(CountingHandler.COMPLETIONS.get(batchJob)).isEqualTo("hi from-task 3");
  }

  @Test
  void batchOnJobCompleteSubmitsATaskThatSucceeds() throws Exception {
    AtomicReference<Map<String, Object>> taskConfig = new AtomicReference<>();
    client.createApi(
        ApiSpec.task("notify").handlerClass("com.example.Notify").build(),
        init -> (io.github.cortexj.core.Task) (config, context) -> taskConfig.set(config));
    client.createApi(ApiSpec.batch("scores").handlerClass(NotifyingHandler.class).build(), NotifyingHandler.class);

    JobSpec job = client.submitJob("scores", JobSubmission.items(List.of(1, 2, 3)).batchSize(1).workers(1).build());
    assertThat(client.awaitJob("scores", job.jobId(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);

    List<TaskJobStatus> tasks = client.listTaskJobs("notify");
    assertThat(tasks).hasSize(1);
    TaskJobStatus task = client.awaitTask("notify", tasks.get(0).jobId(), WAIT);
    assertThat(task.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(taskConfig.get()).isEqualTo(Map.of("batch_job", job.jobId(), "batches", 3));
    assertThat(NotifyingHandler.CONTEXT_CLIENTS).containsExactly("embedded");
  }
}
