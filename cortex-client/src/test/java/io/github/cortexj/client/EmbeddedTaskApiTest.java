package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.JobNotFoundException;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTaskApiTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(4).build();

  @TempDir Path project;

  @AfterEach
  void close() {
    client.close();
  }

  private Path writeValidateProject(double accuracy) throws Exception {
    Files.writeString(project.resolve("values.json"), "{\"accuracy\": " + accuracy + "}");
    Files.writeString(project.resolve(".env"), "THRESHOLD=0.9\n");
    Path yaml = project.resolve("cortex.yaml");
    Files.writeString(
        yaml,
        "- name: validate\n"
            + "  kind: TaskAPI\n"
            + "  definition:\n"
            + "    class: " + ValidateTask.class.getName() + "\n"
            + "    config:\n"
            + "      dataset: reviews.csv\n");
    return yaml;
  }

  @Test
  void deploysTaskApiFromProjectAndRunsATaskReadingItsFilesAndEnv() throws Exception {
    List<DeployResult> results = client.createApi(writeValidateProject(0.97));
    assertThat(results).extracting(DeployResult::message).containsExactly("created validate (TaskAPI)");

    TaskJobSpec job = client.submitTask("validate", TaskSubmission.builder().build());
    TaskJobStatus status = client.awaitTask("validate", job.jobId(), WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(ValidateTask.SEEN.get(job.jobId())).isEqualTo("0.97 0.9 reviews.csv");
    assertThat(job.apiId()).endsWith("--" + job.specId());
    assertThat(job.handlerId()).hasSize(63);
  }

  @Test
  void jobConfigWinsOverDefinitionConfigThroughTheClient() throws Exception {
    client.createApi(writeValidateProject(0.97));

    TaskJobSpec job =
        client.submitTask("validate", TaskSubmission.builder().config(Map.of("dataset", "other.csv")).build());

    assertThat(client.awaitTask("validate", job.jobId(), WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(ValidateTask.SEEN.get(job.jobId())).isEqualTo("0.97 0.9 other.csv");
  }

  @Test
  void failingTaskReportsWorkerErrorWithItsMessage() throws Exception {
    client.createApi(writeValidateProject(0.5));

    TaskJobSpec job = client.submitTask("validate", TaskSubmission.builder().build());
    TaskJobStatus status = client.awaitTask("validate", job.jobId(), WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    assertThat(status.error().message()).isEqualTo("accuracy 0.5 is below the threshold 0.9");
    assertThat(client.listTaskJobs("validate")).extracting(TaskJobStatus::jobId).containsExactly(job.jobId());
  }

  @Test
  void refusesATaskClassThatIsNotATaskAtDeploy() {
    ApiSpec spec = ApiSpec.task("validate").handlerClass(CountingHandler.class).build();

    assertThatThrownBy(() -> client.createApi(spec, CountingHandler.class))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessageContaining(CountingHandler.class.getName())
        .hasMessageContaining("Task");
    assertThat(client.listApis()).isEmpty();
  }

  @Test
  void refusesAProjectWhoseTaskClassCannotBeLoaded() throws Exception {
    Path yaml = project.resolve("cortex.yaml");
    Files.writeString(yaml, "- name: validate\n  kind: TaskAPI\n  definition:\n    class: com.example.Missing\n");

    assertThatThrownBy(() -> client.createApi(yaml))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessageStartingWith("validate: handler class com.example.Missing cannot be loaded");
  }

  @Test
  void factoryThatBuildsABatchHandlerForATaskApiFailsTheTaskNamingIt() throws Exception {
    BatchHandler notATask = (batch, context) -> {};
    client.createApi(ApiSpec.task("odd").handlerClass("com.example.Odd").build(), init -> notATask);

    TaskJobSpec job = client.submitTask("odd", TaskSubmission.builder().build());
    TaskJobStatus status = client.awaitTask("odd", job.jobId(), WAIT);

    assertThat(status.status()).isEqualTo(JobStatus.WORKER_ERROR);
    assertThat(status.error().type()).isEqualTo(HandlerDefinitionException.class.getName());
    assertThat(status.error().message())
        .startsWith("odd: the factory of this TaskAPI built a ")
        .endsWith(", which does not implement io.github.cortexj.core.Task");
  }

  @Test
  void stopJobRoutesTaskApisToTheTaskRuntime() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    client.createApi(
        ApiSpec.task("wait").handlerClass("com.example.Wait").build(),
        init ->
            (io.github.cortexj.core.Task)
                (config, context) -> {
                  started.countDown();
                  new CountDownLatch(1).await();
                });
    TaskJobSpec job = client.submitTask("wait", TaskSubmission.builder().build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    client.stopJob("wait", job.jobId());

    assertThat(client.awaitTask("wait", job.jobId(), WAIT).status()).isEqualTo(JobStatus.STOPPED);
    assertThatThrownBy(() -> client.stopJob("wait", job.jobId()))
        .isInstanceOf(CortexException.class)
        .hasMessage("cannot stop TaskAPI job " + job.jobId() + " because it is not in progress (it is stopped)");
  }

  @Test
  void deletingATaskApiStopsItsRunningTasks() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    client.createApi(
        ApiSpec.task("wait").handlerClass("com.example.Wait").build(),
        init ->
            (io.github.cortexj.core.Task)
                (config, context) -> {
                  started.countDown();
                  try {
                    new CountDownLatch(1).await();
                  } finally {
                    interrupted.countDown();
                  }
                });
    client.submitTask("wait", TaskSubmission.builder().build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    client.deleteApi("wait");

    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(client.listApis()).isEmpty();
  }

  @Test
  void describesATaskApiWithoutBatchJobs() throws Exception {
    client.createApi(writeValidateProject(0.97));

    assertThat(client.getApi("validate").spec().kind().cortexName()).isEqualTo("TaskAPI");
    assertThat(client.getApi("validate").batchJobStatuses()).isEmpty();
  }

  @Test
  void unknownTaskJobIsNotFound() throws Exception {
    client.createApi(writeValidateProject(0.97));

    assertThatThrownBy(() -> client.getTaskJob("validate", "abc"))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessage("failed to get job state: unable to find TaskAPI job abc (validate api)");
  }
}
