package io.github.cortexj.benchmarks.project;

import io.github.cortexj.core.project.Project;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Project walk plus zip on a generated tree of 10,000 files and 30 MiB (100 directories of 100 text-like files),
 * against {@code zip -r} on the same tree. Both write the archive to a file on the same disk, with Deflate at the
 * default level.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ProjectZipBenchmark {

  private static final int DIRECTORIES = 100;
  private static final int FILES_PER_DIRECTORY = 100;
  private static final long TOTAL_BYTES = 30L * 1024 * 1024;

  private static final String[] WORDS = {
    "def", "return", "self", "import", "numpy", "as", "np", "for", "in", "range", "if", "else", "value", "result",
    "batch", "payload", "config", "=", "(", ")", ":", "0", "1", "42", "handler", "class", "None", "True"
  };

  Path base = Path.of(".");
  Path root = Path.of(".");
  Path config = Path.of(".");
  Path archive = Path.of(".");

  /**
   * Writes the tree once per run.
   *
   * @throws IOException when the tree cannot be written
   */
  @Setup(Level.Trial)
  public void createTree() throws IOException {
    base = Files.createTempDirectory("cortexj-zip-bench");
    root = Files.createDirectories(base.resolve("project"));
    config = Files.writeString(root.resolve("cortex.yaml"), "- name: bench\n  kind: BatchAPI\n");
    archive = base.resolve("out.zip");
    Random random = new Random(7);
    int fileSize = (int) (TOTAL_BYTES / (DIRECTORIES * FILES_PER_DIRECTORY));
    StringBuilder content = new StringBuilder(fileSize + 16);
    for (int d = 0; d < DIRECTORIES; d++) {
      Path directory = Files.createDirectories(root.resolve("pkg" + d));
      for (int f = 0; f < FILES_PER_DIRECTORY; f++) {
        content.setLength(0);
        while (content.length() < fileSize) {
          content.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? '\n' : ' ');
        }
        content.setLength(fileSize);
        Files.writeString(directory.resolve("module" + f + ".py"), content, StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Deletes the tree.
   *
   * @throws IOException when a file cannot be deleted
   */
  @TearDown(Level.Trial)
  public void deleteTree() throws IOException {
    try (Stream<Path> paths = Files.walk(base)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  /**
   * Loads the project (walk, exclusions, limits) and writes its zip to a file.
   *
   * @return the archive size
   * @throws IOException when writing fails
   */
  @Benchmark
  public long cortexjLoadAndZip() throws IOException {
    Project project = Project.loader().homeDirectory(base.resolve("no-home")).load(config);
    try (OutputStream out = Files.newOutputStream(archive)) {
      project.writeZip(out);
    }
    return Files.size(archive);
  }

  /**
   * Runs {@code zip -r -q -X} on the same tree, into a fresh archive.
   *
   * @return the archive size
   * @throws Exception when zip fails
   */
  @Benchmark
  public long zipR() throws Exception {
    Files.deleteIfExists(archive);
    Process process =
        new ProcessBuilder("zip", "-r", "-q", "-X", archive.toString(), ".")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("zip -r failed with " + process.exitValue());
    }
    return Files.size(archive);
  }
}
