package io.github.cortexj.core.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of valid API specs, built only from values Cortex's rules accept. */
final class SpecGenerators {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final Gen<Integer> DIGIT = Generate.range(0, 9);

  private SpecGenerators() {}

  static Gen<Integer> range(int min, int max) {
    return Generate.range(min, max);
  }

  static char pick(RandomnessSource source, String alphabet) {
    return alphabet.charAt(Generate.range(0, alphabet.length() - 1).generate(source));
  }

  /** DNS-1035 names of 1 to 42 characters that do not start with {@code b-}. */
  static Gen<String> names() {
    return source -> {
      int length = range(1, 42).generate(source);
      StringBuilder name = new StringBuilder().append(pick(source, LETTERS));
      for (int i = 1; i < length; i++) {
        name.append(pick(source, i == length - 1 ? LETTERS + DIGITS : LETTERS + DIGITS + "-"));
      }
      if (name.length() > 1 && name.charAt(0) == 'b' && name.charAt(1) == '-') {
        name.setCharAt(1, 'x');
      }
      return name.toString();
    };
  }

  static Gen<String> classNames() {
    return source -> {
      StringBuilder name = new StringBuilder();
      int parts = range(1, 4).generate(source);
      for (int i = 0; i < parts; i++) {
        if (i > 0) {
          name.append(i == parts - 1 && Generate.booleans().generate(source) ? '$' : '.');
        }
        name.append(pick(source, "abcxyzABCXYZ_")).append(pick(source, LETTERS + DIGITS + "_$"));
      }
      return name.toString().replace("$$", "$a");
    };
  }

  static Object configValue(RandomnessSource source, int depth) {
    int choice = range(0, depth > 1 ? 3 : 5).generate(source);
    switch (choice) {
      case 0:
        return "v" + range(0, 1000).generate(source);
      case 1:
        return range(-1000, 1000).generate(source);
      case 2:
        return Generate.booleans().generate(source);
      case 3:
        return pick(source, "xyz0:# ") + "text" + pick(source, "'\"\\ ");
      case 4:
        return configMap(source, depth + 1);
      default:
        List<Object> list = new ArrayList<>();
        int size = range(0, 3).generate(source);
        for (int i = 0; i < size; i++) {
          list.add(configValue(source, depth + 1));
        }
        return list;
    }
  }

  static Map<String, Object> configMap(RandomnessSource source, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = range(0, 3).generate(source);
    for (int i = 0; i < size; i++) {
      map.put("k" + pick(source, LETTERS) + i, configValue(source, depth));
    }
    return map;
  }

  static ComputeSpec compute(RandomnessSource source) {
    String cpu =
        List.of("200m", "1", "1.5", "20m", range(20, 4000).generate(source) + "m", "")
            .get(range(0, 5).generate(source));
    String mem = Generate.booleans().generate(source) ? null : range(20, 9000).generate(source) + "Mi";
    int gpu = range(0, 4).generate(source);
    int inf = gpu == 0 ? range(0, 1).generate(source) : 0;
    List<String> groups = null;
    if (Generate.booleans().generate(source)) {
      groups = new ArrayList<>();
      int size = range(1, 3).generate(source);
      for (int i = 0; i < size; i++) {
        groups.add("ng" + pick(source, "AZaz09_-") + i);
      }
    }
    return new ComputeSpec(cpu.isEmpty() ? null : cpu, mem, gpu, inf, groups);
  }

  static AutoscalingSpec autoscaling(RandomnessSource source) {
    int min = range(1, 10).generate(source);
    int max = range(min, 200).generate(source);
    int maxConcurrency = range(1, 30_000).generate(source);
    return AutoscalingSpec.builder()
        .minReplicas(min)
        .maxReplicas(max)
        .initReplicas(range(min, max).generate(source))
        .maxReplicaConcurrency(maxConcurrency)
        .targetReplicaConcurrency(range(1, 4 * Math.min(maxConcurrency, 1000)).generate(source) / 4.0)
        .window(Duration.ofSeconds(10L * range(1, 60).generate(source)))
        .downscaleStabilizationPeriod(Duration.ofMillis(range(0, 3_600_000).generate(source)))
        .upscaleStabilizationPeriod(Duration.ofSeconds(range(0, 600).generate(source)))
        .maxDownscaleFactor(range(0, 99).generate(source) / 100.0)
        .maxUpscaleFactor(1 + range(1, 300).generate(source) / 100.0)
        .downscaleTolerance(range(0, 99).generate(source) / 100.0)
        .upscaleTolerance(range(0, 300).generate(source) / 100.0)
        .build();
  }

  static UpdateStrategySpec updateStrategy(RandomnessSource source) {
    String surge = surge(source);
    String unavailable = surge(source);
    return new UpdateStrategySpec(surge.startsWith("0") && unavailable.startsWith("0") ? "1" : surge, unavailable);
  }

  private static String surge(RandomnessSource source) {
    int value = range(0, 100).generate(source);
    return Generate.booleans().generate(source) ? value + "%" : Integer.toString(value % 10);
  }

  /** One valid API named {@code name}; {@code index} keeps explicit endpoints distinct within a file. */
  static ApiSpec api(RandomnessSource source, String name, int index) {
    ApiKind kind = Generate.enumValues(ApiKind.class).generate(source);
    ApiSpec.Builder builder =
        kind == ApiKind.BATCH_API
            ? ApiSpec.batch(name)
            : kind == ApiKind.ASYNC_API ? ApiSpec.async(name) : ApiSpec.task(name);
    builder
        .handlerClass(classNames().generate(source))
        .config(configMap(source, 0))
        .logLevel(Generate.enumValues(LogLevel.class).generate(source))
        .compute(compute(source));
    int variables = range(0, 3).generate(source);
    for (int i = 0; i < variables; i++) {
      builder.env("VAR_" + pick(source, LETTERS.toUpperCase(java.util.Locale.ROOT)) + i, "value " + i);
    }
    if (Generate.booleans().generate(source)) {
      builder.endpoint("v" + DIGIT.generate(source) + "/" + index + "/" + name + (index % 2 == 0 ? "/" : ""));
    }
    if (kind == ApiKind.ASYNC_API) {
      builder.autoscaling(autoscaling(source)).updateStrategy(updateStrategy(source));
    }
    return builder.build();
  }

  /** Files of one to four valid APIs with distinct names. */
  static Gen<List<ApiSpec>> apiLists() {
    return source -> {
      int count = range(1, 4).generate(source);
      List<ApiSpec> apis = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = names().generate(source);
        name = name.length() > 38 ? name.substring(0, 38) : name;
        apis.add(api(source, name + "x" + i, i));
      }
      return apis;
    };
  }
}
