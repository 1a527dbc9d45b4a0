package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCortexClientTest {

  private final EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(4).build();

  @TempDir Path project;

  @AfterEach
  void close() {
    client.close();
  }

  private Path writeProject(String suffix) throws Exception {
    Files.writeString(project.resolve("greeting.txt"), "hello\n");
    Path yaml = project.resolve("cortex.yaml");
    Files.writeString(
        yaml,
        "- name: counter\n"
            + "  kind: BatchAPI\n"
            + "  handler:\n"
            + "    type: java\n"
            + "    class: "
            + CountingHandler.class.getName()
            + "\n"
            + "    config:\n"
            + "      suffix: "
            + suffix
            + "\n");
    return yaml;
  }

  @Test
  void describesItselfAsEmbedded() {
    assertThat(client.describe()).isEqualTo("embedded");
  }

  @Test
  void deploysAProjectAndRunsAJobWithItsFilesAndConfig() throws Exception {
    List<DeployResult> results = client.createApi(writeProject("world"));
    assertThat(results).extracting(DeployResult::message).containsExactly("created counter (BatchAPI)");

    JobSpec spec =
        client.submitJob(
            "counter", JobSubmission.items(IntStream.range(0, 100).boxed().toList()).batchSize(7).workers(3).build());
    BatchJobStatus status = client.awaitJob("counter", spec.jobId(), Duration.ofSeconds(30));

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(CountingHandler.ITEMS.get(spec.jobId())).hasValue(100);
    assertThat(CountingHandler.COMPLETIONS.get(spec.jobId())).isEqualTo("hello world 15");
    assertThat(client.getApi("counter").batchJobStatuses()).extracting(BatchJobStatus::jobId)
        .containsExactly(spec.jobId());
  }

  @Test
  void redeployingAnUnchangedProjectIsUpToDateAndAChangedOneIsUpdated() throws Exception {
    client.createApi(writeProject("a"));

    assertThat(client.createApi(writeProject("a")))
        .extracting(DeployResult::message)
        .containsExactly("counter (BatchAPI) is up to date");
    assertThat(client.createApi(writeProject("b")))
        .extracting(DeployResult::message)
        .containsExactly("updated counter (BatchAPI)");
  }

  @Test
  void refusesToChangeTheKindOfADeployedApi() throws Exception {
    client.createApi(writeProject("a"));
    ApiSpec task = ApiSpec.task("counter").handlerClass("com.example.Task").build();

    assertThatThrownBy(() -> client.createApi(task, CountingHandler.class))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "resources.cannot_change_kind_of_deployed_api")
        .hasMessage("cannot change the kind of deployed api counter from BatchAPI to TaskAPI; delete it first");
  }

  @Test
  void deploysAnApiBuiltInCodeWithAFactory() throws InterruptedException {
    ApiSpec spec = ApiSpec.batch("doubler").handlerClass("unused.Placeholder").config(Map.of("factor", 2)).build();
    long[] sum = {0};
    DeployResult result =
        client.createApi(
            spec,
            Handlers.batch(init -> {
              int factor = ((Number) init.config().get("factor")).intValue();
              return (batch, context) -> {
                synchronized (sum) {
                  batch.forEach(item -> sum[0] += (long) item.intValue() * factor);
                }
              };
            }));
    assertThat(result.message()).isEqualTo("created doubler (BatchAPI)");

    JobSpec job = client.submitJob("doubler", JobSubmission.items(List.of(1, 2, 3)).batchSize(2).build());
    assertThat(client.awaitJob("doubler", job.jobId(), Duration.ofSeconds(30)).status())
        .isEqualTo(JobStatus.SUCCEEDED);
    synchronized (sum) {
      assertThat(sum[0]).isEqualTo(12);
    }
  }

  @Test
  void deletingAnApiStopsItsRunningJobs() throws Exception {
    ApiSpec spec = ApiSpec.batch("slow").handlerClass("unused.Placeholder").build();
    client.createApi(
        spec, Handlers.batch(init -> (batch, context) -> new java.util.concurrent.CountDownLatch(1).await()));
    JobSpec job = client.submitJob("slow", JobSubmission.items(List.of(1)).build());
    BatchJobStatus running;
    do {
      running = client.getJob("slow", job.jobId());
    } while (running.batchesInQueue() == 0 || running.status() != JobStatus.RUNNING);

    client.deleteApi("slow");

    assertThat(client.listApis()).isEmpty();
    assertThatThrownBy(() -> client.getJob("slow", job.jobId()))
        .hasFieldOrPropertyWithValue("kind", "resources.api_not_deployed");
  }

  @Test
  void refusesAHandlerClassThatCannotBeLoaded() throws Exception {
    Path yaml = project.resolve("cortex.yaml");
    Files.writeString(yaml, "- name: ghost\n  kind: BatchAPI\n  handler:\n    type: java\n    class: com.example.Nope\n");

    assertThatThrownBy(() -> client.createApi(yaml))
        .hasFieldOrPropertyWithValue("kind", "handler.invalid_class")
        .hasMessageStartingWith("ghost: handler class com.example.Nope cannot be loaded")
        .hasMessageEndingWith("; check the class name in the config file and that the class is on the classpath");
    assertThat(client.listApis()).isEmpty();
  }
}
