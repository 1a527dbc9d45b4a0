package io.github.cortexj.benchmarks.project;

import io.github.cortexj.core.project.IgnoreRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ignore matching throughput: the same patterns and the same 2,000 paths through {@link IgnoreRules} and through
 * JGit's {@link IgnoreNode} (a peer gitignore implementation). Each operation asks both the path's own verdict
 * (no parent pruning) for every path, as each matcher's single-path call does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IgnoreMatchingBenchmark {

  /** A realistic Python project's ignore file, with the gitignore features people use. */
  static final String PATTERNS =
      String.join(
          "\n",
          "# build output",
          "build/",
          "/dist",
          "*.egg-info/",
          "__pycache__/",
          "*.py[cod]",
          "*.so",
          "*.log",
          "!important.log",
          "**/node_modules",
          "**/cache/**",
          "data/**/*.csv",
          "!data/keep/*.csv",
          "docs/_build/",
          "tmp*",
          "*.tmp",
          "secret?.txt",
          "[Tt]humbs.db",
          "models/*.bin",
          "logs/**",
          "*.ipynb_checkpoints",
          "venv/",
          "coverage.xml",
          "*.swp",
          "");

  private static final List<String> NAMES =
      List.of("src", "pkg", "data", "keep", "models", "cache", "build", "docs", "_build", "util", "core", "node_modules",
          "logs", "tests", "raw", "x", "very_long_directory_name_here");

  private static final List<String> FILES =
      List.of("a.py", "b.pyc", "main.py", "train.csv", "important.log", "debug.log", "model.bin", "README.md",
          "secret1.txt", "Thumbs.db", "tmpfile", "notes.tmp", "lib.so", "setup.cfg", "coverage.xml", "x.swp");

  final IgnoreRules rules = IgnoreRules.parse(PATTERNS);
  final IgnoreNode jgit = new IgnoreNode();
  final String[] paths = new String[2000];
  final boolean[] directories = new boolean[2000];

  /** Builds the paths (fixed seed) and parses the patterns into JGit's matcher. */
  public IgnoreMatchingBenchmark() {
    try {
      jgit.parse(new ByteArrayInputStream(PATTERNS.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Random random = new Random(42);
    for (int i = 0; i < paths.length; i++) {
      int depth = 1 + random.nextInt(5);
      StringBuilder path = new StringBuilder();
      for (int d = 0; d < depth - 1; d++) {
        path.append(NAMES.get(random.nextInt(NAMES.size()))).append('/');
      }
      boolean directory = random.nextInt(5) == 0;
      path.append(
          directory ? NAMES.get(random.nextInt(NAMES.size())) : FILES.get(random.nextInt(FILES.size())));
      paths[i] = path.toString();
      directories[i] = directory;
    }
  }

  /**
   * Matches every path with cortex-java's {@link IgnoreRules}.
   *
   * @return the number of ignored paths, so the work is not optimised away
   */
  @Benchmark
  public int cortexj() {
    int ignored = 0;
    for (int i = 0; i < paths.length; i++) {
      if (rules.isIgnored(paths[i], directories[i])) {
        ignored++;
      }
    }
    return ignored;
  }

  /**
   * Matches every path with JGit's {@link IgnoreNode}.
   *
   * @return the number of ignored paths, so the work is not optimised away
   */
  @Benchmark
  public int jgit() {
    int ignored = 0;
    for (int i = 0; i < paths.length; i++) {
      if (jgit.isIgnored(paths[i], directories[i]) == IgnoreNode.MatchResult.IGNORED) {
        ignored++;
      }
    }
    return ignored;
  }
}
