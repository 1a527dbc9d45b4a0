package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.CortexException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The class path {@code cortex serve} loads handler classes from: the entries of {@code --classpath} (directories
 * and jars, separated as the platform's class path is), in front of the command's own class path. Stateless.
 */
final class HandlerClassPath {

  /** The kind of the error for an entry that does not exist. */
  static final String MISSING_ENTRY_KIND = "cli.classpath_entry_not_found";

  /** The kind of the error for an entry that is neither a directory nor a jar. */
  static final String INVALID_ENTRY_KIND = "cli.classpath_entry_invalid";

  private HandlerClassPath() {}

  private static boolean isZip(Path path) {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Builds the class loader.
   *
   * @param classPath the entries, separated by {@link File#pathSeparator}, relative to the working directory
   * @param workingDirectory what relative entries are resolved against
   * @param parent the loader of everything else (cortex-java itself)
   * @return a loader that looks in the entries after the parent
   * @throws CortexException naming the first entry that does not exist or is neither a directory nor a jar
   */
  static URLClassLoader loader(String classPath, Path workingDirectory, ClassLoader parent) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = workingDirectory.resolve(entry).toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new CortexException(MISSING_ENTRY_KIND, "--classpath entry not found: " + path);
      }
      if (!Files.isDirectory(path) && !isZip(path)) {
        // URLClassLoader skips such an entry silently, and every class in it would be "not found".
        throw new CortexException(INVALID_ENTRY_KIND, "--classpath entry is neither a directory nor a jar: " + path);
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CortexException(MISSING_ENTRY_KIND, "--classpath entry is not a valid path: " + path, e);
      }
    }
    return new URLClassLoader("cortex-serve-handlers", urls.toArray(URL[]::new), parent);
  }
}
