package io.github.cortexj.core.project;

import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.internal.project.IncludedFile;
import io.github.cortexj.core.internal.project.RootedProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Project zips on the receiving side: the project id of a zip, and extraction into a directory, as Cortex's init
 * container unzips the project into {@code /mnt/project}.
 *
 * <p>Extraction refuses, with a {@link ProjectException} of kind {@link ProjectException#ZIP_SLIP}, any entry whose
 * name is absolute, contains {@code ..}, a backslash or NUL, or would otherwise be written outside the target
 * (including through a symlink already in the target). Stateless and thread safe.
 */
public final class ProjectZip {

  private ProjectZip() {}

  /**
   * Returns Cortex's project id of a zip: the first 63 hex characters of its SHA-256.
   *
   * @param zip the zip bytes
   * @return the id
   */
  public static String projectId(byte[] zip) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(zip);
      return HexFormat.of().formatHex(digest).substring(0, 63);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * Extracts a project zip into a directory and returns the handler view of the extracted files. Directory entries
   * create directories; file entries are written (replacing files of the same name). The stream is read to the end
   * of the zip but not closed.
   *
   * @param zip the zip stream
   * @param target the directory to extract into; created when missing
   * @return the extracted files (sorted, {@code .env} last) with the parsed {@code .env}
   * @throws ProjectException of kind {@link ProjectException#ZIP_SLIP} for an entry that would escape the target
   * @throws IOException when reading the zip or writing a file fails
   */
  public static ProjectFiles extract(InputStream zip, Path target) throws IOException {
    Files.createDirectories(target);
    Path root = target.toAbsolutePath().normalize();
    Path realRoot = root.toRealPath();
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    ZipInputStream in = new ZipInputStream(new NonClosingInputStream(zip), StandardCharsets.UTF_8);
    ZipEntry entry;
    while ((entry = in.getNextEntry()) != null) {
      String name = entry.getName();
      String relative = checkEntryName(name);
      Path destination = root.resolve(relative).normalize();
      if (!destination.startsWith(root) || destination.equals(root)) {
        throw slip(name, "resolves outside the target directory");
      }
      if (entry.isDirectory()) {
        Files.createDirectories(destination);
        checkInside(destination, realRoot, name);
        continue;
      }
      Path parent = destination.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
        checkInside(parent, realRoot, name);
      }
      if (Files.isSymbolicLink(destination)) {
        throw slip(name, "would be written through a symlink");
      }
      try (OutputStream out =
          Files.newOutputStream(
              destination,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(out);
      }
      if (seen.add(relative)) {
        names.add(relative);
      }
    }
    names.sort(String::compareTo);
    Map<String, String> env = Map.of();
    if (names.remove(".env")) {
      names.add(".env");
      env = DotEnv.parse(Files.readString(root.resolve(".env"), StandardCharsets.UTF_8));
    }
    List<IncludedFile> files = new ArrayList<>(names.size());
    for (String name : names) {
      Path file = root.resolve(name);
      files.add(new IncludedFile(name, file, Files.size(file)));
    }
    return new RootedProjectFiles(root, realRoot, files, env);
  }

  private static String checkEntryName(String name) {
    if (name.isEmpty()) {
      throw slip(name, "is empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw slip(name, "contains NUL");
    }
    if (name.indexOf('\\') >= 0) {
      throw slip(name, "contains a backslash");
    }
    if (name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':')) {
      throw slip(name, "is absolute");
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        throw slip(name, "contains '..'");
      }
    }
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }

  private static void checkInside(Path directory, Path realRoot, String name) throws IOException {
    if (!directory.toRealPath().startsWith(realRoot)) {
      throw slip(name, "would be written through a symlink outside the target directory");
    }
  }

  private static ProjectException slip(String name, String why) {
    return new ProjectException(
        ProjectException.ZIP_SLIP, "zip entry \"" + name.replace("\0", "\\0") + "\" " + why + "; refused");
  }

  /** Lets the zip reader finish without closing the caller's stream. */
  private static final class NonClosingInputStream extends java.io.FilterInputStream {
    NonClosingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }
}
