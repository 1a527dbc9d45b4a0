package io.github.cortexj.core.job;

import java.util.List;

/**
 * What a dry run found: the submission passed validation, and for object inputs these are the objects the job
 * would read (each once, unlike Cortex, which repeats them per {@code s3_paths} entry).
 *
 * <p>Immutable.
 *
 * @param matchedPaths the matching objects as {@code s3://bucket/key}, in listing order; empty for
 *     {@code item_list}
 */
public record DryRunResult(List<String> matchedPaths) {

  /** The last line of Cortex's dry-run answer. */
  public static final String PASSED = "validations passed";

  /** Copies the list. */
  public DryRunResult {
    matchedPaths = List.copyOf(matchedPaths);
  }

  /**
   * Returns Cortex's {@code text/plain} dry-run answer: one matched path per line, then {@value #PASSED} with no
   * trailing newline.
   *
   * @return the text
   */
  public String text() {
    StringBuilder text = new StringBuilder();
    for (String path : matchedPaths) {
      text.append(path).append('\n');
    }
    return text.append(PASSED).toString();
  }
}
