package io.github.cortexj.core.internal.project;

import java.util.Locale;

/** Formats byte counts the way Cortex's CLI does in its limit messages ({@code 32.0 MiB}). Thread safe. */
public final class ByteSizes {

  private ByteSizes() {}

  /**
   * Formats a size with one decimal in the largest binary unit that keeps it at least 1.
   *
   * @param bytes the size
   * @return for example {@code 32.0 MiB}, {@code 1.5 KiB} or {@code 100 B}
   */
  public static String format(long bytes) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
