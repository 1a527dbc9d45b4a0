package io.github.cortexj.core.backend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Builds queue names as Cortex does (reference §1), kept within SQS's 80-character limit.
 *
 * <p>A batch job's queue is {@code cx_<hash8>_b_<api>_<job id>.fifo} and an async API's queue is
 * {@code cx_<hash8>_<api>_<deployment id>.fifo}, where {@code <hash8>} is the first 8 hex characters of the SHA-256
 * of the cluster name. With Cortex's own ids (API names of at most 42 characters, 16-character job ids) the names
 * always fit. A longer name keeps its {@code cx_<hash8>_} prefix and its {@code .fifo} suffix, and the end of
 * {@code <api>_<id>} that does not fit is replaced by {@code -} and 8 hex characters of the SHA-256 of the whole
 * {@code <api>_<id>}: the result is deterministic, exactly 80 characters, and different ids give different names
 * (up to a hash collision).
 *
 * <p>Inputs are validated before use, so that no caller-supplied text can make a name SQS refuses. Stateless and
 * thread safe.
 */
public final class QueueNames {

  /** The longest queue name SQS accepts. */
  public static final int MAX_LENGTH = 80;

  /** The longest API name Cortex accepts. */
  public static final int MAX_API_NAME_LENGTH = 42;

  /** The longest job or deployment id accepted; ids past what fits are shortened with a hash. */
  public static final int MAX_ID_LENGTH = 256;

  private static final String FIFO_SUFFIX = ".fifo";
  private static final Pattern API_NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

  private QueueNames() {}

  /**
   * Returns the first 8 hex characters of the SHA-256 of the cluster name, the part of every queue name that
   * keeps clusters apart.
   *
   * @param clusterName the cluster's name, not blank
   * @return 8 lowercase hex characters
   */
  public static String clusterHash(String clusterName) {
    if (clusterName.isBlank()) {
      throw invalid("cluster name must not be blank");
    }
    return sha256Hex(clusterName).substring(0, 8);
  }

  /**
   * Returns the name of a batch job's queue: {@code cx_<hash8>_b_<api>_<job id>.fifo}.
   *
   * @param clusterName the cluster's name
   * @param apiName the API's name (DNS-1035, at most 42 characters)
   * @param jobId the job's id (letters, digits and {@code -})
   * @return the queue name, at most 80 characters
   * @throws BackendException of kind {@code queue.invalid_name} naming the input at fault
   */
  public static String batchJobQueue(String clusterName, String apiName, String jobId) {
    return build("cx_" + clusterHash(clusterName) + "_b_", apiName, "job id", jobId);
  }

  /**
   * Returns the name of an async API's queue: {@code cx_<hash8>_<api>_<deployment id>.fifo}.
   *
   * @param clusterName the cluster's name
   * @param apiName the API's name (DNS-1035, at most 42 characters)
   * @param deploymentId the API's deployment id (letters, digits and {@code -})
   * @return the queue name, at most 80 characters
   * @throws BackendException of kind {@code queue.invalid_name} naming the input at fault
   */
  public static String asyncQueue(String clusterName, String apiName, String deploymentId) {
    return build("cx_" + clusterHash(clusterName) + "_", apiName, "deployment id", deploymentId);
  }

  private static String build(String prefix, String apiName, String idField, String id) {
    if (apiName.length() > MAX_API_NAME_LENGTH || !API_NAME.matcher(apiName).matches()) {
      throw invalid(
          "API name \"" + apiName + "\" must be 1 to " + MAX_API_NAME_LENGTH
              + " characters of lowercase letters, digits and '-', starting with a letter and not ending with '-'");
    }
    if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
      throw invalid(
          idField + " \"" + id + "\" must be 1 to " + MAX_ID_LENGTH
              + " characters of letters, digits and '-', starting with a letter or digit");
    }
    String tail = apiName + "_" + id;
    String name = prefix + tail + FIFO_SUFFIX;
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String hash = sha256Hex(tail).substring(0, 8);
    int keep = MAX_LENGTH - prefix.length() - FIFO_SUFFIX.length() - 1 - hash.length();
    return prefix + tail.substring(0, keep) + "-" + hash + FIFO_SUFFIX;
  }

  private static BackendException invalid(String message) {
    return new BackendException("queue.invalid_name", message);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
