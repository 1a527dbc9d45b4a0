package io.github.cortexj.core;

import io.github.cortexj.core.internal.handler.EmptyProjectFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of the project an API was deployed from, as a handler sees them: the files the project walk included
 * (after Cortex's exclusions and {@code .cortexignore}), addressed by root-relative paths with {@code /}.
 *
 * <p>Every method resolves its argument against the project root and refuses, with a {@link CortexException} of
 * kind {@code project.path_escapes_root}, any path that is absolute, contains {@code ..} or NUL, or would
 * otherwise lead outside the root. Nothing outside the root is ever read.
 *
 * <p>Implementations are immutable and thread safe.
 */
public interface ProjectFiles {

  /**
   * Returns the root-relative paths of the included files, sorted, with {@code .env} last when present.
   *
   * @return the paths
   */
  List<String> list();

  /**
   * Reads an included file whole.
   *
   * @param path a root-relative path, for example {@code data/labels.json}
   * @return the bytes
   * @throws CortexException of kind {@code project.file_not_found} when the project has no such file
   */
  byte[] read(String path);

  /**
   * Opens an included file for streaming. The caller closes the stream.
   *
   * @param path a root-relative path
   * @return the stream
   * @throws CortexException of kind {@code project.file_not_found} when the project has no such file
   */
  InputStream open(String path);

  /**
   * Resolves a root-relative path to a path in the file system, for libraries that want a {@link Path}.
   *
   * @param path a root-relative path
   * @return the absolute path inside the project root
   */
  Path resolve(String path);

  /**
   * Returns the variables of the project's {@code .env} file, in file order; empty when there is none.
   *
   * @return the variables
   */
  Map<String, String> env();

  /**
   * Returns a project with no files: for handlers deployed without a project directory, and the default of
   * handler contexts. Every {@link #read(String)}, {@link #open(String)} and {@link #resolve(String)} fails with
   * a {@link CortexException} of kind {@code project.file_not_found} (or {@code project.path_escapes_root} for a
   * path that would leave the root); {@link #list()} and {@link #env()} are empty.
   *
   * @return the empty project, immutable and thread safe
   */
  static ProjectFiles none() {
    return EmptyProjectFiles.INSTANCE;
  }
}
