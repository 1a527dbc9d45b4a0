package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TaskContext;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

public class TaskHarnessTest {

  @Test
  void runsTheTaskOnceWithTheJobConfigMergedOverTheApiConfig() throws Exception {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    AtomicReference<TaskContext> context = new AtomicReference<>();
    TaskHarness harness = TaskHarness.forFactory(init -> (Task) (config, ctx) -> {
      seen.set(config);
      context.set(ctx);
    }).apiName("report").apiConfig(Map.of("bucket", "reports", "day", "monday")).jobConfig(Map.of("day", "friday"))
        .build();

    harness.run();

    assertThat(seen.get()).isEqualTo(Map.of("bucket", "reports", "day", "friday"));
    assertThat(context.get().jobId()).isEqualTo(TaskHarness.DEFAULT_JOB_ID);
    assertThat(context.get().apiName()).isEqualTo("report");
    assertThat(context.get().attempt()).isEqualTo(1);
  }

  @Test
  void aTaskCanSubmitJobsToATestCluster() throws Exception {
    try (CortexTestCluster cluster = CortexTestCluster.newInstance()) {
      cluster.deploy(ApiSpec.batch("reviews").handlerClass("unused.Placeholder").build(),
          init -> (BatchHandler) (batch, ctx) -> {});
      AtomicReference<JobSpec> submitted = new AtomicReference<>();
      TaskHarness harness = TaskHarness.forFactory(init -> (Task) (config, ctx) ->
          submitted.set(ctx.client().submitJob("reviews", JobSubmission.items(List.of(1, 2)).build())))
          .client(cluster.client())
          .build();

      harness.run(ctx -> ctx.jobId("nightly"));

      cluster.assertThatJob("reviews", submitted.get().jobId()).succeeded();
    }
  }
}
