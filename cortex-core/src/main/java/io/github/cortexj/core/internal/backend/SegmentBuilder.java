package io.github.cortexj.core.internal.backend;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Segment} from entries added in ascending key order. Sized up front from what the caller expects,
 * grown by doubling when that was too little, and trimmed at the end only when much is unused, so that building
 * a large segment copies each array about once.
 *
 * <p>Not thread safe.
 */
final class SegmentBuilder {

  private byte[] keys;
  private int keyBytes;
  private int[] keyEnds;
  private byte[] inline;
  private int inlineBytes;
  private int[] contentStarts;
  private int[] contentLengths;
  private final List<byte[]> large = new ArrayList<>();
  private final List<@Nullable String> types = new ArrayList<>();
  private final Map<String, Integer> typeNumbers = new HashMap<>();
  private @Nullable String lastType;
  private int lastTypeNumber;
  private int[] entryTypes;
  private long[] lastModifiedSeconds;
  private int count;
  private int tombstones;

  /**
   * Creates a builder sized for what is expected; each array grows if it turns out too small.
   *
   * @param entries the expected number of entries
   * @param keyBytes the expected bytes of all keys
   * @param inlineBytes the expected bytes of the contents copied in
   */
  SegmentBuilder(int entries, long keyBytes, long inlineBytes) {
    int n = Math.max(1, entries);
    this.keys = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, keyBytes))];
    this.keyEnds = new int[n];
    this.inline = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, inlineBytes))];
    this.contentStarts = new int[n];
    this.contentLengths = new int[n];
    this.entryTypes = new int[n];
    this.lastModifiedSeconds = new long[n];
    types.add(null); // type number 0: none
    lastType = null;
    lastTypeNumber = 0;
  }

  /** Adds an object whose key is given as a string; its content is copied in when small, shared otherwise. */
  void add(String key, byte[] content, @Nullable String contentType, long lastModifiedSecond) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    if (content.length > Segment.INLINE_MAX) {
      addShared(keyBytes, 0, keyBytes.length, content, contentType, lastModifiedSecond);
    } else {
      addCopied(keyBytes, 0, keyBytes.length, content, 0, content.length, contentType, lastModifiedSecond);
    }
  }

  /** Adds a tombstone whose key is given as a string. */
  void addTombstone(String key) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    addTombstone(keyBytes, 0, keyBytes.length);
  }

  /** Adds an object whose content array is kept as it is: the array must never change. */
  void addShared(
      byte[] key, int keyFrom, int keyLength, byte[] content, @Nullable String contentType, long lastModified) {
    int i = addKey(key, keyFrom, keyLength);
    large.add(content);
    contentStarts[i] = -large.size();
    contentLengths[i] = content.length;
    entryTypes[i] = typeNumber(contentType);
    lastModifiedSeconds[i] = lastModified;
  }

  /** Adds an object whose content is copied from {@code source[from, from + length)}. */
  void addCopied(
      byte[] key,
      int keyFrom,
      int keyLength,
      byte[] source,
      int from,
      int length,
      @Nullable String contentType,
      long lastModified) {
    int i = addKey(key, keyFrom, keyLength);
    if (inlineBytes + length > inline.length) {
      inline = Arrays.copyOf(inline, grown(inline.length, inlineBytes + length));
    }
    System.arraycopy(source, from, inline, inlineBytes, length);
    contentStarts[i] = inlineBytes;
    contentLengths[i] = length;
    inlineBytes += length;
    entryTypes[i] = typeNumber(contentType);
    lastModifiedSeconds[i] = lastModified;
  }

  /** Adds a tombstone for the key {@code key[from, from + length)}. */
  void addTombstone(byte[] key, int from, int length) {
    int i = addKey(key, from, length);
    contentStarts[i] = 0;
    contentLengths[i] = Segment.TOMBSTONE;
    tombstones++;
  }

  private int addKey(byte[] key, int from, int length) {
    if (count == keyEnds.length) {
      int entries = grown(count, count + 1);
      keyEnds = Arrays.copyOf(keyEnds, entries);
      contentStarts = Arrays.copyOf(contentStarts, entries);
      contentLengths = Arrays.copyOf(contentLengths, entries);
      entryTypes = Arrays.copyOf(entryTypes, entries);
      lastModifiedSeconds = Arrays.copyOf(lastModifiedSeconds, entries);
    }
    if (keyBytes + length > keys.length) {
      keys = Arrays.copyOf(keys, grown(keys.length, keyBytes + length));
    }
    System.arraycopy(key, from, keys, keyBytes, length);
    keyBytes += length;
    keyEnds[count] = keyBytes;
    return count++;
  }

  private int typeNumber(@Nullable String type) {
    if (Objects.equals(type, lastType)) {
      return lastTypeNumber;
    }
    int number;
    if (type == null) {
      number = 0;
    } else {
      Integer known = typeNumbers.get(type);
      if (known == null) {
        number = types.size();
        types.add(type);
        typeNumbers.put(type, number);
      } else {
        number = known;
      }
    }
    lastType = type;
    lastTypeNumber = number;
    return number;
  }

  private static int grown(int current, long needed) {
    long doubled = Math.max(needed, Math.max(16L, (long) current * 2));
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a segment cannot hold more than 2 GiB of keys or contents");
    }
    return (int) Math.min(Integer.MAX_VALUE - 8, doubled);
  }

  /**
   * Returns the segment, or {@code null} when nothing was added. The builder is not used afterwards.
   *
   * @return the segment, or {@code null}
   */
  @Nullable Segment build() {
    if (count == 0) {
      return null;
    }
    return new Segment(
        trimmed(keys, keyBytes),
        trimmed(keyEnds, count),
        trimmed(inline, inlineBytes),
        inlineBytes,
        trimmed(contentStarts, count),
        trimmed(contentLengths, count),
        large.toArray(new byte[0][]),
        types.toArray(new String[0]),
        trimmed(entryTypes, count),
        trimmed(lastModifiedSeconds, count),
        count,
        tombstones);
  }

  /** An array keeps its unused tail when that is at most an eighth of it: trimming would copy it all. */
  private static boolean worthTrimming(int length, int used) {
    return length - used > length / 8;
  }

  private static byte[] trimmed(byte[] array, int used) {
    return worthTrimming(array.length, used) ? Arrays.copyOf(array, used) : array;
  }

  private static int[] trimmed(int[] array, int used) {
    return worthTrimming(array.length, used) ? Arrays.copyOf(array, used) : array;
  }

  private static long[] trimmed(long[] array, int used) {
    return worthTrimming(array.length, used) ? Arrays.copyOf(array, used) : array;
  }
}
