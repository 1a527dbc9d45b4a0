package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The operator's answer to a submission (§7.6): Go JSON, map keys sorted, no total_batch_count. */
  private static final String SUBMISSION_RESPONSE =
      "{\"job_id\":\"69a1b2c3d4e5f607\",\"api_name\":\"image-classifier\",\"kind\":\"BatchAPI\",\"workers\":2,"
          + "\"sqs_dead_letter_queue\":null,"
          + "\"config\":{\"bucket\":\"my-bucket\",\"labels\":[\"cat\",\"dog\"],\"nested\":{\"a\":null,\"b\":true},"
          + "\"retries\":3,\"threshold\":0.5},"
          + "\"timeout\":null,\"api_id\":\"6a1f0b2c-3d4e-5f60-7a8b-9c0d1e2f3a4b--0f1e2d3c4b5a6978\","
          + "\"sqs_url\":\"\",\"start_time\":\"2021-06-01T12:00:00.123456789Z\"}";

  /** The spec.json the controller rewrites before the workers start: queue URL and batch count added. */
  private static final String CONTROLLER_SPEC =
      "{\"job_id\":\"69a1b2c3d4e5f607\",\"api_name\":\"image-classifier\",\"kind\":\"BatchAPI\",\"workers\":4,"
          + "\"sqs_dead_letter_queue\":{\"arn\":\"arn:aws:sqs:us-west-2:123456789012:dlq.fifo\","
          + "\"max_receive_count\":3},"
          + "\"config\":null,\"timeout\":3600,\"api_id\":\"6a1f0b2c--0f1e2d3c\","
          + "\"sqs_url\":\"https://sqs.us-west-2.amazonaws.com/123456789012/cx_1a2b3c4d_b_image-classifier_69a1b2c3d4e5f607.fifo\","
          + "\"total_batch_count\":10,\"start_time\":\"2021-06-01T12:00:00.1234Z\"}";

  private static JobSpec.Builder minimal() {
    return JobSpec.builder().jobId("69a1b2c3d4e5f607").apiName("image-classifier").startTime(Instant.EPOCH);
  }

  @Test
  void roundTripOfTheSubmissionResponseIsIdentical() throws Exception {
    JobSpec spec = MAPPER.readValue(SUBMISSION_RESPONSE, JobSpec.class);

    assertThat(MAPPER.writeValueAsString(spec)).isEqualTo(SUBMISSION_RESPONSE);
  }

  @Test
  void roundTripOfTheControllerSpecIsIdentical() throws Exception {
    JobSpec spec = MAPPER.readValue(CONTROLLER_SPEC, JobSpec.class);

    assertThat(MAPPER.writeValueAsString(spec)).isEqualTo(CONTROLLER_SPEC);
  }

  @Test
  void readsEveryFieldOfCortexsJson() throws Exception {
    JobSpec spec = MAPPER.readValue(CONTROLLER_SPEC, JobSpec.class);

    assertThat(spec)
        .isEqualTo(
            JobSpec.builder()
                .jobId("69a1b2c3d4e5f607")
                .apiName("image-classifier")
                .workers(4)
                .sqsDeadLetterQueue(
                    new JobSpec.DeadLetterQueue("arn:aws:sqs:us-west-2:123456789012:dlq.fifo", 3))
                .timeout(3600)
                .apiId("6a1f0b2c--0f1e2d3c")
                .sqsUrl(
                    "https://sqs.us-west-2.amazonaws.com/123456789012/cx_1a2b3c4d_b_image-classifier_69a1b2c3d4e5f607.fifo")
                .totalBatchCount(10)
                .startTime(Instant.parse("2021-06-01T12:00:00.1234Z"))
                .build());
  }

  @Test
  void omitsTotalBatchCountWhileZero() throws Exception {
    assertThat(MAPPER.writeValueAsString(minimal().build())).doesNotContain("total_batch_count");
  }

  @Test
  void writesTotalBatchCountOnceKnown() throws Exception {
    assertThat(MAPPER.writeValueAsString(minimal().totalBatchCount(7).build())).contains("\"total_batch_count\":7,");
  }

  @Test
  void writesStartTimeInUtcWithNanoseconds() throws Exception {
    Instant start = OffsetDateTime.parse("2021-06-01T14:00:00.123456789+02:00").toInstant();

    assertThat(MAPPER.writeValueAsString(minimal().startTime(start).build()))
        .endsWith("\"start_time\":\"2021-06-01T12:00:00.123456789Z\"}");
  }

  @Test
  void dropsTrailingZerosOfTheFractionAsGoDoes() throws Exception {
    assertThat(MAPPER.writeValueAsString(minimal().startTime(Instant.parse("2021-06-01T12:00:00.120Z")).build()))
        .endsWith("\"start_time\":\"2021-06-01T12:00:00.12Z\"}");
  }

  @Test
  void writesWholeSecondsWithoutAFraction() throws Exception {
    assertThat(MAPPER.writeValueAsString(minimal().startTime(Instant.parse("2021-06-01T12:00:00Z")).build()))
        .endsWith("\"start_time\":\"2021-06-01T12:00:00Z\"}");
  }

  @Test
  void readsStartTimeWithAnOffset() throws Exception {
    String json = SUBMISSION_RESPONSE.replace("12:00:00.123456789Z", "14:00:00.5+02:00");

    assertThat(MAPPER.readValue(json, JobSpec.class).startTime()).isEqualTo(Instant.parse("2021-06-01T12:00:00.5Z"));
  }

  @Test
  void rejectsAStartTimeThatIsNotRfc3339() {
    String json = SUBMISSION_RESPONSE.replace("2021-06-01T12:00:00.123456789Z", "yesterday");

    assertThatThrownBy(() -> MAPPER.readValue(json, JobSpec.class))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("not an RFC 3339 date-time");
  }

  @Test
  void writesNullFieldsEvenWhenTheMapperOmitsNulls() throws Exception {
    ObjectMapper omitting = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    assertThat(omitting.writeValueAsString(MAPPER.readValue(SUBMISSION_RESPONSE, JobSpec.class)))
        .isEqualTo(SUBMISSION_RESPONSE);
  }

  @Test
  void ignoresPropertiesItDoesNotKnow() throws Exception {
    String jobStatus =
        SUBMISSION_RESPONSE.substring(0, SUBMISSION_RESPONSE.length() - 1)
            + ",\"status\":\"running\",\"batches_in_queue\":3,\"worker_counts\":{\"running\":2}}";

    assertThat(MAPPER.readValue(jobStatus, JobSpec.class))
        .isEqualTo(MAPPER.readValue(SUBMISSION_RESPONSE, JobSpec.class));
  }

  @Test
  void readsMissingApiIdAndQueueUrlAsEmpty() throws Exception {
    String json =
        "{\"job_id\":\"1f\",\"api_name\":\"a\",\"kind\":\"BatchAPI\",\"workers\":1,"
            + "\"start_time\":\"2021-06-01T12:00:00Z\"}";

    JobSpec spec = MAPPER.readValue(json, JobSpec.class);

    assertThat(spec.apiId()).isEmpty();
    assertThat(spec.sqsUrl()).isEmpty();
    assertThat(spec.config()).isNull();
    assertThat(spec.timeout()).isNull();
  }

  @Test
  void keepsTheConfigDeeplyUnmodifiable() throws Exception {
    JobSpec spec = MAPPER.readValue(SUBMISSION_RESPONSE, JobSpec.class);
    Map<String, Object> config = spec.config();

    assertThat(config).isNotNull();
    assertThatThrownBy(() -> config.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> labels = (List<Object>) config.get("labels");
    assertThatThrownBy(() -> labels.add("bird")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesTheConfigItIsGiven() {
    Map<String, Object> config = new java.util.HashMap<>(Map.of("a", 1));
    JobSpec spec = minimal().config(config).build();
    config.put("b", 2);

    assertThat(spec.config()).containsOnlyKeys("a");
  }

  @Test
  void rejectsZeroWorkersWithCortexsMessage() {
    assertThatThrownBy(() -> minimal().workers(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workers: must be greater than or equal to 1 (got 0)");
  }

  @Test
  void rejectsAZeroTimeoutWithCortexsMessage() {
    assertThatThrownBy(() -> minimal().timeout(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout: must be greater than or equal to 1 (got 0)");
  }

  @Test
  void rejectsADeadLetterQueueWithoutArn() {
    assertThatThrownBy(() -> new JobSpec.DeadLetterQueue("", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sqs_dead_letter_queue: arn: cannot be empty");
  }

  @Test
  void rejectsADeadLetterQueueWithZeroReceives() {
    assertThatThrownBy(() -> new JobSpec.DeadLetterQueue("arn:aws:sqs:us-west-2:1:dlq", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sqs_dead_letter_queue: max_receive_count: must be greater than or equal to 1 (got 0)");
  }

  @Test
  void rejectsABlankJobId() {
    assertThatThrownBy(() -> minimal().jobId(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("job_id: must not be empty");
  }

  @Test
  void requiresTheJobId() {
    assertThatThrownBy(() -> JobSpec.builder().apiName("a").startTime(Instant.EPOCH).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JobSpec: jobId is required");
  }

  @Test
  void requiresTheStartTime() {
    assertThatThrownBy(() -> JobSpec.builder().jobId("1f").apiName("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JobSpec: startTime is required");
  }

  @Test
  void builderDefaultsMatchASubmissionWithoutOptions() {
    JobSpec spec = minimal().build();

    assertThat(spec.kind()).isEqualTo("BatchAPI");
    assertThat(spec.workers()).isEqualTo(1);
    assertThat(spec.sqsDeadLetterQueue()).isNull();
    assertThat(spec.totalBatchCount()).isZero();
  }

  @Test
  void toBuilderKeepsEveryFieldAndChangesOnlyWhatIsSet() throws Exception {
    JobSpec submitted = MAPPER.readValue(SUBMISSION_RESPONSE, JobSpec.class);

    JobSpec started = submitted.toBuilder().sqsUrl("https://sqs/q.fifo").totalBatchCount(3).build();

    assertThat(started)
        .usingRecursiveComparison()
        .ignoringFields("sqsUrl", "totalBatchCount")
        .isEqualTo(submitted);
    assertThat(started.sqsUrl()).isEqualTo("https://sqs/q.fifo");
    assertThat(started.totalBatchCount()).isEqualTo(3);
  }
}
