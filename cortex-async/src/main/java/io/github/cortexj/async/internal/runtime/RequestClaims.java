package io.github.cortexj.async.internal.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Orders, within this process, the steps that race on one request id: a submission checking that the id is free,
 * a cancellation checking that the request is still queued, and a replica taking the request. Steps for the same
 * id run one at a time (under one of a fixed set of striped locks, so different ids rarely wait for each other); a
 * replica's claim lasts until it has recorded the outcome. Other processes sharing the store are not covered: as
 * in Cortex, the store is the only state they share.
 *
 * <p>Thread safe.
 */
final class RequestClaims {

  private static final int STRIPES = 64;

  private final Object[] locks = new Object[STRIPES];
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();

  RequestClaims() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Runs a step while no other step for the same id runs. */
  <T> T exclusively(String id, Supplier<T> step) {
    synchronized (locks[Math.floorMod(id.hashCode(), STRIPES)]) {
      return step.get();
    }
  }

  /** Tells whether a replica here is handling the id; call within {@link #exclusively}. */
  boolean isClaimed(String id) {
    return claimed.contains(id);
  }

  /** Claims the id for a replica; call within {@link #exclusively}. */
  void claim(String id) {
    claimed.add(id);
  }

  /** Releases a replica's claim. */
  void release(String id) {
    claimed.remove(id);
  }
}
