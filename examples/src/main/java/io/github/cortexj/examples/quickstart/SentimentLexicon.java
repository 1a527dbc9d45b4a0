package io.github.cortexj.examples.quickstart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.ProjectFiles;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The quickstart's sentiment lexicon (word to score, from a project file), shared by the batch and the async
 * handler: a review's score is the sum of its words' scores, and its label follows from a threshold.
 *
 * <p>Immutable and thread safe.
 */
final class SentimentLexicon {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

  private final Map<String, Integer> scores;
  private final int threshold;

  private SentimentLexicon(Map<String, Integer> scores, int threshold) {
    this.scores = Map.copyOf(scores);
    this.threshold = threshold;
  }

  /**
   * Reads the lexicon named by the config's {@code lexicon} from the project, with the config's {@code threshold}
   * (default 1).
   */
  static SentimentLexicon fromConfig(Map<String, Object> config, ProjectFiles files) throws IOException {
    Map<String, Integer> scores =
        JSON.readValue(files.read((String) config.get("lexicon")), new TypeReference<Map<String, Integer>>() {});
    return new SentimentLexicon(scores, ((Number) config.getOrDefault("threshold", 1)).intValue());
  }

  /** Sums the scores of the text's words. */
  int score(String text) {
    int score = 0;
    for (String word : NON_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
      score += scores.getOrDefault(word, 0);
    }
    return score;
  }

  /** Labels a score: {@code positive} at or above the threshold, {@code negative} at or below its opposite. */
  String label(int score) {
    if (score >= threshold) {
      return "positive";
    }
    return score <= -threshold ? "negative" : "neutral";
  }
}
