package io.github.cortexj.core.internal.project;

import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.project.ProjectException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ProjectFiles} over a set of files under one root. Every argument is validated with
 * {@link SafeRelativePath} and, once resolved, must still lie inside the root after symlinks are followed.
 * Immutable and thread safe.
 */
public final class RootedProjectFiles implements ProjectFiles {

  private final Path root;
  private final Path realRoot;
  private final Map<String, IncludedFile> files;
  private final List<String> paths;
  private final Map<String, String> env;

  /**
   * Creates the view.
   *
   * @param root the absolute project root
   * @param realRoot the root with symlinks resolved
   * @param files the included files, in {@link #list()} order
   * @param env the {@code .env} variables
   */
  public RootedProjectFiles(Path root, Path realRoot, List<IncludedFile> files, Map<String, String> env) {
    this.root = root;
    this.realRoot = realRoot;
    Map<String, IncludedFile> byPath = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(files.size());
    for (IncludedFile file : files) {
      byPath.put(file.path(), file);
      order.add(file.path());
    }
    this.files = byPath;
    this.paths = List.copyOf(order);
    this.env = env;
  }

  @Override
  public List<String> list() {
    return paths;
  }

  @Override
  public byte[] read(String path) {
    Path real = locate(path);
    try {
      return Files.readAllBytes(real);
    } catch (IOException e) {
      throw new ProjectException(ProjectException.UNREADABLE, path + ": cannot read project file: " + e, e);
    }
  }

  @Override
  public InputStream open(String path) {
    Path real = locate(path);
    try {
      return Files.newInputStream(real);
    } catch (IOException e) {
      throw new ProjectException(ProjectException.UNREADABLE, path + ": cannot open project file: " + e, e);
    }
  }

  @Override
  public Path resolve(String path) {
    String normalized = SafeRelativePath.normalize(path);
    Path resolved = root.resolve(normalized).normalize();
    if (!resolved.startsWith(root)) {
      throw outside(path);
    }
    if (Files.exists(resolved)) {
      try {
        if (!resolved.toRealPath().startsWith(realRoot)) {
          throw outside(path);
        }
      } catch (IOException e) {
        throw new ProjectException(ProjectException.UNREADABLE, path + ": cannot resolve: " + e, e);
      }
    }
    return resolved;
  }

  @Override
  public Map<String, String> env() {
    return env;
  }

  private Path locate(String path) {
    String normalized = SafeRelativePath.normalize(path);
    IncludedFile file = files.get(normalized);
    if (file == null) {
      throw new ProjectException(
          ProjectException.FILE_NOT_FOUND, "no file \"" + normalized + "\" in the project at " + root);
    }
    Path real;
    try {
      real = file.location().toRealPath();
    } catch (IOException e) {
      throw new ProjectException(
          ProjectException.FILE_NOT_FOUND, "no file \"" + normalized + "\" in the project at " + root, e);
    }
    if (!real.startsWith(realRoot)) {
      throw outside(path);
    }
    return real;
  }

  private static ProjectException outside(String path) {
    return new ProjectException(
        ProjectException.PATH_ESCAPES_ROOT,
        "path \"" + SafeRelativePath.printable(path) + "\" resolves outside the project root");
  }

  @Override
  public String toString() {
    return "ProjectFiles[" + root + ", " + paths.size() + " files]";
  }
}
