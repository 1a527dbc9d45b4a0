package io.github.cortexj.core.backend;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an {@link ObjectStore#list} call.
 *
 * @param objects the objects of this page in ascending key order
 * @param nextToken the token for the next page, or {@code null} when this is the last page
 */
public record ObjectPage(List<ObjectInfo> objects, @Nullable String nextToken) {

  /** Copies the list. */
  public ObjectPage {
    objects = List.copyOf(objects);
  }
}
