package io.github.cortexj.core.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code file_path_lister} or {@code delimited_files} input of a job: objects of the cluster's object store
 * found under {@code s3://bucket/prefix} paths and filtered by glob patterns matched against the full
 * {@code s3://bucket/key}. With {@code file_path_lister} each batch is a list of {@code s3://} paths; with
 * {@code delimited_files} each batch holds JSON values read from the objects.
 *
 * <p>Immutable. Not validated here: {@code JobSubmission} validation reports problems in Cortex's order.
 *
 * @param s3Paths the key prefixes to list, as {@code s3://bucket/prefix}; empty when absent
 * @param includes globs of which an object must match one, when not empty
 * @param excludes globs of which an object must match none
 * @param batchSize how many paths or values each batch holds
 */
@JsonPropertyOrder({"s3_paths", "includes", "excludes", "batch_size"})
public record ObjectSource(
    @JsonProperty("s3_paths") List<String> s3Paths,
    @JsonProperty("includes") List<String> includes,
    @JsonProperty("excludes") List<String> excludes,
    @JsonProperty("batch_size") int batchSize) {

  /** Copies the lists; a {@code null} list reads as empty. */
  public ObjectSource {
    s3Paths = s3Paths == null ? List.of() : List.copyOf(s3Paths);
    includes = includes == null ? List.of() : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
  }
}
