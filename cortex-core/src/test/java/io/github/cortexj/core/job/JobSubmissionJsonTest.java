package io.github.cortexj.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSubmissionJsonTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void readsACortexBodyAndWritesItBackIdentically() throws Exception {
    String body =
        "{\"workers\":2,\"timeout\":60,\"sqs_dead_letter_queue\":{\"arn\":\"arn:aws:sqs:us-east-1:1:dlq.fifo\","
            + "\"max_receive_count\":3},\"config\":{\"a\":{\"b\":[1,2]}},"
            + "\"delimited_files\":{\"s3_paths\":[\"s3://bucket/in\"],\"includes\":[\"**.jsonl\"],\"excludes\":[],"
            + "\"batch_size\":10}}";

    JobSubmission submission = mapper.readValue(body, JobSubmission.class);

    assertThat(mapper.writeValueAsString(submission)).isEqualTo(body);
    assertThat(submission.batchSize()).isEqualTo(10);
  }

  @Test
  void theBuilderWritesTheSameJsonAsTheBodyItStandsFor() throws Exception {
    JobSubmission built =
        JobSubmission.items(List.of(Map.of("id", 1), "two", 3))
            .batchSize(2)
            .workers(3)
            .timeout(Duration.ofMinutes(1))
            .config(Map.of("k", "v"))
            .retry(4, Duration.ofSeconds(30))
            .batchTimeout(Duration.ofSeconds(90))
            .build();

    assertThat(mapper.writeValueAsString(built))
        .isEqualTo(
            "{\"workers\":3,\"timeout\":60,\"config\":{\"k\":\"v\"},"
                + "\"item_list\":{\"items\":[{\"id\":1},\"two\",3],\"batch_size\":2},"
                + "\"retry_policy\":{\"max_attempts\":4,\"backoff_seconds\":30},\"batch_timeout\":90}");
    assertThat(mapper.readValue(mapper.writeValueAsString(built), JobSubmission.class)).isEqualTo(built);
  }

  @Test
  void ignoresUnknownFieldsAndReadsAbsentListsAsEmpty() throws Exception {
    JobSubmission submission =
        mapper.readValue(
            "{\"workers\":1,\"node_groups\":[\"x\"],\"file_path_lister\":{\"s3_paths\":[\"s3://b/p\"],"
                + "\"batch_size\":5}}",
            JobSubmission.class);

    assertThat(submission.filePathLister()).isEqualTo(new ObjectSource(List.of("s3://b/p"), List.of(), List.of(),
        5));
  }

  @Test
  void dryRunTextListsPathsThenValidationsPassedWithoutATrailingNewline() {
    assertThat(new DryRunResult(List.of("s3://b/1", "s3://b/2")).text())
        .isEqualTo("s3://b/1\ns3://b/2\nvalidations passed");
  }

  @Test
  void refusesABodyLargerThanTenMebibytes() {
    byte[] body = new byte[JobSubmission.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    assertThatThrownBy(() -> JobSubmission.fromJson(new ByteArrayInputStream(body), mapper))
        .isInstanceOf(JobSubmissionException.class)
        .hasMessage("http: request body too large");
  }

  @Test
  void readsABodyOfExactlyTenMebibytes() {
    byte[] json = "{\"workers\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[JobSubmission.MAX_BODY_BYTES];
    java.util.Arrays.fill(body, (byte) ' ');
    System.arraycopy(json, 0, body, 0, json.length);
    assertThat(JobSubmission.fromJson(new ByteArrayInputStream(body), mapper).workers()).isEqualTo(1);
  }

  @Test
  void aTypeMismatchGivesTheParserErrorAndTheSchemaHint() {
    byte[] body = "{\"workers\":\"two\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JobSubmission.fromJson(new ByteArrayInputStream(body), mapper))
        .hasFieldOrPropertyWithValue("kind", "job.invalid_body")
        .hasMessageStartingWith("Cannot deserialize value of type `int` from String \"two\"")
        .hasMessageEndingWith("\n\njob submission schema can be found at https://docs.cortex.dev/v/0.35/");
  }
}
