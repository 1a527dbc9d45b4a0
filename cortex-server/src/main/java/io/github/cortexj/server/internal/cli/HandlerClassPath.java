package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.CortexException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path {@code cortex serve} loads handler classes from: the entries of {@code --classpath} (directories
 * and jars, separated as the platform's class path is), in front of the command's own class path. Stateless.
 */
final class HandlerClassPath {

  /** The kind of the error for an entry that does not exist. */
  static final String MISSING_ENTRY_KIND = "cli.classpath_entry_not_found";

  private HandlerClassPath() {}

  /**
   * Builds the class loader.
   *
   * @param classPath the entries, separated by {@link File#pathSeparator}, relative to the working directory
   * @param workingDirectory what relative entries are resolved against
   * @param parent the loader of everything else (cortex-java itself)
   * @return a loader that looks in the entries after the parent
   * @throws CortexException naming the first entry that does not exist
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
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CortexException(MISSING_ENTRY_KIND, "--classpath entry is not a valid path: " + path, e);
      }
    }
    return new URLClassLoader("cortex-serve-handlers", urls.toArray(URL[]::new), parent);
  }
}
