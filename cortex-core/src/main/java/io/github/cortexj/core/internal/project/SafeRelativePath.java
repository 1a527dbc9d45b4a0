package io.github.cortexj.core.internal.project;

import io.github.cortexj.core.project.ProjectException;

/**
 * Validates a root-relative path given by a caller before it touches the file system: no NUL, not absolute (no
 * leading {@code /}, no drive letter), no {@code ..} segment. Empty and {@code .} segments are dropped, so
 * {@code ./data//a.csv} becomes {@code data/a.csv}. Stateless and thread safe.
 */
public final class SafeRelativePath {

  private SafeRelativePath() {}

  /**
   * Returns the normalised form of a root-relative path, or throws when it could leave the root.
   *
   * @param path the path as given, with {@code /} separators
   * @return the path with empty and {@code .} segments removed
   * @throws ProjectException of kind {@link ProjectException#PATH_ESCAPES_ROOT}
   */
  public static String normalize(String path) {
    if (path.indexOf('\0') >= 0) {
      throw escapes(path, "contains a NUL character");
    }
    if (path.startsWith("/") || path.startsWith("\\") || (path.length() >= 2 && path.charAt(1) == ':')) {
      throw escapes(path, "is absolute");
    }
    StringBuilder normalized = new StringBuilder(path.length());
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        throw escapes(path, "contains '..'");
      }
      if (normalized.length() > 0) {
        normalized.append('/');
      }
      normalized.append(segment);
    }
    if (normalized.length() == 0) {
      throw escapes(path, "names the project root, not a file");
    }
    return normalized.toString();
  }

  private static ProjectException escapes(String path, String why) {
    return new ProjectException(
        ProjectException.PATH_ESCAPES_ROOT, "path \"" + printable(path) + "\" " + why + "; project paths are relative to the project root");
  }

  static String printable(String path) {
    return path.replace("\0", "\\0");
  }
}
