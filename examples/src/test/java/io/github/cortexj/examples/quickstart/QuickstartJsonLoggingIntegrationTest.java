package io.github.cortexj.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's quickstart jar as users do, with the examples' logback configuration, and checks its log
 * output end to end: every stderr line is one JSON object with Cortex's keys in Cortex's order, and the lines
 * written inside handler calls carry the job and batch ids the runtime put in the MDC.
 */
class QuickstartJsonLoggingIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CORTEX_FIELDS = List.of("asctime", "levelname", "message", "process");

  private static Run run;

  /** What the process printed. */
  record Run(int exitCode, String out, List<JsonNode> logLines, long pid) {}

  @BeforeAll
  static void runQuickstartWithDebugLogs() throws Exception {
    Path jar = Path.of(System.getProperty("quickstart.jar", "target/quickstart.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar, built by `package`").isRegularFile();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
            Path.of("quickstart/cortex.yaml").toAbsolutePath().toString());
    builder.environment().put("CORTEX_LOG_LEVEL", "DEBUG");
    Process process = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("quickstart finished").isTrue();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : err.join().split("\n")) {
      if (!line.isEmpty()) {
        lines.add(parse(line));
      }
    }
    run = new Run(process.exitValue(), out.join(), lines, process.pid());
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
      return node;
    } catch (IOException e) {
      throw new AssertionError("not one JSON object: " + line, e);
    }
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String jobId() {
    return stdoutGroup("submitted job ([0-9a-f]+):");
  }

  private static String stdoutGroup(String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(run.out());
    assertThat(matcher.find()).as(run.out()).isTrue();
    return matcher.group(1);
  }

  private static List<JsonNode> linesWithMessage(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return run.logLines().stream().filter(line -> pattern.matcher(line.path("message").asText()).matches()).toList();
  }

  @Test
  void stdoutKeepsTheQuickstartsReadableOutputWithoutLogLines() {
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .startsWith(
            "created reviews (BatchAPI)\ncreated review-scorer (AsyncAPI)\ncreated review-pipeline (TaskAPI)\n"
                + "submitted job ")
        .doesNotContain("\"asctime\"");
  }

  @Test
  void everyStderrLineStartsWithCortexsFieldsInOrder() {
    assertThat(run.logLines()).hasSizeGreaterThan(60);
    for (JsonNode line : run.logLines()) {
      assertThat(fieldNames(line).subList(0, 4)).as(line.toString()).isEqualTo(CORTEX_FIELDS);
      assertThat(line.get("asctime").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}");
      assertThat(line.get("levelname").asText()).isIn("DEBUG", "INFO", "WARNING", "ERROR");
      assertThat(line.get("process").isIntegralNumber()).isTrue();
      assertThat(line.get("process").asLong()).isEqualTo(run.pid());
    }
  }

  @Test
  void everyBatchIsLoggedByTheHandlerWithItsJobAndBatchIdsAndNestedCounts() {
    List<JsonNode> scored = linesWithMessage("scored 50 reviews");

    assertThat(scored).hasSize(60);
    Set<String> batchIds = new HashSet<>();
    for (JsonNode line : scored) {
      assertThat(fieldNames(line))
          .containsExactly(
              "asctime", "levelname", "message", "process", "api_name", "job_id", "batch_id", "label_counts");
      assertThat(line.get("levelname").asText()).isEqualTo("DEBUG");
      assertThat(line.get("api_name").asText()).isEqualTo("reviews");
      assertThat(line.get("job_id").asText()).isEqualTo(jobId());
      assertThat(line.get("label_counts").isObject()).as("flattened one level: the map stays nested").isTrue();
      batchIds.add(line.get("batch_id").asText());
    }
    assertThat(batchIds).hasSize(60);
  }

  @Test
  void runtimeLinesInsideABatchCarryTheBatchIdTheyName() {
    List<JsonNode> processing =
        linesWithMessage("processing batch .+").stream()
            .filter(line -> line.path("job_id").asText().equals(jobId()))
            .toList();

    assertThat(processing).hasSize(60);
    for (JsonNode line : processing) {
      assertThat(line.get("message").asText()).isEqualTo("processing batch " + line.get("batch_id").asText());
      assertThat(line.get("job_id").asText()).isEqualTo(jobId());
    }
  }

  @Test
  void onJobCompleteLogsWithTheJobIdAndItsExtrasInOrder() {
    List<JsonNode> summarised = linesWithMessage("summarised 60 batches");

    assertThat(summarised).hasSize(1);
    JsonNode line = summarised.get(0);
    assertThat(fieldNames(line))
        .containsExactly(
            "asctime", "levelname", "message", "process", "api_name", "job_id", "label_counts", "most_loved_product");
    assertThat(line.get("levelname").asText()).isEqualTo("INFO");
    assertThat(line.get("job_id").asText()).isEqualTo(jobId());
  }

  @Test
  void theTasksLinesCarryTheTaskApiAndTaskJobId() {
    String taskId = stdoutGroup("task ([0-9a-f]+) \\(review-pipeline\\) succeeded");
    List<JsonNode> taskLines =
        run.logLines().stream().filter(line -> line.path("api_name").asText().equals("review-pipeline")).toList();

    assertThat(taskLines).extracting(line -> line.get("message").asText())
        .contains("validated 20 reviews of sample-reviews.json")
        .anyMatch(message -> message.startsWith("submitted job "));
    for (JsonNode line : taskLines) {
      assertThat(fieldNames(line))
          .containsExactly("asctime", "levelname", "message", "process", "api_name", "job_id");
      assertThat(line.get("job_id").asText()).isEqualTo(taskId);
    }
  }

  @Test
  void theJobTheTaskSubmittedIsLoggedUnderItsOwnJobId() {
    String pipelineJob = stdoutGroup("  its job ([0-9a-f]+) succeeded");
    List<JsonNode> scored =
        linesWithMessage("scored \\d+ reviews").stream()
            .filter(line -> line.get("job_id").asText().equals(pipelineJob))
            .toList();

    assertThat(scored).isNotEmpty().allSatisfy(line -> assertThat(line.get("batch_id").asText()).isNotEmpty());
  }

  @Test
  void theRuntimeReportsTheEndOfTheJob() {
    assertThat(linesWithMessage("job " + jobId() + " of reviews ended: succeeded")).hasSize(1);
  }
}
