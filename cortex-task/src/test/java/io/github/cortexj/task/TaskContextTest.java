package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.project.Project;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TaskContextTest {

  private static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void taskReadsProjectFilesAndEnvValues(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cortex.yaml"), "- name: validate\n  kind: TaskAPI\n");
    Files.writeString(dir.resolve("values.json"), "{\"accuracy\": 0.97}");
    Files.writeString(dir.resolve(".env"), "THRESHOLD=0.9\nMODE=strict\n");
    ProjectFiles files = Project.load(dir.resolve("cortex.yaml")).files();
    List<String> seen = new ArrayList<>();
    try (TaskCluster cluster = new TaskCluster()) {
      cluster.deploy(
          "validate",
          Map.of(),
          Handlers.task(
              init ->
                  (config, context) -> {
                    seen.add(new String(context.projectFiles().read("values.json"), StandardCharsets.UTF_8));
                    seen.add(context.env().toString());
                  }),
          files);
      TaskJobSpec job = cluster.submit("validate", TaskSubmission.builder().build());

      assertThat(cluster.await("validate", job).status()).isEqualTo(JobStatus.SUCCEEDED);
    }
    assertThat(seen).containsExactly("{\"accuracy\": 0.97}", "{THRESHOLD=0.9, MODE=strict}");
  }

  /** A task that records the client its constructor and its context receive. */
  public static final class ClientTask implements Task {
    private final CortexClient client;

    public ClientTask(CortexClient client) {
      this.client = client;
    }

    @Override
    public void run(Map<String, Object> config, TaskContext context) {
      SEEN.add(client.describe());
      SEEN.add(context.client().describe());
      SEEN.add(context.jobId());
    }
  }

  @Test
  void taskReceivesTheClusterClientThroughConstructorAndContext() throws Exception {
    CortexClient cluster =
        (CortexClient)
            Proxy.newProxyInstance(
                CortexClient.class.getClassLoader(),
                new Class<?>[] {CortexClient.class},
                (proxy, method, args) -> method.getName().equals("describe") ? "the-cluster" : null);
    ManualClock clock = new ManualClock();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (TaskRuntime runtime =
        TaskRuntime.builder()
            .objectStore(new io.github.cortexj.core.backend.InMemoryObjectStore("cortex", clock))
            .clock(clock)
            .executor(executor)
            .client(() -> cluster)
            .build()) {
      runtime.register(
          new TaskApiDeployment("client", "1--s", "s", "h", Map.of(), Handlers.task(ClientTask.class), ProjectFiles.none()));
      TaskJobSpec job = runtime.submit("client", TaskSubmission.builder().build());
      runtime.awaitJob("client", job.jobId(), Duration.ofSeconds(10));

      assertThat(runtime.getJob("client", job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(SEEN).containsExactly("the-cluster", "the-cluster", job.jobId());
    } finally {
      executor.shutdownNow();
    }
  }
}
