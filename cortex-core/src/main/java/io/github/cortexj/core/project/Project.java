package io.github.cortexj.core.project;

import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.internal.project.DeterministicZipWriter;
import io.github.cortexj.core.internal.project.IncludedFile;
import io.github.cortexj.core.internal.project.ProjectWalker;
import io.github.cortexj.core.internal.project.RootedProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Cortex project: the directory that holds the config file (by default {@code cortex.yaml}) and the files Cortex's
 * CLI would upload from it.
 *
 * <p>{@link #load(Path)} walks the root with Cortex's exclusions in Cortex's order (the config file, names starting
 * with {@code cortex-debug-}, hidden files and directories, {@code __pycache__} and {@code *.pyc/.pyo/.pyd}, then
 * {@code <root>/.cortexignore} with git's semantics), enforces Cortex's limits (32 MiB per file, 32 MiB in total;
 * ignored files do not count), and appends {@code <root>/.env}, which bypasses the hidden rule, the ignore file and
 * the limits. Symlinked directories are not followed; a symlinked file is included only when its target is inside
 * the root. The {@linkplain #zip() zip} is deterministic, and the {@linkplain #projectId() project id} is the first
 * 63 hex characters of its SHA-256, as in Cortex.
 *
 * <pre>{@code
 * Project project = Project.load(Path.of("cortex.yaml"));
 * project.paths();      // [handler.py, pkg/util.py, .env]
 * project.projectId();  // "3f9c..." (63 hex characters)
 * }</pre>
 *
 * <p>Immutable and thread safe. File contents are read when the zip is written or a file is read through
 * {@link #files()}, not at load time.
 */
public final class Project {

  /** Cortex's per-file limit: 33,554,432 bytes (32 MiB). */
  public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;

  /** Cortex's project limit on the sum of included raw file sizes: 33,554,432 bytes (32 MiB). */
  public static final long DEFAULT_MAX_PROJECT_BYTES = 32L * 1024 * 1024;

  private final Path root;
  private final Path realRoot;
  private final Path configFile;
  private final List<IncludedFile> files;
  private final List<String> paths;
  private final Map<String, String> env;
  private final List<String> warnings;
  private final long size;
  private final long maxFileBytes;
  private final ProjectFiles view;

  private Project(
      Path root,
      Path realRoot,
      Path configFile,
      List<IncludedFile> files,
      Map<String, String> env,
      List<String> warnings,
      long size,
      long maxFileBytes) {
    this.root = root;
    this.realRoot = realRoot;
    this.configFile = configFile;
    this.files = files;
    List<String> names = new ArrayList<>(files.size());
    for (IncludedFile file : files) {
      names.add(file.path());
    }
    this.paths = List.copyOf(names);
    this.env = env;
    this.warnings = warnings;
    this.size = size;
    this.maxFileBytes = maxFileBytes;
    this.view = new RootedProjectFiles(root, realRoot, files, env);
  }

  /**
   * Loads the project whose config file is given, with Cortex's default limits.
   *
   * @param configFile the config file, for example {@code cortex.yaml}; its directory is the project root
   * @return the project
   * @throws ProjectException when the config file is missing, the root is refused, a limit is exceeded or a file
   *     cannot be read; a {@link DotEnvException} when {@code .env} is outside the supported subset
   */
  public static Project load(Path configFile) {
    return loader().load(configFile);
  }

  /**
   * Returns a loader whose limits and home directory can be changed, for tests and tools.
   *
   * @return a new loader with Cortex's defaults
   */
  public static Loader loader() {
    return new Loader();
  }

  /**
   * Returns the project root: the absolute directory that contains the config file.
   *
   * @return the root
   */
  public Path root() {
    return root;
  }

  /**
   * Returns the absolute path of the config file this project was loaded from.
   *
   * @return the config file
   */
  public Path configFile() {
    return configFile;
  }

  /**
   * Returns the included root-relative paths, with {@code /} separators, sorted, with {@code .env} last when the
   * root has one.
   *
   * @return the paths
   */
  public List<String> paths() {
    return paths;
  }

  /**
   * Returns the variables of {@code <root>/.env} in file order, empty when there is no such file.
   *
   * @return the variables
   */
  public Map<String, String> env() {
    return env;
  }

  /**
   * Returns what the load noticed but did not fail on: skipped {@code .cortexignore} patterns
   * ({@code .cortexignore:3: pattern "a/[" can never match; skipped}), symlinks left out, special files.
   *
   * @return the warnings, in the order they were found
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Returns the sum of the raw sizes of the included files, {@code .env} excluded, as counted against the project
   * limit.
   *
   * @return the size in bytes
   */
  public long size() {
    return size;
  }

  /**
   * Writes the project zip: one entry per {@linkplain #paths() path}, in that order, no directory entries, fixed
   * timestamps. The stream is not closed.
   *
   * @param out where to write
   * @throws IOException when writing fails
   * @throws ProjectException when a file has changed so that it escapes the root or exceeds the per-file limit
   */
  public void writeZip(OutputStream out) throws IOException {
    DeterministicZipWriter.write(files, realRoot, maxFileBytes, out);
  }

  /**
   * Returns the project zip in memory (Cortex builds it in memory too).
   *
   * @return the zip bytes
   * @throws ProjectException when a file cannot be read
   */
  public byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size / 2 + 1024));
    try {
      writeZip(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Returns Cortex's project id: the first 63 hex characters of the SHA-256 of the {@linkplain #zip() zip}.
   *
   * @return the id
   */
  public String projectId() {
    return ProjectZip.projectId(zip());
  }

  /**
   * Returns the handler view of the included files, which resolves paths against the root and refuses any path
   * that escapes it.
   *
   * @return the files
   */
  public ProjectFiles files() {
    return view;
  }

  @Override
  public String toString() {
    return "Project[" + root + ", " + paths.size() + " files, " + size + " bytes]";
  }

  /**
   * Loads projects with chosen limits. Each setter returns this loader; {@link #load(Path)} may be called many
   * times. Not thread safe; the projects it returns are.
   */
  public static final class Loader {

    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private long maxProjectBytes = DEFAULT_MAX_PROJECT_BYTES;
    private @Nullable Path homeDirectory;

    private Loader() {}

    /**
     * Sets the per-file limit.
     *
     * @param bytes the largest size a single included file may have; positive
     * @return this loader
     */
    public Loader maxFileBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxFileBytes must be positive, was " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /**
     * Sets the project limit on the sum of included file sizes.
     *
     * @param bytes the largest total; positive
     * @return this loader
     */
    public Loader maxProjectBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxProjectBytes must be positive, was " + bytes);
      }
      this.maxProjectBytes = bytes;
      return this;
    }

    /**
     * Sets the directory treated as the user's home, which is refused as a project root. Defaults to the
     * {@code user.home} system property.
     *
     * @param home the home directory
     * @return this loader
     */
    public Loader homeDirectory(Path home) {
      this.homeDirectory = Objects.requireNonNull(home, "home");
      return this;
    }

    /**
     * Loads the project whose config file is given.
     *
     * @param configFile the config file; its directory is the project root
     * @return the project
     * @throws ProjectException as {@link Project#load(Path)}
     */
    public Project load(Path configFile) {
      Path config = configFile.toAbsolutePath().normalize();
      if (Files.isDirectory(config)) {
        throw new ProjectException(
            ProjectException.CONFIG_NOT_FOUND,
            "config file not found: " + config + " is a directory; give the config file, for example "
                + config.resolve("cortex.yaml"));
      }
      if (!Files.isRegularFile(config)) {
        throw new ProjectException(ProjectException.CONFIG_NOT_FOUND, "config file not found: " + config);
      }
      Path root = config.getParent();
      if (root == null || root.getParent() == null) {
        throw new ProjectException(
            ProjectException.ROOT_REFUSED,
            "cannot use \"/\" as the project root (" + config + "); move the config file into a project directory");
      }
      Path realRoot = realPath(root);
      Path home = homeDirectory != null ? homeDirectory : Path.of(System.getProperty("user.home", "/"));
      if (isSameDirectory(root, realRoot, home)) {
        throw new ProjectException(
            ProjectException.ROOT_REFUSED,
            "cannot use the home directory " + root + " as the project root; move the config file into a project"
                + " directory");
      }
      if (realRoot.getParent() == null) {
        throw new ProjectException(
            ProjectException.ROOT_REFUSED,
            "cannot use \"/\" as the project root (" + config + "); move the config file into a project directory");
      }
      List<String> warnings = new ArrayList<>();
      IgnoreRules rules = readIgnoreRules(root, realRoot, warnings);
      warnings.addAll(rules.warnings());
      ProjectWalker.Result walked =
          new ProjectWalker(root, realRoot, config, rules, maxFileBytes, maxProjectBytes).walk();
      warnings.addAll(walked.warnings());
      List<IncludedFile> files = new ArrayList<>(walked.files());
      files.sort(Comparator.comparing(IncludedFile::path));
      Map<String, String> env = Map.of();
      Path dotEnv = root.resolve(".env");
      Path readableEnv = insideRoot(dotEnv, realRoot, ".env", warnings);
      if (readableEnv != null) {
        env = DotEnv.parse(readString(readableEnv, ".env"));
        files.add(new IncludedFile(".env", dotEnv, fileSize(readableEnv)));
      }
      return new Project(
          root, realRoot, config, List.copyOf(files), env, List.copyOf(warnings), walked.size(), maxFileBytes);
    }

    private static boolean isSameDirectory(Path root, Path realRoot, Path home) {
      Path absoluteHome = home.toAbsolutePath().normalize();
      if (root.equals(absoluteHome)) {
        return true;
      }
      try {
        return realRoot.equals(absoluteHome.toRealPath());
      } catch (IOException e) {
        return false;
      }
    }

    private static IgnoreRules readIgnoreRules(Path root, Path realRoot, List<String> warnings) {
      Path file = insideRoot(root.resolve(".cortexignore"), realRoot, ".cortexignore", warnings);
      if (file == null) {
        return IgnoreRules.none();
      }
      try {
        return IgnoreRules.parse(Files.readAllBytes(file));
      } catch (IOException e) {
        throw new ProjectException(ProjectException.UNREADABLE, ".cortexignore: cannot read: " + e, e);
      }
    }

    /** Returns the real path of a root-level file when it exists, is a regular file and lies inside the root. */
    private static @Nullable Path insideRoot(Path file, Path realRoot, String name, List<String> warnings) {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      Path real;
      try {
        real = file.toRealPath();
      } catch (IOException e) {
        warnings.add(name + ": symlink target does not exist; ignored");
        return null;
      }
      if (!real.startsWith(realRoot)) {
        warnings.add(name + ": symlink target is outside the project root; ignored");
        return null;
      }
      if (!Files.isRegularFile(real)) {
        warnings.add(name + ": not a regular file; ignored");
        return null;
      }
      return real;
    }

    private static Path realPath(Path root) {
      try {
        return root.toRealPath();
      } catch (IOException e) {
        throw new ProjectException(ProjectException.UNREADABLE, "project root " + root + ": " + e, e);
      }
    }

    private static String readString(Path file, String name) {
      try {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ProjectException(ProjectException.UNREADABLE, name + ": cannot read: " + e, e);
      }
    }

    private static long fileSize(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new ProjectException(ProjectException.UNREADABLE, file.getFileName() + ": cannot read: " + e, e);
      }
    }
  }
}
