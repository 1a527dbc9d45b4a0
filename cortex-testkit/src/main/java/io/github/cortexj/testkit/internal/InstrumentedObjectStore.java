package io.github.cortexj.testkit.internal;

import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.testkit.Faults.StoreCall;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link ObjectStore} decorator that logs every write and delete to the cluster's {@link ClusterEvents} and
 * applies the {@link FaultPlan}'s store faults (including the lost writes of a crashed worker).
 *
 * <p>Thread safe as far as the delegate is.
 */
public final class InstrumentedObjectStore implements ObjectStore {

  private final ObjectStore delegate;
  private final ClusterEvents events;
  private final FaultPlan faults;

  /**
   * Wraps a store.
   *
   * @param delegate the real store
   * @param events the log
   * @param faults the planned faults
   */
  public InstrumentedObjectStore(ObjectStore delegate, ClusterEvents events, FaultPlan faults) {
    this.delegate = delegate;
    this.events = events;
    this.faults = faults;
  }

  @Override
  public String bucket() {
    return delegate.bucket();
  }

  @Override
  public void put(String key, byte[] content, @Nullable String contentType) {
    faults.beforeStoreCall(StoreCall.PUT, key);
    delegate.put(key, content, contentType);
    events.activity("store", "put " + key + " (" + content.length + " bytes)");
  }

  @Override
  public void put(String key, InputStream content, long length, @Nullable String contentType) {
    faults.beforeStoreCall(StoreCall.PUT, key);
    delegate.put(key, content, length, contentType);
    events.activity("store", "put " + key + " (" + length + " bytes)");
  }

  @Override
  public Optional<StoredObject> get(String key) {
    faults.beforeStoreCall(StoreCall.GET, key);
    return delegate.get(key);
  }

  @Override
  public Optional<ObjectStream> open(String key) {
    faults.beforeStoreCall(StoreCall.OPEN, key);
    return delegate.open(key);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    faults.beforeStoreCall(StoreCall.HEAD, key);
    return delegate.head(key);
  }

  @Override
  public ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys) {
    faults.beforeStoreCall(StoreCall.LIST, prefix);
    return delegate.list(prefix, continuationToken, maxKeys);
  }

  @Override
  public void delete(String key) {
    faults.beforeStoreCall(StoreCall.DELETE, key);
    delegate.delete(key);
    events.activity("store", "delete " + key);
  }

  @Override
  public int deleteByPrefix(String prefix) {
    faults.beforeStoreCall(StoreCall.DELETE_BY_PREFIX, prefix);
    int deleted = delegate.deleteByPrefix(prefix);
    events.activity("store", "delete " + deleted + " objects under " + prefix);
    return deleted;
  }

  @Override
  public String toString() {
    return "Instrumented[" + delegate + "]";
  }
}
