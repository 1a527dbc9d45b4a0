package io.github.cortexj.core.internal.project;

import io.github.cortexj.core.project.IgnoreRules;
import io.github.cortexj.core.project.ProjectException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a project root as Cortex's CLI does and decides, for each path, whether it is uploaded. The exclusions run
 * in Cortex's order and the first that applies wins: the config file itself, names starting with
 * {@code cortex-debug-}, hidden files, hidden directories, {@code __pycache__} and {@code *.pyc/.pyo/.pyd}, then
 * {@code .cortexignore}. An excluded directory prunes its subtree. Directories are visited in name order, depth
 * first, like Go's {@code filepath.Walk}, so the size limits fail on the same file Cortex would name.
 *
 * <p>Symlinked directories are not followed. A symlinked file is included only when its target resolves inside the
 * root; otherwise it is excluded with a warning. Nothing outside the root is read.
 *
 * <p>One walker walks once; not thread safe.
 */
public final class ProjectWalker {

  /** What the walk found. */
  public record Result(List<IncludedFile> files, List<String> warnings, long size) {}

  private final Path root;
  private final Path realRoot;
  private final Path configFile;
  private final IgnoreRules rules;
  private final long maxFileBytes;
  private final long maxProjectBytes;
  private final List<IncludedFile> files = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private long total;

  /**
   * Prepares a walk.
   *
   * @param root the absolute, normalised project root
   * @param realRoot the root with symlinks resolved, to decide whether a link target is inside
   * @param configFile the absolute, normalised config file (excluded from the walk)
   * @param rules the {@code .cortexignore} rules
   * @param maxFileBytes the per-file limit
   * @param maxProjectBytes the limit on the sum of included files
   */
  public ProjectWalker(
      Path root, Path realRoot, Path configFile, IgnoreRules rules, long maxFileBytes, long maxProjectBytes) {
    this.root = root;
    this.realRoot = realRoot;
    this.configFile = configFile;
    this.rules = rules;
    this.maxFileBytes = maxFileBytes;
    this.maxProjectBytes = maxProjectBytes;
  }

  /**
   * Walks the root.
   *
   * @return the included files in walk order, the warnings and the total size
   * @throws ProjectException when a limit is exceeded or a directory cannot be listed
   */
  public Result walk() {
    Path rootName = root.getFileName();
    if (rootName != null && isExcludedDirectoryName(rootName.toString())) {
      warnings.add(
          "project root \"" + rootName + "\" is hidden or reserved; Cortex excludes a directory with that name, so"
              + " no files are included");
      return new Result(List.of(), List.copyOf(warnings), 0);
    }
    walkDirectory(root, "");
    return new Result(List.copyOf(files), List.copyOf(warnings), total);
  }

  private static boolean isExcludedDirectoryName(String name) {
    return name.startsWith("cortex-debug-") || name.startsWith(".") || name.equals("__pycache__");
  }

  private void walkDirectory(Path directory, String prefix) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path child : stream) {
        children.add(child);
      }
    } catch (IOException e) {
      throw new ProjectException(
          ProjectException.UNREADABLE,
          (prefix.isEmpty() ? "project root" : prefix.substring(0, prefix.length() - 1))
              + ": cannot list directory: " + e.getMessage(),
          e);
    }
    children.sort((a, b) -> nameOf(a).compareTo(nameOf(b)));
    for (Path child : children) {
      visit(child, prefix + nameOf(child));
    }
  }

  private static String nameOf(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  private void visit(Path path, String relative) {
    String name = nameOf(path);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new ProjectException(ProjectException.UNREADABLE, relative + ": cannot read attributes: " + e, e);
    }
    boolean directory = attributes.isDirectory();
    if (!directory && path.equals(configFile)) {
      return;
    }
    if (name.startsWith("cortex-debug-") || name.startsWith(".")) {
      return;
    }
    if (directory ? name.equals("__pycache__") : isCompiledPython(name)) {
      return;
    }
    if (attributes.isSymbolicLink()) {
      visitSymlink(path, relative);
      return;
    }
    if (rules.isIgnored(relative, directory)) {
      return;
    }
    if (directory) {
      walkDirectory(path, relative + "/");
    } else if (attributes.isRegularFile()) {
      include(new IncludedFile(relative, path, attributes.size()));
    } else {
      warnings.add(relative + ": not a regular file; excluded");
    }
  }

  private static boolean isCompiledPython(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String extension = name.substring(dot);
    return extension.equals(".pyc") || extension.equals(".pyo") || extension.equals(".pyd");
  }

  private void visitSymlink(Path link, String relative) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      if (!rules.isIgnored(relative, false)) {
        warnings.add(relative + ": symlink target does not exist; excluded");
      }
      return;
    }
    boolean targetIsDirectory = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
    // Cortex's ignore library stats through the link, so a link to a directory counts as a directory there.
    if (rules.isIgnored(relative, targetIsDirectory)) {
      return;
    }
    if (!target.startsWith(realRoot)) {
      warnings.add(relative + ": symlink target is outside the project root; excluded");
      return;
    }
    if (targetIsDirectory) {
      warnings.add(relative + ": symlinked directory is not followed; excluded");
      return;
    }
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      warnings.add(relative + ": symlink target is not a regular file; excluded");
      return;
    }
    long size;
    try {
      size = Files.size(target);
    } catch (IOException e) {
      throw new ProjectException(ProjectException.UNREADABLE, relative + ": cannot read size: " + e, e);
    }
    include(new IncludedFile(relative, link, size));
  }

  private void include(IncludedFile file) {
    if (file.size() > maxFileBytes) {
      throw new ProjectException(
          ProjectException.FILE_TOO_LARGE,
          file.path() + ": file size cannot be greater than " + ByteSizes.format(maxFileBytes));
    }
    total += file.size();
    if (total > maxProjectBytes) {
      throw new ProjectException(
          ProjectException.TOO_LARGE, "project size cannot exceed " + ByteSizes.format(maxProjectBytes));
    }
    files.add(file);
  }
}
