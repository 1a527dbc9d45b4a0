package io.github.cortexj.core.internal.handler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Deep, unmodifiable copies of config maps (the JSON-like trees of maps, lists and scalars Cortex passes as
 * {@code config}), so that a handler can neither change the config another handler sees nor be surprised by a
 * later change. Key order is kept; {@code null} values are kept.
 *
 * <p>Stateless and thread safe.
 */
public final class ConfigCopy {

  private ConfigCopy() {}

  /**
   * Copies a config map deeply into unmodifiable maps and lists.
   *
   * @param config the config
   * @return the copy
   */
  public static Map<String, Object> deepUnmodifiable(Map<String, ?> config) {
    Map<String, Object> copy = new LinkedHashMap<>();
    config.forEach((key, value) -> copy.put(key, copyValue(value)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("NullAway") // config values may be JSON null; the maps and lists hold them as null
  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, nested) -> copy.put(key, copyValue(nested)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object nested : list) {
        copy.add(copyValue(nested));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
