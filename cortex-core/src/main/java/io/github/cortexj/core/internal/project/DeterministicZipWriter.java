package io.github.cortexj.core.internal.project;

import io.github.cortexj.core.project.ProjectException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes project files as a zip whose bytes depend only on the paths and contents: entries in the given order,
 * root-relative {@code /} names, no directory entries, Deflate, and the same fixed DOS timestamp (1980-01-01 00:00)
 * on every entry, with no extra fields. The same tree therefore always gives the same bytes and the same project id.
 *
 * <p>Each file is checked again when it is read: it must still resolve inside the root and stay within the per-file
 * limit. Stateless and thread safe.
 */
public final class DeterministicZipWriter {

  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private DeterministicZipWriter() {}

  /**
   * Writes the zip. The stream is not closed.
   *
   * @param files the files, already in entry order
   * @param realRoot the project root with symlinks resolved
   * @param maxFileBytes the per-file limit
   * @param out where to write
   * @throws IOException when writing fails
   */
  public static void write(List<IncludedFile> files, Path realRoot, long maxFileBytes, OutputStream out)
      throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(new NonClosingOutputStream(out), 1 << 16);
    try (ZipOutputStream zip = new ZipOutputStream(buffered)) {
      byte[] buffer = new byte[1 << 16];
      for (IncludedFile file : files) {
        ZipEntry entry = new ZipEntry(file.path());
        entry.setTimeLocal(FIXED_TIME);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putNextEntry(entry);
        copy(file, realRoot, maxFileBytes, zip, buffer);
        zip.closeEntry();
      }
    }
  }

  private static void copy(
      IncludedFile file, Path realRoot, long maxFileBytes, OutputStream zip, byte[] buffer) throws IOException {
    Path real;
    try {
      real = file.location().toRealPath();
    } catch (IOException e) {
      throw new ProjectException(
          ProjectException.UNREADABLE, file.path() + ": cannot read project file: " + e.getMessage(), e);
    }
    if (!real.startsWith(realRoot)) {
      throw new ProjectException(
          ProjectException.PATH_ESCAPES_ROOT, file.path() + ": now resolves outside the project root");
    }
    long written = 0;
    try (InputStream in = Files.newInputStream(real)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        written += n;
        if (written > maxFileBytes) {
          throw new ProjectException(
              ProjectException.FILE_TOO_LARGE,
              file.path() + ": file size cannot be greater than " + ByteSizes.format(maxFileBytes));
        }
        zip.write(buffer, 0, n);
      }
    }
  }

  /** Lets the zip stream finish without closing the caller's stream. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
