package io.github.cortexj.async.internal.gateway;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.spec.ApiKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Maps request paths to the deployed AsyncAPIs, by each API's {@code networking.endpoint}: {@code /<endpoint>} is
 * the API itself and {@code /<endpoint>/<id>} one of its requests. An exact endpoint wins over a shorter endpoint
 * followed by an id.
 *
 * <p>The table is a snapshot of {@link CortexClient#listApis()}, which can be costly (it describes every API), so
 * it is reused until it is older than the refresh interval, and rebuilt at once when a path matches nothing (so
 * that an API deployed a moment ago is served) or when the cluster says an API it names is gone. One thread
 * rebuilds at a time; the others keep using the snapshot they have, except the ones that missed, which wait for
 * the new one.
 *
 * <p>Thread safe.
 */
final class EndpointRoutes {

  /** An immutable table and from when it is due for a refresh ({@link Instant#MIN}: at once). */
  private record Snapshot(Map<String, String> apisByEndpoint, Instant staleAt) {}

  private final CortexClient client;
  private final Clock clock;
  private final Duration maxAge;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot snapshot;

  EndpointRoutes(CortexClient client, Clock clock, Duration maxAge) {
    this.client = client;
    this.clock = clock;
    this.maxAge = maxAge;
    this.snapshot = new Snapshot(Map.of(), Instant.MIN);
  }

  /**
   * Finds where a path leads.
   *
   * @param rawPath the request's raw path, starting with {@code /}
   * @return the route, or empty when no deployed AsyncAPI serves the path
   */
  Optional<Route> resolve(String rawPath) {
    Snapshot current = snapshot;
    if (isStale(current) && refreshing.tryLock()) {
      try {
        current = refreshIfUnchanged(current);
      } finally {
        refreshing.unlock();
      }
    }
    Optional<Route> route = match(current, rawPath);
    if (route.isPresent()) {
      return route;
    }
    refreshing.lock();
    try {
      return match(refreshIfUnchanged(current), rawPath);
    } finally {
      refreshing.unlock();
    }
  }

  /** Forgets the table, so that the next request reads the APIs again: one of them is no longer deployed. */
  void invalidate() {
    snapshot = new Snapshot(snapshot.apisByEndpoint(), Instant.MIN);
  }

  private boolean isStale(Snapshot current) {
    return current.staleAt().equals(Instant.MIN) || !clock.instant().isBefore(current.staleAt());
  }

  /** Rebuilds the table unless another thread did since {@code seen} was read. Called with the lock held. */
  private Snapshot refreshIfUnchanged(Snapshot seen) {
    Snapshot current = snapshot;
    if (current != seen) {
      return current;
    }
    Instant readAt = clock.instant();
    Map<String, String> apisByEndpoint = new HashMap<>();
    for (ApiInfo api : client.listApis()) {
      if (api.spec().kind() == ApiKind.ASYNC_API) {
        apisByEndpoint.putIfAbsent(api.spec().networking().endpoint(), api.name());
      }
    }
    Snapshot fresh = new Snapshot(Map.copyOf(apisByEndpoint), readAt.plus(maxAge));
    snapshot = fresh;
    return fresh;
  }

  private static Optional<Route> match(Snapshot table, String rawPath) {
    String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    Map<String, String> apis = table.apisByEndpoint();
    String api = apis.get(path);
    if (api != null) {
      return Optional.of(new Route(api, null));
    }
    int slash = path.lastIndexOf('/');
    // An empty id ("/iris//") is no request.
    if (slash > 0 && slash < path.length() - 1) {
      String parent = apis.get(path.substring(0, slash));
      if (parent != null) {
        return Optional.of(new Route(parent, path.substring(slash + 1)));
      }
    }
    return Optional.empty();
  }
}
