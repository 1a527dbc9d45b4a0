package io.github.cortexj.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReviewPipelineTaskTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void acceptsTheProjectSampleReviews() throws Exception {
    assertThat(ReviewPipelineTask.validate("sample-reviews.json",
            JSON.readTree(Path.of("quickstart/sample-reviews.json").toFile())))
        .hasSize(20);
  }

  @Test
  void rejectsAReviewWithoutTextNamingItsIndexAndField() throws Exception {
    String data = "[{\"id\":1,\"product\":\"lamp\",\"text\":\"good\"},{\"id\":2,\"product\":\"lamp\"}]";

    assertThatThrownBy(() -> ReviewPipelineTask.validate("d.json", JSON.readTree(data)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("d.json: review 1: text must be a non-blank string");
  }

  @Test
  void rejectsARepeatedId() throws Exception {
    String data = "[{\"id\":7,\"product\":\"a\",\"text\":\"b\"},{\"id\":7,\"product\":\"a\",\"text\":\"b\"}]";

    assertThatThrownBy(() -> ReviewPipelineTask.validate("d.json", JSON.readTree(data)))
        .hasMessage("d.json: review 1: id 7 appears twice");
  }
}
