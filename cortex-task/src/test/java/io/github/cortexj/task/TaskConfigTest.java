package io.github.cortexj.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskSubmission;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class TaskConfigTest {

  private final TaskCluster cluster = new TaskCluster();
  private static final AtomicReference<Object> SEEN = new AtomicReference<>();

  @AfterEach
  void close() throws InterruptedException {
    cluster.close();
  }

  private Map<String, Object> runWith(Map<String, Object> apiConfig, Map<String, Object> jobConfig) throws Exception {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    cluster.deploy("merge", apiConfig, Handlers.task(init -> (config, context) -> seen.set(config)));
    TaskJobSpec job = cluster.submit("merge", TaskSubmission.builder().config(jobConfig).build());
    assertThat(cluster.await("merge", job).status()).isEqualTo(JobStatus.SUCCEEDED);
    return seen.get();
  }

  @Test
  void taskReceivesApiConfigDeepMergedWithJobConfigTheJobWinning() throws Exception {
    Map<String, Object> api = new LinkedHashMap<>();
    api.put("a", 1);
    api.put("b", new LinkedHashMap<>(Map.of("c", 2, "d", 3)));
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("b", Map.of("c", 20));
    job.put("e", 5);

    Map<String, Object> merged = runWith(api, job);

    assertThat(merged).isEqualTo(Map.of("a", 1, "b", Map.of("c", 20, "d", 3), "e", 5));
    assertThat(merged.keySet()).containsExactly("a", "b", "e");
  }

  @Test
  void jobListReplacesApiListAndNullOverwrites() throws Exception {
    Map<String, Object> job = new HashMap<>();
    job.put("l", List.of(3));
    job.put("k", null);

    Map<String, Object> merged = runWith(Map.of("l", List.of(1, 2), "k", 1), job);

    Map<String, Object> expected = new HashMap<>();
    expected.put("l", List.of(3));
    expected.put("k", null);
    assertThat(merged).isEqualTo(expected);
  }

  @Test
  void taskSpecKeepsTheJobConfigAsSubmitted() throws Exception {
    cluster.deploy("spec", Map.of("a", 1), Handlers.task(init -> (config, context) -> {}));
    TaskJobSpec job = cluster.submit("spec", TaskSubmission.builder().config(Map.of("b", 2)).build());

    assertThat(cluster.await("spec", job).jobSpec().config()).isEqualTo(Map.of("b", 2));
  }

  /** The config a constructor-injected task binds. */
  public record TrainConfig(int epochs, String dataset) {}

  /** A task built by constructor injection from the merged config. */
  public static final class TrainTask implements io.github.cortexj.core.Task {
    private final TrainConfig config;

    public TrainTask(TrainConfig config) {
      this.config = config;
    }

    @Override
    public void run(Map<String, Object> config, TaskContext context) {
      SEEN.set(this.config);
    }
  }

  @Test
  void constructorInjectedTaskBindsTheMergedConfig() throws Exception {
    cluster.deploy("train", Map.of("epochs", 1, "dataset", "s3://bucket/a.csv"), Handlers.task(TrainTask.class));
    TaskJobSpec job = cluster.submit("train", TaskSubmission.builder().config(Map.of("epochs", 7)).build());

    assertThat(cluster.await("train", job).status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(SEEN.get()).isEqualTo(new TrainConfig(7, "s3://bucket/a.csv"));
  }
}
