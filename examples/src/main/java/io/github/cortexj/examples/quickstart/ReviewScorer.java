package io.github.cortexj.examples.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.payload.Payload;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quickstart's AsyncAPI handler: scores one review (a JSON object with {@code product} and {@code text}) with
 * the same lexicon as the batch handler, and returns its score and label. A body that is not such an object fails
 * the request with a message saying so.
 *
 * <p>Built once per replica by constructor injection: the API config and the project files.
 */
public final class ReviewScorer implements AsyncHandler {

  private final SentimentLexicon lexicon;

  /**
   * Reads the lexicon named by the config from the project.
   *
   * @param config the API config: {@code lexicon}, {@code threshold}
   * @param files the project's files
   * @throws IOException when the lexicon cannot be read
   */
  public ReviewScorer(Map<String, Object> config, ProjectFiles files) throws IOException {
    this.lexicon = SentimentLexicon.fromConfig(config, files);
  }

  @Override
  public Object handleAsync(Payload payload, AsyncContext context) {
    if (!(payload instanceof Payload.Json json) || !json.value().path("text").isTextual()) {
      throw new IllegalArgumentException("expected a JSON review with a \"text\" field");
    }
    JsonNode review = json.value();
    int score = lexicon.score(review.get("text").asText());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("product", review.path("product").asText("unknown"));
    result.put("score", score);
    result.put("label", lexicon.label(score));
    return result;
  }
}
