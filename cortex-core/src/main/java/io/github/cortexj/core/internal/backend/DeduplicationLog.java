package io.github.cortexj.core.internal.backend;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The deduplication ids a FIFO queue remembers: for each, the id of the message it first sent and when its window
 * closes. Ids are forgotten in the order they were added, once the oldest one's window has closed.
 *
 * <p>Why not a map of records: a busy FIFO queue remembers every message of the last five minutes (millions at ten
 * thousand sends a second), and a record, a map node and an id string per message are objects that the garbage
 * collector copies through its young spaces and then marks, over and over. Here the records sit in a few primitive
 * arrays used as a ring (the ids' characters in a ring of their own), found through an open-addressing index of
 * record numbers with linear probing. Nothing is allocated per id once the arrays have grown to the queue's pace;
 * they shrink again when the queue quietens.
 *
 * <p>Not thread safe: the queue's lock guards it.
 */
final class DeduplicationLog {

  /** The fewest records the arrays are sized for; a power of two. */
  private static final int MIN_RECORDS = 16;

  /** The fewest characters the id ring is sized for; a power of two. */
  private static final int MIN_CHARS = 512;

  /** Marks an empty slot of {@link #index}; a used slot holds a record's sequence number plus one. */
  private static final long EMPTY = 0;

  private long[] messageIdHigh;
  private long[] messageIdLow;
  private long[] expiresAtSecond;
  private int[] expiresAtNano;
  private int[] idHash;
  private int[] idLength;
  /** Where each record's id starts in {@link #chars}, as an ever-growing position (taken modulo its length). */
  private long[] idStart;
  /** The sequence number of the oldest record kept. */
  private long head;
  /** The sequence number the next record gets. */
  private long tail;
  private char[] chars;
  /** The position after the last id's characters. */
  private long charTail;
  private long[] index;

  DeduplicationLog() {
    allocate(MIN_RECORDS, MIN_CHARS);
  }

  /** Returns how many ids are remembered. */
  int size() {
    return (int) (tail - head);
  }

  /**
   * Returns the message first sent with a deduplication id.
   *
   * @param deduplicationId the id
   * @return the message's id, or {@code null} when the id is not remembered
   */
  @Nullable UUID find(String deduplicationId) {
    int hash = hash(deduplicationId);
    int mask = index.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long entry = index[slot];
      if (entry == EMPTY) {
        return null;
      }
      int record = record(entry - 1);
      if (idHash[record] == hash && idEquals(record, deduplicationId)) {
        return new UUID(messageIdHigh[record], messageIdLow[record]);
      }
    }
  }

  /**
   * Remembers an id that {@link #find} does not know.
   *
   * @param deduplicationId the id
   * @param messageId the message it sent
   * @param expiresAt when its window closes
   */
  void add(String deduplicationId, UUID messageId, Instant expiresAt) {
    int length = deduplicationId.length();
    long charsNeeded = charTail - charsInUseFrom() + length;
    if (size() == messageIdHigh.length || charsNeeded > chars.length) {
      // Doubling what is needed, so that growing costs a constant time per id.
      allocateAndCopy(Math.max(messageIdHigh.length, size() * 2), (int) Math.min(Integer.MAX_VALUE, charsNeeded * 2));
    }
    int record = record(tail);
    messageIdHigh[record] = messageId.getMostSignificantBits();
    messageIdLow[record] = messageId.getLeastSignificantBits();
    expiresAtSecond[record] = expiresAt.getEpochSecond();
    expiresAtNano[record] = expiresAt.getNano();
    idHash[record] = hash(deduplicationId);
    idLength[record] = length;
    idStart[record] = charTail;
    int charMask = chars.length - 1;
    for (int i = 0; i < length; i++) {
      chars[(int) ((charTail + i) & charMask)] = deduplicationId.charAt(i);
    }
    charTail += length;
    insert(tail, idHash[record]);
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
    while (head < tail) {
      int record = record(head);
      boolean open = expiresAtSecond[record] != second ? expiresAtSecond[record] > second : expiresAtNano[record] > nano;
      if (open) {
        break;
      }
      remove(head, idHash[record]);
      head++;
    }
    if (messageIdHigh.length > MIN_RECORDS && size() < messageIdHigh.length / 8) {
      allocateAndCopy(Math.max(MIN_RECORDS, size() * 2), (int) (charTail - charsInUseFrom()) * 2);
    }
  }

  /** Forgets every id. */
  void clear() {
    head = 0;
    tail = 0;
    charTail = 0;
    allocate(MIN_RECORDS, MIN_CHARS);
  }

  private long charsInUseFrom() {
    return head == tail ? charTail : idStart[record(head)];
  }

  private int record(long sequence) {
    return (int) (sequence & (messageIdHigh.length - 1));
  }

  private boolean idEquals(int record, String id) {
    int length = idLength[record];
    if (length != id.length()) {
      return false;
    }
    long start = idStart[record];
    int charMask = chars.length - 1;
    for (int i = 0; i < length; i++) {
      if (chars[(int) ((start + i) & charMask)] != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void insert(long sequence, int hash) {
    int mask = index.length - 1;
    int slot = hash & mask;
    while (index[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    index[slot] = sequence + 1;
  }

  /** Removes a record's slot and shifts back the entries after it that would no longer be found. */
  private void remove(long sequence, int hash) {
    int mask = index.length - 1;
    int gap = hash & mask;
    while (index[gap] != sequence + 1) {
      gap = (gap + 1) & mask;
    }
    index[gap] = EMPTY;
    for (int next = (gap + 1) & mask; index[next] != EMPTY; next = (next + 1) & mask) {
      int home = idHash[record(index[next] - 1)] & mask;
      // The entry at `next` stays unless its home slot lies cyclically outside (gap, next].
      boolean reachable = gap <= next ? gap < home && home <= next : gap < home || home <= next;
      if (!reachable) {
        index[gap] = index[next];
        index[next] = EMPTY;
        gap = next;
      }
    }
  }

  private void allocate(int records, int characters) {
    messageIdHigh = new long[records];
    messageIdLow = new long[records];
    expiresAtSecond = new long[records];
    expiresAtNano = new int[records];
    idHash = new int[records];
    idLength = new int[records];
    idStart = new long[records];
    chars = new char[characters];
    index = new long[records * 2];
  }

  /** Moves the records kept into arrays for at least the given numbers of records and characters. */
  private void allocateAndCopy(int minRecords, int minChars) {
    long[] oldHigh = messageIdHigh;
    long[] oldLow = messageIdLow;
    long[] oldSecond = expiresAtSecond;
    int[] oldNano = expiresAtNano;
    int[] oldHash = idHash;
    int[] oldLength = idLength;
    long[] oldStart = idStart;
    char[] oldChars = chars;
    int oldMask = oldHigh.length - 1;
    int oldCharMask = oldChars.length - 1;
    allocate(powerOfTwoAtLeast(minRecords, MIN_RECORDS), powerOfTwoAtLeast(minChars, MIN_CHARS));
    long at = 0;
    for (long sequence = head; sequence < tail; sequence++) {
      int from = (int) (sequence & oldMask);
      int to = record(sequence);
      messageIdHigh[to] = oldHigh[from];
      messageIdLow[to] = oldLow[from];
      expiresAtSecond[to] = oldSecond[from];
      expiresAtNano[to] = oldNano[from];
      idHash[to] = oldHash[from];
      idLength[to] = oldLength[from];
      idStart[to] = at;
      for (int i = 0; i < oldLength[from]; i++) {
        chars[(int) (at++)] = oldChars[(int) ((oldStart[from] + i) & oldCharMask)];
      }
      insert(sequence, idHash[to]);
    }
    charTail = at;
  }

  private static int powerOfTwoAtLeast(int value, int floor) {
    int wanted = Math.max(value, floor);
    int power = Integer.highestOneBit(wanted);
    if (power < wanted) {
      power <<= 1;
    }
    if (power <= 0) {
      throw new IllegalStateException("too many deduplication ids to remember: " + value);
    }
    return power;
  }

  /** Spreads the string hash over the low bits that pick a slot. */
  private static int hash(String id) {
    int h = id.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
