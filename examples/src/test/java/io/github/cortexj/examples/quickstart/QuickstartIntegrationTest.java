package io.github.cortexj.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartIntegrationTest {

  @Test
  void deploysRunsTheJobAndPrintsTheSummary() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      exit = QuickstartMain.run(new String[0], out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(output).isZero();
    assertThat(output)
        .startsWith(
            "created reviews (BatchAPI)\ncreated review-scorer (AsyncAPI)\ncreated review-pipeline (TaskAPI)\n"
                + "submitted job ")
        .contains(": 3000 reviews, batch size 50, 4 workers")
        .contains("  succeeded: 60/60 batches done (0 failed)")
        .containsPattern("job [0-9a-f]+ succeeded in \\d+ ms")
        .containsPattern(
            "onJobComplete summary: \\{\"job_id\":\"[0-9a-f]+\",\"batches\":60,\"labels\":\\{\"negative\":\\d+,"
                + "\"neutral\":\\d+,\"positive\":\\d+},\"most_loved_product\":\"[a-z-]+\"}")
        .contains(
            "submitted 3 requests to review-scorer\n"
                + "  review-1 completed: {\"product\":\"kettle\",\"score\":6,\"label\":\"positive\"}\n"
                + "  review-2 completed: {\"product\":\"headphones\",\"score\":-5,\"label\":\"negative\"}\n"
                + "  review-3 completed: {\"product\":\"lamp\",\"score\":0,\"label\":\"neutral\"}\n")
        .containsPattern("task [0-9a-f]+ \\(review-pipeline\\) succeeded\n")
        .containsPattern("  its job [0-9a-f]+ succeeded: 4 batches of sample-reviews.json scored\n");
  }
}
