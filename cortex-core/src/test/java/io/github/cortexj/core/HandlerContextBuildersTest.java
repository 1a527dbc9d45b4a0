package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.cortexj.core.metrics.MetricsClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerContextBuildersTest {

  private static final JobSpec SPEC =
      JobSpec.builder().jobId("69a1b2").apiName("resize").startTime(Instant.parse("2021-06-01T12:00:00Z")).build();

  @Test
  void batchContextTakesApiNameAndJobIdFromTheSpec() {
    BatchContext context = BatchContext.builder().jobSpec(SPEC).batchId("msg-1").build();

    assertThat(context.apiName()).isEqualTo("resize");
    assertThat(context.jobId()).isEqualTo("69a1b2");
    assertThat(context.batchId()).isEqualTo("msg-1");
    assertThat(context.jobSpec()).isSameAs(SPEC);
  }

  @Test
  void defaultsAreAttemptOneNoDeadlineNoFilesAndEmptyEnv() {
    TaskContext context = TaskContext.builder().apiName("train").jobId("69a1b2").build();

    assertThat(context.attempt()).isEqualTo(1);
    assertThat(context.deadline()).isEmpty();
    assertThat(context.projectFiles()).isSameAs(ProjectFiles.none());
    assertThat(context.env()).isEmpty();
  }

  @Test
  void defaultMetricsClientAcceptsAndDropsEverything() {
    AsyncContext context = AsyncContext.builder().apiName("echo").requestId("r-1").build();

    context.metrics().increment("requests");
    context.metrics().gauge("queue", 3, Map.of("k", "v"));
    context.metrics().histogram("latency", 0.5);
    assertThat(context.metrics()).isSameAs(io.github.cortexj.core.metrics.MetricsClient.noop());
  }

  @Test
  void defaultClientReachesNoCluster() {
    TaskContext context = TaskContext.builder().apiName("train").jobId("69a1b2").build();

    assertThat(context.client().describe()).isEqualTo("none (no cluster was given to this context)");
  }

  @Test
  void keepsWhatItIsGiven() {
    MetricsClient metrics = mock(MetricsClient.class);
    CortexClient client = mock(CortexClient.class);
    ProjectFiles files = mock(ProjectFiles.class);
    Instant deadline = Instant.parse("2021-06-01T13:00:00Z");

    AsyncContext context =
        AsyncContext.builder()
            .apiName("echo")
            .requestId("r-1")
            .attempt(3)
            .deadline(deadline)
            .metrics(metrics)
            .projectFiles(files)
            .env(Map.of("A", "1"))
            .client(client)
            .build();

    assertThat(context.requestId()).isEqualTo("r-1");
    assertThat(context.attempt()).isEqualTo(3);
    assertThat(context.deadline()).contains(deadline);
    assertThat(context.metrics()).isSameAs(metrics);
    assertThat(context.projectFiles()).isSameAs(files);
    assertThat(context.env()).containsExactly(Map.entry("A", "1"));
    assertThat(context.client()).isSameAs(client);
  }

  @Test
  void envDefaultsToThatOfTheProjectFilesInFileOrder() {
    ProjectFiles files = mock(ProjectFiles.class);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("Z", "last-name-first");
    env.put("A", "1");
    when(files.env()).thenReturn(env);

    TaskContext context = TaskContext.builder().apiName("train").jobId("1f").projectFiles(files).build();

    assertThat(context.env()).containsExactly(Map.entry("Z", "last-name-first"), Map.entry("A", "1"));
  }

  @Test
  void copiesTheEnvItIsGiven() {
    Map<String, String> env = new LinkedHashMap<>(Map.of("A", "1"));
    TaskContext context = TaskContext.builder().apiName("train").jobId("1f").env(env).build();
    env.put("B", "2");

    assertThat(context.env()).containsOnlyKeys("A");
    assertThatThrownBy(() -> context.env().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringNamesTheIdsButNotTheEnvValues() {
    BatchContext context =
        BatchContext.builder().jobSpec(SPEC).batchId("msg-1").env(Map.of("API_KEY", "s3cr3t")).build();

    assertThat(context.toString())
        .isEqualTo(
            "BatchContext[apiName=resize, jobId=69a1b2, batchId=msg-1, attempt=1, deadline=none, env=[API_KEY],"
                + " client=none (no cluster was given to this context)]");
  }

  @Test
  void requiresTheJobSpec() {
    assertThatThrownBy(() -> BatchContext.builder().batchId("msg-1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("BatchContext: jobSpec is required");
  }

  @Test
  void requiresTheBatchId() {
    assertThatThrownBy(() -> BatchContext.builder().jobSpec(SPEC).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("BatchContext: batchId is required");
  }

  @Test
  void requiresTheRequestId() {
    assertThatThrownBy(() -> AsyncContext.builder().apiName("echo").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("AsyncContext: requestId is required");
  }

  @Test
  void requiresTheApiName() {
    assertThatThrownBy(() -> TaskContext.builder().jobId("1f").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TaskContext: apiName is required");
  }

  @Test
  void rejectsABlankId() {
    assertThatThrownBy(() -> TaskContext.builder().apiName("train").jobId("  ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TaskContext: jobId must not be blank");
  }

  @Test
  void rejectsAnIdWithASlash() {
    assertThatThrownBy(() -> AsyncContext.builder().apiName("echo").requestId("../r-1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AsyncContext: requestId must not contain '/' or control characters, got \"../r-1\"");
  }

  @Test
  void rejectsAnIdWithAControlCharacterShowingItEscaped() {
    assertThatThrownBy(() -> BatchContext.builder().jobSpec(SPEC).batchId("msg\n1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("BatchContext: batchId must not contain '/' or control characters, got \"msg\\u000a1\"");
  }

  @Test
  void rejectsAnAttemptBelowOne() {
    assertThatThrownBy(() -> TaskContext.builder().apiName("train").jobId("1f").attempt(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attempt must be >= 1, got 0");
  }

  @Test
  void aUserImplementationGetsDefaultsForTheOptionalMethods() {
    ProjectFiles files = mock(ProjectFiles.class);
    when(files.env()).thenReturn(Map.of("A", "1"));
    TaskContext custom =
        new TaskContext() {
          @Override
          public String jobId() {
            return "1f";
          }

          @Override
          public String apiName() {
            return "train";
          }

          @Override
          public MetricsClient metrics() {
            return mock(MetricsClient.class);
          }

          @Override
          public ProjectFiles projectFiles() {
            return files;
          }

          @Override
          public CortexClient client() {
            return mock(CortexClient.class);
          }
        };

    assertThat(custom.attempt()).isEqualTo(1);
    assertThat(custom.deadline()).isEmpty();
    assertThat(custom.env()).containsExactly(Map.entry("A", "1"));
  }
}
