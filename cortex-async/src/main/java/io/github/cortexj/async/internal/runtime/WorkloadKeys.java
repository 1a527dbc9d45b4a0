package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.AsyncStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The object keys of async requests (Cortex's layout, §2 of the reference, under the cluster's key prefix):
 * {@code <root>/workloads/<api>/<id>/} holds {@code payload} (stored with the request's Content-Type),
 * {@code status/<marker>}, {@code result.json}, and, beyond Cortex, {@code error.json} next to the {@code failed}
 * marker.
 *
 * <p>Each key is built in one concatenation from a prefix computed once: the replica and the gateway build several
 * keys per request.
 *
 * <p>Immutable and thread safe.
 */
public final class WorkloadKeys {

  private final String root;
  private final String workloads;

  /**
   * Creates the layout under a root.
   *
   * @param root the cluster's key prefix, without a trailing {@code /}; empty for none
   */
  public WorkloadKeys(String root) {
    this.root = Objects.requireNonNull(root, "root");
    this.workloads = (root.isEmpty() ? "" : root + "/") + "workloads/";
  }

  /**
   * Returns the cluster's key prefix.
   *
   * @return the prefix, without a trailing {@code /}; empty for none
   */
  public String root() {
    return root;
  }

  /**
   * Returns the prefix of every request of an API.
   *
   * @param api the API name
   * @return the prefix, ending in {@code /}
   */
  public String api(String api) {
    return workloads + api + "/";
  }

  /**
   * Returns the prefix of one request.
   *
   * @param api the API name
   * @param id the request id
   * @return the prefix, ending in {@code /}
   */
  public String request(String api, String id) {
    return workloads + api + "/" + id + "/";
  }

  String payload(String api, String id) {
    return workloads + api + "/" + id + "/payload";
  }

  String statusPrefix(String api, String id) {
    return workloads + api + "/" + id + "/status/";
  }

  String marker(String api, String id, AsyncStatus status) {
    return workloads + api + "/" + id + "/status/" + status.code();
  }

  String result(String api, String id) {
    return workloads + api + "/" + id + "/result.json";
  }

  String error(String api, String id) {
    return workloads + api + "/" + id + "/error.json";
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof WorkloadKeys keys && keys.root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return "WorkloadKeys[root=" + root + "]";
  }
}
