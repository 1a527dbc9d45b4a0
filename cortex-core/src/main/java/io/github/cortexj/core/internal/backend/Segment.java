package io.github.cortexj.core.internal.backend;

import io.github.cortexj.core.backend.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, sorted run of objects packed into a few large arrays: the older layers of {@link LayeredObjects}.
 *
 * <p>Why arrays: an in-memory store that backs an async API holds every request of the retention period, millions
 * of small objects. Held as map nodes, strings and entries, the garbage collector copies them through its young
 * spaces and then marks them one by one, over and over. Packed here, each object is a few slots of primitive
 * arrays that the collector neither copies nor walks: the keys' UTF-8 bytes one after another, small contents one
 * after another, and per object its key's end, its content's place, its content type's number and its
 * last-modified second. Contents larger than {@link #INLINE_MAX} keep their own array, shared rather than copied.
 *
 * <p>An entry is either an object or a tombstone: the record that a newer layer deleted the key, hiding it in the
 * older layers until a merge drops both.
 *
 * <p>Keys are in ascending order of their UTF-8 bytes, compared unsigned, each at most once. Immutable and thread
 * safe; the arrays are never handed out.
 */
final class Segment {

  /** The largest content copied into the segment's shared content array; larger ones are kept by reference. */
  static final int INLINE_MAX = 4096;

  /** Marks a tombstone in {@link #contentLengths}. */
  static final int TOMBSTONE = -1;

  private final byte[] keys;
  private final int[] keyEnds;
  private final byte[] inline;
  /** Where each content starts in {@link #inline}, or {@code -(i + 1)} for the content {@code large[i]}. */
  private final int[] contentStarts;
  /** Each content's length, or {@link #TOMBSTONE}. */
  private final int[] contentLengths;
  private final byte[][] large;
  private final @Nullable String[] types;
  private final int[] typeNumbers;
  private final long[] lastModifiedSeconds;
  private final int inlineUsed;
  private final int count;
  private final int tombstones;
  private final String firstSortKey;
  private final String lastSortKey;

  Segment(
      byte[] keys,
      int[] keyEnds,
      byte[] inline,
      int inlineUsed,
      int[] contentStarts,
      int[] contentLengths,
      byte[][] large,
      @Nullable String[] types,
      int[] typeNumbers,
      long[] lastModifiedSeconds,
      int count,
      int tombstones) {
    if (count == 0) {
      throw new IllegalArgumentException("a segment holds at least one entry");
    }
    this.keys = keys;
    this.keyEnds = keyEnds;
    this.inline = inline;
    this.inlineUsed = inlineUsed;
    this.contentStarts = contentStarts;
    this.contentLengths = contentLengths;
    this.large = large;
    this.types = types;
    this.typeNumbers = typeNumbers;
    this.lastModifiedSeconds = lastModifiedSeconds;
    this.count = count;
    this.tombstones = tombstones;
    this.firstSortKey = Utf8KeyOrder.sortKey(key(0));
    this.lastSortKey = Utf8KeyOrder.sortKey(key(count - 1));
  }

  /** Returns how many entries, objects and tombstones, the segment holds. */
  int count() {
    return count;
  }

  /** Returns how many of its entries are tombstones. */
  int tombstones() {
    return tombstones;
  }

  /** Returns the bytes its arrays hold, roughly: what it costs in memory. */
  long bytes() {
    return keys.length + inline.length + (long) count * 24;
  }

  /** Returns the bytes of all its keys. */
  int keyBytes() {
    return keyEnds[count - 1];
  }

  /** Returns the bytes of all the contents copied into it. */
  int inlineBytes() {
    return inlineUsed;
  }

  /**
   * Tells whether a key may be in this segment: whether it lies between the first and the last key.
   *
   * @param sortKey the key's {@link Utf8KeyOrder#sortKey}
   */
  boolean mayHold(String sortKey) {
    // The last key first: new keys usually come after every packed one (request ids are time-ordered).
    return lastSortKey.compareTo(sortKey) >= 0 && firstSortKey.compareTo(sortKey) <= 0;
  }

  /**
   * Tells whether a key that starts with a prefix may be in this segment: the keys with one prefix are one range,
   * starting at the prefix itself.
   *
   * @param sortPrefix the prefix's {@link Utf8KeyOrder#sortKey}
   */
  boolean mayHoldPrefix(String sortPrefix) {
    if (lastSortKey.compareTo(sortPrefix) < 0) {
      return false;
    }
    return firstSortKey.compareTo(sortPrefix) <= 0 || firstSortKey.startsWith(sortPrefix);
  }

  /** Tells whether a key, given as UTF-8 bytes, lies between the first and the last key. */
  boolean mayHold(byte[] key) {
    return compareKey(count - 1, key, 0, key.length) >= 0 && compareKey(0, key, 0, key.length) <= 0;
  }

  /**
   * Returns the index of the first entry whose key is at or after {@code key} (or strictly after it when
   * {@code after}); {@link #count()} when there is none.
   */
  int lowerBound(byte[] key, boolean after) {
    int low = 0;
    int high = count;
    while (low < high) {
      int middle = (low + high) >>> 1;
      int order = compareKey(middle, key, 0, key.length);
      if (order < 0 || (after && order == 0)) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Returns the index of the entry with exactly this key, or -1. */
  int find(byte[] key) {
    int at = lowerBound(key, false);
    return at < count && compareKey(at, key, 0, key.length) == 0 ? at : -1;
  }

  /** Compares entry {@code i}'s key with {@code other[from, to)}, unsigned byte by byte. */
  int compareKey(int i, byte[] other, int from, int to) {
    return Arrays.compareUnsigned(keys, keyStart(i), keyEnds[i], other, from, to);
  }

  /** Compares entry {@code i}'s key with entry {@code j}'s key of {@code other}. */
  int compareKey(int i, Segment other, int j) {
    return Arrays.compareUnsigned(keys, keyStart(i), keyEnds[i], other.keys, other.keyStart(j), other.keyEnds[j]);
  }

  /** Tells whether entry {@code i}'s key starts with {@code prefix}. */
  boolean keyStartsWith(int i, byte[] prefix) {
    int start = keyStart(i);
    return keyEnds[i] - start >= prefix.length
        && Arrays.equals(keys, start, start + prefix.length, prefix, 0, prefix.length);
  }

  private int keyStart(int i) {
    return i == 0 ? 0 : keyEnds[i - 1];
  }

  /** Returns a copy of entry {@code i}'s key as UTF-8 bytes. */
  byte[] keyBytes(int i) {
    return Arrays.copyOfRange(keys, keyStart(i), keyEnds[i]);
  }

  /** Returns entry {@code i}'s key. */
  String key(int i) {
    int start = keyStart(i);
    return new String(keys, start, keyEnds[i] - start, StandardCharsets.UTF_8);
  }

  /** Tells whether entry {@code i} is a tombstone. */
  boolean isTombstone(int i) {
    return contentLengths[i] == TOMBSTONE;
  }

  /** Returns the metadata of object {@code i}, whose key the caller already has. */
  ObjectInfo info(int i, String key) {
    return new ObjectInfo(key, contentLengths[i], contentType(i), Instant.ofEpochSecond(lastModifiedSeconds[i]));
  }

  /** Returns the metadata of object {@code i}. */
  ObjectInfo info(int i) {
    return info(i, key(i));
  }

  /** Returns a copy of object {@code i}'s content, the caller's to keep. */
  byte[] content(int i) {
    int start = contentStarts[i];
    return start < 0 ? large[-start - 1].clone() : Arrays.copyOfRange(inline, start, start + contentLengths[i]);
  }

  @Nullable String contentType(int i) {
    return types[typeNumbers[i]];
  }

  /** Copies entry {@code i} to the end of a segment being built. */
  void copyTo(int i, SegmentBuilder builder) {
    int start = keyStart(i);
    if (isTombstone(i)) {
      builder.addTombstone(keys, start, keyEnds[i] - start);
      return;
    }
    int contentStart = contentStarts[i];
    if (contentStart < 0) {
      builder.addShared(keys, start, keyEnds[i] - start, large[-contentStart - 1], contentType(i),
          lastModifiedSeconds[i]);
    } else {
      builder.addCopied(keys, start, keyEnds[i] - start, inline, contentStart, contentLengths[i], contentType(i),
          lastModifiedSeconds[i]);
    }
  }

  @Override
  public String toString() {
    return "Segment[" + count + " entries, " + tombstones + " tombstones]";
  }
}
