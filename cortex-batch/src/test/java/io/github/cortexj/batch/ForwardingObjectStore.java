package io.github.cortexj.batch;

import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.StoredObject;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An object store that passes every call to another; tests override the calls they change. */
abstract class ForwardingObjectStore implements ObjectStore {

  protected final ObjectStore delegate;

  ForwardingObjectStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public String bucket() {
    return delegate.bucket();
  }

  @Override
  public void put(String key, byte[] content, @Nullable String contentType) {
    delegate.put(key, content, contentType);
  }

  @Override
  public void put(String key, InputStream content, long length, @Nullable String contentType) {
    delegate.put(key, content, length, contentType);
  }

  @Override
  public Optional<StoredObject> get(String key) {
    return delegate.get(key);
  }

  @Override
  public Optional<ObjectStream> open(String key) {
    return delegate.open(key);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    return delegate.head(key);
  }

  @Override
  public ObjectPage list(String prefix, @Nullable String continuationToken, int maxKeys) {
    return delegate.list(prefix, continuationToken, maxKeys);
  }

  @Override
  public void delete(String key) {
    delegate.delete(key);
  }

  @Override
  public int deleteByPrefix(String prefix) {
    return delegate.deleteByPrefix(prefix);
  }
}
