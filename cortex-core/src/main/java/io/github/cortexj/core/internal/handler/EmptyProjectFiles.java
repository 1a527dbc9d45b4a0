package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.ProjectFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A project with no files, for handlers deployed without a project directory: every lookup fails with kind
 * {@value #FILE_NOT_FOUND} after the path checks every {@link ProjectFiles} makes. Immutable and thread safe.
 */
public enum EmptyProjectFiles implements ProjectFiles {
  /** The only instance. */
  INSTANCE;

  /** The kind of the error every lookup raises. */
  public static final String FILE_NOT_FOUND = "project.file_not_found";

  /** The kind of the error for a path that would leave the project root. */
  public static final String PATH_ESCAPES_ROOT = "project.path_escapes_root";

  @Override
  public List<String> list() {
    return List.of();
  }

  @Override
  public byte[] read(String path) {
    throw notFound(path);
  }

  @Override
  public InputStream open(String path) {
    throw notFound(path);
  }

  @Override
  public Path resolve(String path) {
    throw notFound(path);
  }

  @Override
  public Map<String, String> env() {
    return Map.of();
  }

  private static CortexException notFound(String path) {
    checkInsideRoot(path);
    return new CortexException(
        FILE_NOT_FOUND, "project file \"" + path + "\" not found: this handler was given no project files");
  }

  private static void checkInsideRoot(String path) {
    boolean escapes =
        path.startsWith("/")
            || path.startsWith("\\")
            || path.indexOf('\0') >= 0
            || (path.length() >= 2 && path.charAt(1) == ':')
            || List.of(path.split("[/\\\\]", -1)).contains("..");
    if (escapes) {
      throw new CortexException(
          PATH_ESCAPES_ROOT,
          "project file path \"" + path.replace("\0", "\\0") + "\" is absolute, contains \"..\" or NUL");
    }
  }

  @Override
  public String toString() {
    return "ProjectFiles.none()";
  }
}
