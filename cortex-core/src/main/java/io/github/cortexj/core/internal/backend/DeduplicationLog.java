package io.github.cortexj.core.internal.backend;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The deduplication ids a FIFO queue remembers: for each, the id of the message it first sent and when its window
 * closes. Ids are forgotten in the order they were added, once the oldest one's window has closed.
 *
 * <p>Why not a map of records: a busy FIFO queue remembers every message of the last five minutes (millions at ten
 * thousand sends a second), and a record, a map node and an id string per message are objects that the garbage
 * collector copies through its young spaces and then marks, over and over. Here nothing is allocated per id once the
 * arrays have grown to the queue's pace; they shrink again when the queue quietens.
 *
 * <p>The layout, chosen so that looking up an id sent for the first time (the common case) reads the index only,
 * and that a remembered id takes 32 bytes of record, 16 of index and 1 more than its length of id ring (a 36-character
 * id 85 bytes, where a field per array and a {@code char} per character took 132), plus the slack of arrays whose
 * lengths are powers of two:
 *
 * <ul>
 *   <li>{@link #records}: a ring of {@value #STRIDE} longs per record, numbered by an ever-growing sequence taken
 *       modulo the ring's length: the message id's two halves, the window's end in epoch seconds, and its
 *       nanoseconds (high half) with where the id starts in {@link #bytes} (low half). One record is one or two cache
 *       lines, where a field per array cost one each.
 *   <li>{@link #bytes}: a ring of the ids, one after the other in the order they were added, each as one byte of
 *       length then one byte per character. SQS's deduplication ids are 1 to 128 ASCII characters
 *       ({@link OutgoingMessageRules} checks each one before it reaches the queue), so a byte holds a character; ids
 *       of up to {@value #MAX_ID_LENGTH} ISO-8859-1 characters are accepted, anything else is refused rather than
 *       truncated into another id.
 *   <li>{@link #index}: an open-addressing table with linear probing, twice the records' length (at most half full),
 *       whose used slots hold the id's 32-bit hash in the high half and the record's ring position plus one in the
 *       low half. A probe skips a slot whose hash differs without reading the records, so a miss reads index slots
 *       only; the hash also gives each entry's home slot when a removal shifts entries back and when the index is
 *       rebuilt, without reading the ids.
 * </ul>
 *
 * <p>Positions in both rings are ever-growing longs; a record keeps the low 32 bits of its id's, which taken modulo
 * the byte ring's length (a power of two of at most 2<sup>30</sup>) still give the id's place. Growing or shrinking a
 * ring moves each record or byte to its position modulo the new length, so both rings change size independently,
 * with a few array copies and without rewriting what the records hold; only a change of the records' length
 * rebuilds the index, from the index alone. A ring doubles when full and halves (at least) when less than an eighth
 * full, to twice what it holds or more, so it cannot grow and shrink back and forth.
 *
 * <p>Not thread safe: the queue's lock guards it.
 */
final class DeduplicationLog {

  /** The fewest records the ring is sized for; a power of two. */
  private static final int MIN_RECORDS = 16;

  /** The most records the ring holds: {@value #STRIDE} longs per record in one array. */
  private static final int MAX_RECORDS = 1 << 28;

  /** The fewest bytes the id ring is sized for; a power of two, more than the longest id takes. */
  private static final int MIN_BYTES = 512;

  /** The most bytes the id ring holds: the largest power of two an array can have. */
  private static final int MAX_BYTES = 1 << 30;

  /** The longest id remembered: its length takes one byte. */
  static final int MAX_ID_LENGTH = 255;

  /** The longs per record in {@link #records}. */
  private static final int STRIDE = 4;

  /** The record's field with the message id's most significant bits. */
  private static final int MESSAGE_HIGH = 0;

  /** The record's field with the message id's least significant bits. */
  private static final int MESSAGE_LOW = 1;

  /** The record's field with the window's end, in seconds since the epoch. */
  private static final int EXPIRES_SECOND = 2;

  /** The record's field with the window's end's nanoseconds (high half) and where its id starts (low half). */
  private static final int EXPIRES_NANO_AND_START = 3;

  /** Marks an empty slot of {@link #index}: a used slot's low half, a ring position plus one, is never zero. */
  private static final long EMPTY = 0;

  /** The hash half of an {@link #index} slot. */
  private static final long HASH_BITS = 0xFFFF_FFFF_0000_0000L;

  private long[] records = new long[MIN_RECORDS * STRIDE];
  /** The records' ring length minus one. */
  private int recordMask = MIN_RECORDS - 1;
  /** The sequence number of the oldest record kept. */
  private long head;
  /** The sequence number the next record gets. */
  private long tail;

  private byte[] bytes = new byte[MIN_BYTES];
  /** The position of the oldest record's id in {@link #bytes}, ever-growing (taken modulo its length). */
  private long byteHead;
  /** The position after the newest record's id. */
  private long byteTail;

  private long[] index = new long[MIN_RECORDS * 2];

  /** Returns how many ids are remembered. */
  int size() {
    return (int) (tail - head);
  }

  /** Returns how many records the ring holds before it grows: for tests. */
  int recordCapacity() {
    return recordMask + 1;
  }

  /** Returns how many bytes of ids the ring holds before it grows: for tests. */
  int byteCapacity() {
    return bytes.length;
  }

  /**
   * Returns the message first sent with a deduplication id.
   *
   * @param deduplicationId the id
   * @return the message's id, or {@code null} when the id is not remembered
   */
  @Nullable UUID find(String deduplicationId) {
    int hash = hash(deduplicationId);
    long wanted = (long) hash << 32;
    long[] slots = index;
    int mask = slots.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == EMPTY) {
        return null;
      }
      if ((entry & HASH_BITS) == wanted) {
        int at = ((int) entry - 1) * STRIDE;
        if (idEquals((int) records[at + EXPIRES_NANO_AND_START], deduplicationId)) {
          return new UUID(records[at + MESSAGE_HIGH], records[at + MESSAGE_LOW]);
        }
      }
    }
  }

  /**
   * Remembers an id that {@link #find} does not know.
   *
   * @param deduplicationId the id: at most {@value #MAX_ID_LENGTH} characters, each at most U+00FF (SQS's
   *     are 1 to 128 ASCII characters)
   * @param messageId the message it sent
   * @param expiresAt when its window closes
   * @throws IllegalArgumentException if the id is longer or has another character, and is not remembered
   */
  void add(String deduplicationId, UUID messageId, Instant expiresAt) {
    int length = deduplicationId.length();
    if (length > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a deduplication id of " + length + " characters, more than " + MAX_ID_LENGTH);
    }
    if (size() > recordMask) {
      resizeRecords(capacityFor((long) size() + 1, MIN_RECORDS, MAX_RECORDS));
    }
    long bytesNeeded = byteTail - byteHead + 1 + length;
    if (bytesNeeded > bytes.length) {
      resizeBytes(capacityFor(bytesNeeded, MIN_BYTES, MAX_BYTES));
    }
    int start = (int) byteTail;
    copyId(deduplicationId, start); // before anything is committed: it may refuse the id
    int record = (int) tail & recordMask;
    int at = record * STRIDE;
    records[at + MESSAGE_HIGH] = messageId.getMostSignificantBits();
    records[at + MESSAGE_LOW] = messageId.getLeastSignificantBits();
    records[at + EXPIRES_SECOND] = expiresAt.getEpochSecond();
    records[at + EXPIRES_NANO_AND_START] = ((long) expiresAt.getNano() << 32) | (start & 0xFFFF_FFFFL);
    insert(index, hash(deduplicationId), record);
    byteTail += 1 + length;
    tail++;
  }

  /**
   * Forgets the oldest ids while their windows have closed at {@code now}; stops at the first still open.
   *
   * @param now the queue's time
   */
  void forgetExpired(Instant now) {
    long second = now.getEpochSecond();
    int nano = now.getNano();
    int byteMask = bytes.length - 1;
    while (head < tail) {
      int record = (int) head & recordMask;
      int at = record * STRIDE;
      long expiresSecond = records[at + EXPIRES_SECOND];
      int expiresNano = (int) (records[at + EXPIRES_NANO_AND_START] >>> 32);
      boolean open = expiresSecond != second ? expiresSecond > second : expiresNano > nano;
      if (open) {
        break;
      }
      int length = bytes[(int) byteHead & byteMask] & 0xFF;
      remove(hashOfStoredId((int) byteHead), record);
      byteHead += 1 + length;
      head++;
    }
    int size = size();
    if (recordMask + 1 > MIN_RECORDS && size < (recordMask + 1) / 8) {
      resizeRecords(capacityFor(size * 2L, MIN_RECORDS, MAX_RECORDS));
    }
    long bytesUsed = byteTail - byteHead;
    if (bytes.length > MIN_BYTES && bytesUsed < bytes.length / 8) {
      resizeBytes(capacityFor(bytesUsed * 2, MIN_BYTES, MAX_BYTES));
    }
  }

  /** Forgets every id. */
  void clear() {
    head = 0;
    tail = 0;
    byteHead = 0;
    byteTail = 0;
    records = new long[MIN_RECORDS * STRIDE];
    recordMask = MIN_RECORDS - 1;
    bytes = new byte[MIN_BYTES];
    index = new long[MIN_RECORDS * 2];
  }

  /**
   * Writes an id's length and characters at a position of {@link #bytes}, which has room for them.
   *
   * @throws IllegalArgumentException if a character does not fit a byte
   */
  private void copyId(String id, int start) {
    byte[] ring = bytes;
    int mask = ring.length - 1;
    int length = id.length();
    int at = start & mask;
    ring[at] = (byte) length;
    if (at + length < ring.length) {
      for (int i = 0; i < length; i++) {
        ring[at + 1 + i] = latin1(id, i);
      }
    } else {
      for (int i = 0; i < length; i++) {
        ring[(at + 1 + i) & mask] = latin1(id, i);
      }
    }
  }

  private static byte latin1(String id, int i) {
    char c = id.charAt(i);
    if (c > 0xFF) {
      throw new IllegalArgumentException(
          "a deduplication id with the character U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
              + ", which does not fit a byte");
    }
    return (byte) c;
  }

  /** Whether the id stored at a position of {@link #bytes} is {@code id}. */
  private boolean idEquals(int start, String id) {
    byte[] ring = bytes;
    int mask = ring.length - 1;
    int length = id.length();
    int at = start & mask;
    if ((ring[at] & 0xFF) != length) {
      return false;
    }
    if (at + length < ring.length) {
      for (int i = 0; i < length; i++) {
        if ((ring[at + 1 + i] & 0xFF) != id.charAt(i)) {
          return false;
        }
      }
    } else {
      for (int i = 0; i < length; i++) {
        if ((ring[(at + 1 + i) & mask] & 0xFF) != id.charAt(i)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Returns {@link #hash} of the id stored at a position of {@link #bytes}: its string hash, from its bytes. */
  private int hashOfStoredId(int start) {
    byte[] ring = bytes;
    int mask = ring.length - 1;
    int at = start & mask;
    int length = ring[at] & 0xFF;
    int stringHash = 0;
    for (int i = 1; i <= length; i++) {
      stringHash = 31 * stringHash + (ring[(at + i) & mask] & 0xFF);
    }
    return spread(stringHash);
  }

  /** Puts a record's entry in the first empty slot from its hash's home slot. */
  private static void insert(long[] slots, int hash, int record) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (slots[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = ((long) hash << 32) | (record + 1);
  }

  /** Removes a record's slot and shifts back the entries after it that would no longer be found. */
  private void remove(int hash, int record) {
    long[] slots = index;
    int mask = slots.length - 1;
    long entry = ((long) hash << 32) | (record + 1);
    int gap = hash & mask;
    while (slots[gap] != entry) {
      if (slots[gap] == EMPTY) {
        throw new IllegalStateException("the deduplication index lost record " + record);
      }
      gap = (gap + 1) & mask;
    }
    slots[gap] = EMPTY;
    for (int next = (gap + 1) & mask; slots[next] != EMPTY; next = (next + 1) & mask) {
      int home = (int) (slots[next] >>> 32) & mask;
      // The entry at `next` stays unless its home slot lies cyclically outside (gap, next].
      boolean reachable = gap <= next ? gap < home && home <= next : gap < home || home <= next;
      if (!reachable) {
        slots[gap] = slots[next];
        slots[next] = EMPTY;
        gap = next;
      }
    }
  }

  /**
   * Moves the records into a ring of another length, each to its sequence number modulo the new length, and
   * rebuilds the index for it from the old index's hashes.
   */
  private void resizeRecords(int capacity) {
    long[] fresh = new long[capacity * STRIDE];
    copyRing(records, recordMask + 1, fresh, capacity, head, tail, STRIDE);
    int oldMask = recordMask;
    int oldHead = (int) head & oldMask;
    records = fresh;
    recordMask = capacity - 1;
    long[] oldIndex = index;
    long[] slots = new long[capacity * 2];
    // In slot order, so that the new index is written nearly in order too.
    for (long entry : oldIndex) {
      if (entry != EMPTY) {
        long sequence = head + ((((int) entry - 1) - oldHead) & oldMask);
        insert(slots, (int) (entry >>> 32), (int) sequence & recordMask);
      }
    }
    index = slots;
  }

  /** Moves the ids into a ring of another length, each byte to its position modulo the new length. */
  private void resizeBytes(int capacity) {
    byte[] fresh = new byte[capacity];
    copyRing(bytes, bytes.length, fresh, capacity, byteHead, byteTail, 1);
    bytes = fresh;
  }

  /**
   * Copies the elements from position {@code from} up to {@code to} of one ring to another, each to its position
   * modulo the target's length: at most three array copies.
   *
   * @param source the source array
   * @param sourceLength the source ring's length in elements (a power of two)
   * @param target the target array
   * @param targetLength the target ring's length in elements (a power of two, at least {@code to - from})
   * @param from the first position
   * @param to the position after the last
   * @param stride the array slots per element
   */
  private static void copyRing(
      Object source, int sourceLength, Object target, int targetLength, long from, long to, int stride) {
    for (long position = from; position < to; ) {
      int sourceAt = (int) position & (sourceLength - 1);
      int targetAt = (int) position & (targetLength - 1);
      int run = (int) Math.min(to - position, Math.min(sourceLength - sourceAt, targetLength - targetAt));
      System.arraycopy(source, sourceAt * stride, target, targetAt * stride, run * stride);
      position += run;
    }
  }

  /** Returns the least power of two at least {@code wanted} and {@code floor}, refusing more than {@code max}. */
  private static int capacityFor(long wanted, int floor, int max) {
    int capacity = floor;
    while (capacity < wanted) {
      if (capacity >= max) {
        throw new IllegalStateException("too many deduplication ids to remember: " + wanted + " more than " + max);
      }
      capacity <<= 1;
    }
    return capacity;
  }

  /** Returns the hash an id is indexed by: its string hash, spread over the low bits that pick a slot. */
  static int hash(String id) {
    return spread(id.hashCode());
  }

  private static int spread(int stringHash) {
    int h = stringHash * 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
