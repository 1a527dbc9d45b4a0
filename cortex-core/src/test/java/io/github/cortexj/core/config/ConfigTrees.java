package io.github.cortexj.core.config;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of config trees: ordered maps of maps, lists and scalars (integers, doubles, strings,
 * booleans, {@code null}). Keys come from a five-letter alphabet so that an API config and a job config share keys
 * often, which is where merging does something.
 */
final class ConfigTrees {

  private static final List<String> KEYS = List.of("a", "b", "c", "d", "e");

  private ConfigTrees() {}

  static Gen<Map<String, @Nullable Object>> configs() {
    return maps(3);
  }

  static Gen<Map<String, @Nullable Object>> maps(int depth) {
    Gen<Pair<String, @Nullable Object>> entries = Generate.pick(KEYS).zip(values(depth - 1), Pair::of);
    return lists()
        .of(entries)
        .ofSizeBetween(0, 4)
        .map(
            list -> {
              Map<String, @Nullable Object> map = new LinkedHashMap<>();
              list.forEach(entry -> map.put(entry._1, entry._2));
              return map;
            });
  }

  private static Gen<@Nullable Object> values(int depth) {
    Gen<@Nullable Object> scalars =
        Generate.oneOf(
            integers().between(-3, 3).map(i -> (Object) i),
            Generate.pick(List.of(0.5, -1.25)).map(d -> (Object) d),
            Generate.pick(List.of("x", "y", "")).map(s -> (Object) s),
            Generate.booleans().map(b -> (Object) b),
            Generate.booleans().map(b -> (@Nullable Object) null));
    if (depth <= 0) {
      return scalars;
    }
    Gen<@Nullable Object> lists =
        lists().of(values(depth - 1)).ofSizeBetween(0, 3).map(items -> (Object) new ArrayList<>(items));
    Gen<@Nullable Object> maps = maps(depth).map(map -> (Object) map);
    return Generate.frequency(Pair.of(3, scalars), Pair.of(1, lists), Pair.of(2, maps));
  }
}
