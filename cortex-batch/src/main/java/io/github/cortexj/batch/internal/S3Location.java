package io.github.cortexj.batch.internal;

import io.github.cortexj.core.job.JobSubmissionException;

/**
 * A parsed {@code s3://bucket[/prefix]} path of a job input.
 *
 * @param bucket the bucket, not empty
 * @param prefix the key prefix, possibly empty
 */
public record S3Location(String bucket, String prefix) {

  /** Cortex's kind for a path that is not {@code s3://bucket[/key]}. */
  public static final String INVALID_PATH = "aws.invalid_s3_path";

  /** The kind for a path in a bucket the cluster does not use. */
  public static final String FOREIGN_BUCKET = "batchapi.unknown_bucket";

  /**
   * Parses a path.
   *
   * @param path the path
   * @return the location
   * @throws JobSubmissionException of kind {@value #INVALID_PATH} when it is not an {@code s3://} path with a
   *     bucket
   */
  public static S3Location parse(String path) {
    if (!path.startsWith("s3://")) {
      throw invalid(path);
    }
    String rest = path.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    if (bucket.isEmpty()) {
      throw invalid(path);
    }
    return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
  }

  private static JobSubmissionException invalid(String path) {
    return new JobSubmissionException(
        INVALID_PATH,
        "\""
            + path
            + "\" is not a valid s3 path (e.g. s3://cortex-examples/iris-classifier/tensorflow is a valid s3"
            + " path)");
  }

  /**
   * Returns the full path of a key of this bucket.
   *
   * @param key the object key
   * @return {@code s3://bucket/key}
   */
  public String pathOf(String key) {
    return "s3://" + bucket + "/" + key;
  }
}
