package io.github.cortexj.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.ItemList;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.JobSubmissionException;
import io.github.cortexj.core.job.ObjectSource;
import java.time.Clock;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class JobSubmissionValidatorTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final InMemoryObjectStore store = new InMemoryObjectStore("data", Clock.systemUTC());
  private final JobSubmissionValidator validator = new JobSubmissionValidator(store);

  private JobSubmission read(String json) throws Exception {
    return mapper.readValue(json, JobSubmission.class);
  }

  private AbstractThrowableAssert<?, ?> refused(String json, String kind) throws Exception {
    JobSubmission submission = read(json);
    return assertThatThrownBy(() -> validator.validate(submission))
        .isInstanceOf(JobSubmissionException.class)
        .hasFieldOrPropertyWithValue("kind", kind);
  }

  @Test
  void refusesASubmissionWithoutInput() throws Exception {
    refused("{\"workers\":1}", "job.specify_exactly_one_key")
        .hasMessage("specify exactly one of the following keys: item_list, file_path_lister, or delimited_files");
  }

  @Test
  void namesOnlyTheTwoInputsThatWereSent() throws Exception {
    refused(
            "{\"workers\":1,\"item_list\":{\"items\":[1],\"batch_size\":1},"
                + "\"delimited_files\":{\"s3_paths\":[\"s3://data/x\"],\"batch_size\":1}}",
            "job.conflicting_fields")
        .hasMessage("please specify either the item_list or delimited_files field (but not more than one at the same"
            + " time)");
  }

  @Test
  void namesAllThreeInputsWhenAllWereSent() throws Exception {
    refused(
            "{\"workers\":1,\"item_list\":{\"items\":[1],\"batch_size\":1},"
                + "\"file_path_lister\":{\"s3_paths\":[\"s3://data/x\"],\"batch_size\":1},"
                + "\"delimited_files\":{\"s3_paths\":[\"s3://data/x\"],\"batch_size\":1}}",
            "job.conflicting_fields")
        .hasMessage("please specify either the item_list, file_path_lister, or delimited_files field (but not more"
            + " than one at the same time)");
  }

  @Test
  void refusesAnEmptyItemList() throws Exception {
    refused("{\"workers\":1,\"item_list\":{\"items\":[],\"batch_size\":1}}", JobSubmissionValidator.INVALID_FIELD)
        .hasMessage("items: must contain at least 1 elements");
  }

  @Test
  void acceptsAnItemOfExactly256000BytesAndRefusesOneByteMore() {
    String exact = "\"" + "a".repeat(256_000 - 2) + "\"";
    String over = "\"" + "a".repeat(256_000 - 1) + "\"";
    validator.validate(JobSubmission.items(List.of(mapper.getNodeFactory().textNode(exact.substring(1,
        exact.length() - 1)))).build());
    JobSubmission submission =
        JobSubmission.items(List.of(1, over.substring(1, over.length() - 1))).build();
    assertThatThrownBy(() -> validator.validate(submission))
        .hasFieldOrPropertyWithValue("kind", "batchapi.item_size_exceeds_limit")
        .hasMessage("item 1 has size 256001 bytes which exceeds the limit (256000 bytes)");
  }

  @Test
  void checksTheItemSizeBeforeTheBatchSize() {
    JobSubmission submission = new JobSubmission(
        1, null, null, null, new ItemList(List.of(mapper.getNodeFactory().textNode("a".repeat(300_000))), 0),
        null, null, null, null);
    assertThatThrownBy(() -> validator.validate(submission))
        .hasFieldOrPropertyWithValue("kind", "batchapi.item_size_exceeds_limit");
  }

  @Test
  void refusesABatchSizeBelowOneNamingTheInput() throws Exception {
    refused("{\"workers\":1,\"item_list\":{\"items\":[1],\"batch_size\":0}}", JobSubmissionValidator.INVALID_FIELD)
        .hasMessage("item_list: batch_size: must be greater than or equal to 1 (got 0)");
  }

  @Test
  void readsAMissingWorkersAsZeroAndRefusesIt() throws Exception {
    refused("{\"item_list\":{\"items\":[1],\"batch_size\":1}}", JobSubmissionValidator.INVALID_FIELD)
        .hasMessage("workers: must be greater than or equal to 1 (got 0)");
  }

  @Test
  void refusesATimeoutBelowOne() throws Exception {
    refused("{\"workers\":1,\"timeout\":0,\"item_list\":{\"items\":[1],\"batch_size\":1}}",
            JobSubmissionValidator.INVALID_FIELD)
        .hasMessage("timeout: must be greater than or equal to 1 (got 0)");
  }

  @Test
  void refusesAPathThatIsNotAnS3Path() {
    JobSubmission submission = JobSubmission.filePaths(List.of("data/x")).build();
    assertThatThrownBy(() -> validator.validate(submission))
        .hasFieldOrPropertyWithValue("kind", "aws.invalid_s3_path")
        .hasMessage("\"data/x\" is not a valid s3 path (e.g. s3://cortex-examples/iris-classifier/tensorflow is a"
            + " valid s3 path)");
  }

  @Test
  void refusesAPathInAnotherBucketNamingIt() {
    JobSubmission submission = JobSubmission.filePaths(List.of("s3://other/x")).build();
    assertThatThrownBy(() -> validator.validate(submission))
        .hasFieldOrPropertyWithValue("kind", "batchapi.unknown_bucket")
        .hasMessage("file_path_lister: s3_paths: \"s3://other/x\" names bucket \"other\", but this cluster's object"
            + " store is bucket \"data\"");
  }

  @Test
  void refusesAnInvalidGlobNamingTheList() {
    store.putText("in/a.json", "1", null);
    JobSubmission submission =
        JobSubmission.delimitedFiles(List.of("s3://data/in")).includes(List.of("**.{json")).build();
    assertThatThrownBy(() -> validator.validate(submission))
        .hasMessage("delimited_files: includes: invalid glob pattern \"**.{json\": unclosed '{' in pattern");
  }

  @Test
  void refusesWhenNoObjectMatches() {
    store.putText("in/a.txt", "1", null);
    JobSubmission submission =
        JobSubmission.delimitedFiles(List.of("s3://data/in")).includes(List.of("**.json")).build();
    assertThatThrownBy(() -> validator.validate(submission))
        .hasFieldOrPropertyWithValue("kind", "batchapi.no_s3_files_found")
        .hasMessage("no s3 files match search criteria");
  }

  @Test
  void dryRunListsEachMatchOnceThenValidationsPassed() {
    store.putText("in/a.json", "1", null);
    store.putText("in/b.json", "2", null);
    store.putText("in/skip.json", "3", null);
    JobSubmission submission =
        new JobSubmission(
            1, null, null, null, null,
            new ObjectSource(List.of("s3://data/in", "s3://data/in/a"), List.of("**.json"),
                List.of("**/skip*"), 1),
            null, null, null);

    DryRunResult result = validator.dryRun(submission);

    assertThat(result.text()).isEqualTo("s3://data/in/a.json\ns3://data/in/b.json\nvalidations passed");
  }

  @Test
  void dryRunOfAnItemListIsOnlyTheFinalLine() {
    assertThat(validator.dryRun(JobSubmission.items(List.of(1)).build()).text()).isEqualTo("validations passed");
  }
}
