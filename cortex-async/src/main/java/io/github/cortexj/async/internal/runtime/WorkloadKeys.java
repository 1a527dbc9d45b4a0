package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.AsyncStatus;

/**
 * The object keys of async requests (Cortex's layout, §2 of the reference, under the cluster's key prefix):
 * {@code <root>/workloads/<api>/<id>/} holds {@code payload} (stored with the request's Content-Type),
 * {@code status/<marker>}, {@code result.json}, and, beyond Cortex, {@code error.json} next to the {@code failed}
 * marker.
 *
 * <p>Immutable and thread safe.
 *
 * @param root the cluster's key prefix, without a trailing {@code /}; empty for none
 */
public record WorkloadKeys(String root) {

  /**
   * Returns the prefix of every request of an API.
   *
   * @param api the API name
   * @return the prefix, ending in {@code /}
   */
  public String api(String api) {
    return (root.isEmpty() ? "" : root + "/") + "workloads/" + api + "/";
  }

  /**
   * Returns the prefix of one request.
   *
   * @param api the API name
   * @param id the request id
   * @return the prefix, ending in {@code /}
   */
  public String request(String api, String id) {
    return api(api) + id + "/";
  }

  String payload(String api, String id) {
    return request(api, id) + "payload";
  }

  String statusPrefix(String api, String id) {
    return request(api, id) + "status/";
  }

  String marker(String api, String id, AsyncStatus status) {
    return statusPrefix(api, id) + status.code();
  }

  String result(String api, String id) {
    return request(api, id) + "result.json";
  }

  String error(String api, String id) {
    return request(api, id) + "error.json";
  }
}
