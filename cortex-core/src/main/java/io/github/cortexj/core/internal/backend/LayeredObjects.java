package io.github.cortexj.core.internal.backend;

import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects of an in-memory store in layers, newest first: a concurrent sorted map that takes every write; maps
 * frozen when full, waiting to be packed; and immutable {@link Segment}s, packed from them in the background and
 * merged as they accumulate (a log-structured merge tree held in memory). A key's newest layer decides: an object
 * there, or a tombstone that hides the older layers.
 *
 * <p>Why: a store that backs an async API holds every request of the retention period. Kept as map nodes and
 * small objects, the garbage collector copies and marks them over and over, which cost the gateway more CPU than
 * any step of a request (see docs/performance.md). Here only the last moments of writes are small objects; the
 * rest sits in a few large primitive arrays.
 *
 * <p>How it stays consistent: the layers are published together as one immutable {@link State}, replaced whole
 * by the compaction (one at a time). A reader takes one state and reads its layers newest first, so it never
 * misses an object that moves from one layer to another meanwhile: the layers it holds stay as they were. A
 * writer writes into the state's recent map inside {@link WriterStripes}; to freeze a map, the compaction
 * publishes a new one, marks the old one sealed and waits for the writers that did not see the mark, so a frozen
 * map never changes again. Single-key operations are atomic, as the map's are; a listing reads one state, so it
 * sees each key consistently, as S3's does.
 *
 * <p>Compaction runs one task at a time on the given executor; a writer that finds the recent map far over its
 * limit (the executor being slow or refusing) compacts on its own thread.
 *
 * <p>Thread safe.
 */
public final class LayeredObjects {

  private static final Logger LOG = LoggerFactory.getLogger(LayeredObjects.class);

  /** What a map entry costs beside its key and content, in the unit of {@link Settings#activeLimit()}. */
  private static final int ENTRY_WEIGHT = 64;

  /** The most bytes one merge may produce, so that a segment's arrays stay well within Java's limits. */
  private static final long MAX_SEGMENT_BYTES = 1L << 30;

  /** How far past its limit the recent map may grow before writers stop waiting for the executor. */
  private static final int BEHIND_FACTOR = 8;

  /**
   * How the layers are sized.
   *
   * @param activeLimit the weight (about the bytes of keys and small contents, plus 64 per object) at which the
   *     recent map is frozen and packed into a segment
   * @param fanout how many segments of one level are merged into one of the next
   * @param executor where compaction runs
   */
  public record Settings(long activeLimit, int fanout, Executor executor) {

    /** The defaults: 8 MiB of recent writes (about 60,000 small objects), fan-out 4, the common pool. */
    public static Settings defaults() {
      return new Settings(8L << 20, 4, ForkJoinPool.commonPool());
    }

    /**
     * Returns these settings with compaction on another executor.
     *
     * @param other where compaction runs
     * @return the settings
     */
    public Settings withExecutor(Executor other) {
      return new Settings(activeLimit, fanout, other);
    }

    /** Validates the settings. */
    public Settings {
      if (activeLimit < 1) {
        throw new IllegalArgumentException("activeLimit must be positive (got " + activeLimit + ")");
      }
      if (fanout < 2) {
        throw new IllegalArgumentException("fanout must be at least 2 (got " + fanout + ")");
      }
      Objects.requireNonNull(executor, "executor");
    }
  }

  /** An object in a recent map, or a tombstone for its key. */
  private static final class Held {
    private static final byte[] NONE = new byte[0];

    private final String key;
    private final byte[] content;
    private final @Nullable String contentType;
    private final long lastModifiedSecond;
    private final boolean tombstone;

    Held(String key, byte[] content, @Nullable String contentType, long lastModifiedSecond, boolean tombstone) {
      this.key = key;
      this.content = content;
      this.contentType = contentType;
      this.lastModifiedSecond = lastModifiedSecond;
      this.tombstone = tombstone;
    }

    static Held tombstone(String key) {
      return new Held(key, NONE, null, 0, true);
    }

    long weight() {
      return ENTRY_WEIGHT + key.length() + (content.length > Segment.INLINE_MAX ? 0 : content.length);
    }

    ObjectInfo info() {
      return new ObjectInfo(key, content.length, contentType, Instant.ofEpochSecond(lastModifiedSecond));
    }
  }

  /** A sorted map of recent writes, by {@link Utf8KeyOrder#sortKey}; sealed once frozen, never written again. */
  private static final class Recent {
    private final ConcurrentSkipListMap<String, Held> map = new ConcurrentSkipListMap<>();
    private final LongAdder weight = new LongAdder();
    private volatile boolean sealed;
  }

  /**
   * The layers at one moment; never changed, replaced whole.
   *
   * @param active the map writes go to
   * @param frozen maps waiting to be packed, newest first
   * @param segments the packed layers, newest first
   * @param levels each segment's level: 0 when packed, one more than its inputs' when merged because a level was
   *     full
   */
  private record State(Recent active, Recent[] frozen, Segment[] segments, int[] levels) {}

  /**
   * One page of a listing.
   *
   * @param objects the objects, in key order
   * @param truncated whether more objects with the prefix follow
   */
  public record Listing(List<ObjectInfo> objects, boolean truncated) {}

  private final Settings settings;
  private final WriterStripes writers = new WriterStripes();
  private volatile State state = new State(new Recent(), new Recent[0], new Segment[0], new int[0]);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  /** Held by the one compaction at work; the only code that replaces {@link #state}. */
  private final ReentrantLock compaction = new ReentrantLock();

  /**
   * Creates empty layers.
   *
   * @param settings the sizes and the compaction's executor
   */
  public LayeredObjects(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Writes an object.
   *
   * @param key the key
   * @param sortKey its {@link Utf8KeyOrder#sortKey}
   * @param content the content, which the layers own from now on
   * @param contentType the content type, or {@code null}
   * @param lastModifiedSecond the epoch second it was written
   */
  public void put(String key, String sortKey, byte[] content, @Nullable String contentType, long lastModifiedSecond) {
    Held held = new Held(key, content, contentType, lastModifiedSecond, false);
    boolean full;
    int stripe = writers.enter();
    try {
      Recent recent = writable();
      Held previous = recent.map.put(sortKey, held);
      full = added(recent, previous, held);
    } finally {
      writers.exit(stripe);
    }
    if (full) {
      compactionDue();
    }
  }

  /** The map to write to, read after entering the stripes: a sealed one has a successor already published. */
  private Recent writable() {
    Recent recent = state.active;
    while (recent.sealed) {
      Thread.onSpinWait();
      recent = state.active;
    }
    return recent;
  }

  /** Counts a write into a recent map's weight; tells whether the map is now full. */
  private boolean added(Recent recent, @Nullable Held previous, Held held) {
    recent.weight.add(previous == null ? held.weight() : held.weight() - previous.weight());
    return previous == null && recent.weight.sum() >= settings.activeLimit();
  }

  /**
   * Reads an object's metadata.
   *
   * @param key the key
   * @param sortKey its {@link Utf8KeyOrder#sortKey}
   * @return the metadata, or {@code null} when there is no such object
   */
  public @Nullable ObjectInfo head(String key, String sortKey) {
    return newest(state, true, key, sortKey, Held::info, (segment, i) -> segment.info(i, key));
  }

  /**
   * Reads an object.
   *
   * @param key the key
   * @param sortKey its {@link Utf8KeyOrder#sortKey}
   * @return the object with a copy of its content, or {@code null} when there is no such object
   */
  public @Nullable StoredObject get(String key, String sortKey) {
    return newest(
        state,
        true,
        key,
        sortKey,
        held -> new StoredObject(held.info(), held.content.clone()),
        (segment, i) -> new StoredObject(segment.info(i, key), segment.content(i)));
  }

  /** Reads what one entry of a segment holds. */
  private interface PackedReader<T> {
    T read(Segment segment, int i);
  }

  /**
   * Reads the newest entry under a key in a state's layers, newest first (the active map only when asked): what
   * {@code fromMap} or {@code fromSegment} make of it when it is an object, {@code null} when it is a tombstone or
   * there is none.
   */
  private static <T> @Nullable T newest(
      State layers,
      boolean withActive,
      String key,
      String sortKey,
      Function<Held, T> fromMap,
      PackedReader<T> fromSegment) {
    Held held = withActive ? layers.active().map.get(sortKey) : null;
    for (int f = 0; held == null && f < layers.frozen().length; f++) {
      held = layers.frozen()[f].map.get(sortKey);
    }
    if (held != null) {
      return held.tombstone ? null : fromMap.apply(held);
    }
    byte[] keyBytes = null;
    for (Segment segment : layers.segments()) {
      if (segment.mayHold(sortKey)) {
        keyBytes = keyBytes == null ? key.getBytes(StandardCharsets.UTF_8) : keyBytes;
        int i = segment.find(keyBytes);
        if (i >= 0) {
          return segment.isTombstone(i) ? null : fromSegment.read(segment, i);
        }
      }
    }
    return null;
  }

  /** Tells whether the layers under a state's active map hold a live object under a key. */
  private static boolean olderHoldsObject(State layers, String key, String sortKey) {
    return newest(layers, false, key, sortKey, held -> true, (segment, i) -> true) != null;
  }

  /**
   * Deletes an object.
   *
   * @param key the key
   * @param sortKey its {@link Utf8KeyOrder#sortKey}
   * @return whether there was an object to delete
   */
  public boolean delete(String key, String sortKey) {
    boolean existed;
    boolean full = false;
    int stripe = writers.enter();
    try {
      Recent recent = writable();
      State layers = state;
      // The older layers only change into equivalent ones meanwhile: whether they hold the key stays true.
      if (olderHoldsObject(layers, key, sortKey)) {
        Held tombstone = Held.tombstone(key);
        Held previous = recent.map.put(sortKey, tombstone);
        existed = previous == null || !previous.tombstone;
        full = added(recent, previous, tombstone);
      } else {
        // Nothing older to hide: the map's own entry, if any, just goes (no compaction packs a map being written).
        Held previous = recent.map.remove(sortKey);
        existed = previous != null && !previous.tombstone;
        if (previous != null) {
          recent.weight.add(-previous.weight());
        }
      }
    } finally {
      writers.exit(stripe);
    }
    if (full) {
      compactionDue();
    }
    return existed;
  }

  /**
   * Lists one page of the objects whose keys start with a prefix.
   *
   * @param prefix the prefix
   * @param sortPrefix its {@link Utf8KeyOrder#sortKey}
   * @param after the key after which to start (exclusive), or {@code null} to start at the prefix
   * @param maxKeys the most objects to return
   * @return the page
   */
  public Listing list(String prefix, String sortPrefix, @Nullable String after, int maxKeys) {
    String from = sortPrefix;
    boolean inclusive = true;
    byte[] fromBytes = null;
    if (after != null) {
      String sortAfter = Utf8KeyOrder.sortKey(after);
      if (sortAfter.compareTo(sortPrefix) >= 0) {
        from = sortAfter;
        inclusive = false;
        fromBytes = after.getBytes(StandardCharsets.UTF_8);
      }
    }
    State layers = state;
    List<ObjectInfo> page = new ArrayList<>(Math.min(maxKeys + 1, 64));
    List<Cursor> cursors = new ArrayList<>(2);
    addRecentCursor(cursors, layers.active(), from, inclusive, sortPrefix);
    for (Recent frozen : layers.frozen()) {
      addRecentCursor(cursors, frozen, from, inclusive, sortPrefix);
    }
    byte[] prefixBytes = null;
    for (Segment segment : layers.segments()) {
      if (!segment.mayHoldPrefix(sortPrefix)) {
        continue;
      }
      if (prefixBytes == null) {
        prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        fromBytes = inclusive ? prefixBytes : fromBytes;
      }
      int start = segment.lowerBound(Objects.requireNonNull(fromBytes), !inclusive);
      if (start < segment.count() && segment.keyStartsWith(start, prefixBytes)) {
        cursors.add(new SegmentCursor(segment, start, prefixBytes));
      }
    }
    if (cursors.size() == 1) {
      Cursor only = cursors.get(0);
      for (; only.live() && page.size() <= maxKeys; only.advance()) {
        if (!only.isTombstone()) {
          page.add(only.info());
        }
      }
    } else if (!cursors.isEmpty()) {
      mergePage(cursors, page, maxKeys);
    }
    boolean truncated = page.size() > maxKeys;
    return new Listing(truncated ? page.subList(0, maxKeys) : page, truncated);
  }

  private static void addRecentCursor(
      List<Cursor> cursors, Recent recent, String from, boolean inclusive, String sortPrefix) {
    RecentCursor cursor =
        new RecentCursor(recent.map.tailMap(from, inclusive).entrySet().iterator(), sortPrefix);
    if (cursor.live()) {
      cursors.add(cursor);
    }
  }

  /** Fills a page from several layers, the newest (first) cursor deciding each key. */
  private static void mergePage(List<Cursor> cursors, List<ObjectInfo> page, int maxKeys) {
    while (page.size() <= maxKeys) {
      Cursor smallest = null;
      for (Cursor cursor : cursors) {
        if (cursor.live() && (smallest == null || cursor.compareTo(smallest) < 0)) {
          smallest = cursor;
        }
      }
      if (smallest == null) {
        return;
      }
      for (Cursor cursor : cursors) {
        if (cursor != smallest && cursor.live() && cursor.compareTo(smallest) == 0) {
          cursor.advance();
        }
      }
      if (!smallest.isTombstone()) {
        page.add(smallest.info());
      }
      smallest.advance();
    }
  }

  /** A position in one layer, over the keys with a prefix. */
  private abstract static class Cursor {
    abstract boolean live();

    abstract void advance();

    abstract boolean isTombstone();

    abstract ObjectInfo info();

    /** Compares the current keys: by sort key between maps, by UTF-8 bytes where a segment is involved. */
    int compareTo(Cursor other) {
      if (this instanceof SegmentCursor mine) {
        return other instanceof SegmentCursor theirs
            ? mine.compareTo(theirs)
            : mine.compareTo(((RecentCursor) other).keyBytes());
      }
      RecentCursor mine = (RecentCursor) this;
      return other instanceof RecentCursor theirs
          ? mine.sortKey().compareTo(theirs.sortKey())
          : -((SegmentCursor) other).compareTo(mine.keyBytes());
    }
  }

  private static final class RecentCursor extends Cursor {
    private final Iterator<Map.Entry<String, Held>> entries;
    private final String sortPrefix;
    private Map.@Nullable Entry<String, Held> current;
    private byte @Nullable [] keyBytes;

    RecentCursor(Iterator<Map.Entry<String, Held>> entries, String sortPrefix) {
      this.entries = entries;
      this.sortPrefix = sortPrefix;
      advance();
    }

    @Override
    boolean live() {
      return current != null;
    }

    @Override
    void advance() {
      keyBytes = null;
      current = null;
      if (entries.hasNext()) {
        Map.Entry<String, Held> next = entries.next();
        if (next.getKey().startsWith(sortPrefix)) {
          current = next;
        }
      }
    }

    private Map.Entry<String, Held> entry() {
      return Objects.requireNonNull(current, "no entry");
    }

    String sortKey() {
      return entry().getKey();
    }

    @Override
    boolean isTombstone() {
      return entry().getValue().tombstone;
    }

    @Override
    ObjectInfo info() {
      return entry().getValue().info();
    }

    /** The current key's UTF-8 bytes, for comparing with a segment's; made once per entry. */
    byte[] keyBytes() {
      byte[] bytes = keyBytes;
      if (bytes == null) {
        bytes = entry().getValue().key.getBytes(StandardCharsets.UTF_8);
        keyBytes = bytes;
      }
      return bytes;
    }
  }

  private static final class SegmentCursor extends Cursor {
    private final Segment segment;
    private final byte[] prefix;
    private int at;
    private boolean live;

    SegmentCursor(Segment segment, int at, byte[] prefix) {
      this.segment = segment;
      this.prefix = prefix;
      this.at = at;
      this.live = true;
    }

    @Override
    boolean live() {
      return live;
    }

    @Override
    void advance() {
      at++;
      live = at < segment.count() && segment.keyStartsWith(at, prefix);
    }

    int compareTo(SegmentCursor other) {
      return segment.compareKey(at, other.segment, other.at);
    }

    int compareTo(byte[] key) {
      return segment.compareKey(at, key, 0, key.length);
    }

    @Override
    boolean isTombstone() {
      return segment.isTombstone(at);
    }

    @Override
    ObjectInfo info() {
      return segment.info(at);
    }
  }

  /**
   * Deletes every object whose key starts with a prefix.
   *
   * @param prefix the prefix, not empty
   * @param sortPrefix its {@link Utf8KeyOrder#sortKey}
   * @return how many objects this call deleted
   */
  public int deleteByPrefix(String prefix, String sortPrefix) {
    int deleted = 0;
    String after = null;
    Listing page;
    do {
      page = list(prefix, sortPrefix, after, 1000);
      for (ObjectInfo info : page.objects()) {
        if (delete(info.key(), Utf8KeyOrder.sortKey(info.key()))) {
          deleted++;
        }
        after = info.key();
      }
    } while (page.truncated());
    return deleted;
  }

  /** A write filled the recent map: hand the compaction to the executor, or do it here when far behind. */
  private void compactionDue() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        settings.executor().execute(this::compactInBackground);
        return;
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        LOG.debug("the compaction executor refused a task; compacting on the writer's thread", e);
      }
    } else if (state.active().weight.sum() < BEHIND_FACTOR * settings.activeLimit()) {
      return; // the scheduled compaction will get to it
    }
    compactIfFull();
  }

  private void compactInBackground() {
    scheduled.set(false); // writes from now on may schedule the next one
    try {
      compactIfFull();
    } catch (RuntimeException | Error e) { // NOPMD: log what killed it; the next full map schedules another
      LOG.error("in-memory store compaction failed", e);
      throw e;
    }
  }

  private void compactIfFull() {
    compaction.lock();
    try {
      if (state.active().weight.sum() >= settings.activeLimit()) {
        freeze();
      }
      packFrozen();
      merge();
    } finally {
      compaction.unlock();
    }
  }

  /** Publishes a fresh recent map, seals the old one, and waits until no writer can still change it. */
  private void freeze() {
    State current = state;
    Recent old = current.active();
    if (old.map.isEmpty()) {
      return;
    }
    Recent[] frozen = new Recent[current.frozen().length + 1];
    frozen[0] = old;
    System.arraycopy(current.frozen(), 0, frozen, 1, current.frozen().length);
    state = new State(new Recent(), frozen, current.segments(), current.levels());
    old.sealed = true;
    writers.awaitWritersBefore();
  }

  /** Packs the frozen maps into segments, oldest first, each published in place of its map. */
  private void packFrozen() {
    while (state.frozen().length > 0) {
      State current = state;
      Recent[] frozen = current.frozen();
      Recent oldest = frozen[frozen.length - 1];
      Segment[] older = current.segments();
      long weight = oldest.weight.sum();
      SegmentBuilder builder =
          new SegmentBuilder((int) Math.min(1 << 20, weight / 100 + 16), weight / 2 + 64, weight / 4 + 64);
      for (Held held : oldest.map.values()) {
        if (!held.tombstone) {
          builder.add(held.key, held.content, held.contentType, held.lastModifiedSecond);
        } else if (holds(older, 0, held.key.getBytes(StandardCharsets.UTF_8))) {
          builder.addTombstone(held.key);
        }
      }
      Segment packed = builder.build();
      Segment[] segments = older;
      int[] levels = current.levels();
      if (packed != null) {
        segments = new Segment[older.length + 1];
        segments[0] = packed;
        System.arraycopy(older, 0, segments, 1, older.length);
        levels = new int[segments.length];
        System.arraycopy(current.levels(), 0, levels, 1, older.length);
      }
      // Read again: writers never replace the state, and only this compaction does, so only `active` is current.
      state = new State(state.active(), Arrays.copyOf(frozen, frozen.length - 1), segments, levels);
    }
  }

  /**
   * Tells whether a layer from {@code from} on has an entry, object or tombstone, under a key: the tombstone of a
   * newer layer is needed exactly while an older one has the key.
   */
  private static boolean holds(Segment[] layers, int from, byte[] key) {
    for (int i = from; i < layers.length; i++) {
      if (layers[i].mayHold(key) && layers[i].find(key) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Merges segments while a level holds {@link Settings#fanout()} of them or tombstones are a quarter of all. */
  private void merge() {
    while (true) {
      State current = state;
      Segment[] layers = current.segments();
      int[] levels = current.levels();
      int[] range = mergeRange(layers, levels);
      if (range == null) {
        return;
      }
      int from = range[0];
      int to = range[1];
      Segment merged = merge(layers, from, to);
      int level = 0;
      for (int i = from; i < to; i++) {
        level = Math.max(level, levels[i] + range[2]);
      }
      int kept = merged == null ? 0 : 1;
      Segment[] next = new Segment[layers.length - (to - from) + kept];
      int[] nextLevels = new int[next.length];
      System.arraycopy(layers, 0, next, 0, from);
      System.arraycopy(levels, 0, nextLevels, 0, from);
      if (merged != null) {
        next[from] = merged;
        nextLevels[from] = level;
      }
      System.arraycopy(layers, to, next, from + kept, layers.length - to);
      System.arraycopy(levels, to, nextLevels, from + kept, layers.length - to);
      state = new State(state.active(), state.frozen(), next, nextLevels);
    }
  }

  /**
   * Returns {@code {from, to, levelUp}}: the segments to merge next, and 1 when a full level is why (the merged
   * segment goes a level up) or 0 when tombstones are; {@code null} when none need merging.
   */
  private int @Nullable [] mergeRange(Segment[] layers, int[] levels) {
    if (layers.length < 2) {
      return null;
    }
    long entries = 0;
    long tombstones = 0;
    long bytes = 0;
    for (Segment segment : layers) {
      entries += segment.count();
      tombstones += segment.tombstones();
      bytes += segment.bytes();
    }
    if (tombstones * 4 >= entries && bytes <= MAX_SEGMENT_BYTES) {
      return new int[] {0, layers.length, 0};
    }
    int fanout = settings.fanout();
    int start = 0;
    while (start < layers.length) {
      int end = start;
      long runBytes = 0;
      while (end < layers.length && levels[end] == levels[start]) {
        runBytes += layers[end].bytes();
        end++;
      }
      if (end - start >= fanout && runBytes <= MAX_SEGMENT_BYTES) {
        return new int[] {start, end, 1};
      }
      start = end;
    }
    return null;
  }

  /**
   * Merges {@code layers[from, to)} into one segment; the newest entry of each key wins, and a tombstone is
   * dropped when no layer after {@code to} has its key. Where one segment's keys come before every other's, they
   * are copied as a run without comparing each.
   */
  private static @Nullable Segment merge(Segment[] layers, int from, int to) {
    Segment[] inputs = Arrays.copyOfRange(layers, from, to);
    int[] at = new int[inputs.length];
    int entries = 0;
    long keyBytes = 0;
    long inlineBytes = 0;
    for (Segment input : inputs) {
      entries += input.count();
      keyBytes += input.keyBytes();
      inlineBytes += input.inlineBytes();
    }
    SegmentBuilder builder = new SegmentBuilder(entries, keyBytes, inlineBytes);
    while (true) {
      int best = -1;
      for (int j = 0; j < inputs.length; j++) {
        if (at[j] < inputs[j].count() && (best < 0 || inputs[j].compareKey(at[j], inputs[best], at[best]) < 0)) {
          best = j;
        }
      }
      if (best < 0) {
        break;
      }
      // The next smallest key among the others: everything of `best` before it is copied as a run.
      int next = -1;
      for (int j = 0; j < inputs.length; j++) {
        if (j != best
            && at[j] < inputs[j].count()
            && (next < 0 || inputs[j].compareKey(at[j], inputs[next], at[next]) < 0)) {
          next = j;
        }
      }
      Segment source = inputs[best];
      if (next >= 0 && source.compareKey(at[best], inputs[next], at[next]) == 0) {
        // The same key in several inputs: the newest (lowest index) is `best`, as the first smallest found.
        for (int j = 0; j < inputs.length; j++) {
          if (j != best && at[j] < inputs[j].count() && inputs[j].compareKey(at[j], source, at[best]) == 0) {
            at[j]++;
          }
        }
        copy(source, at[best], builder, layers, to);
        at[best]++;
        continue;
      }
      int runEnd = next < 0 ? source.count() : source.lowerBound(inputs[next].keyBytes(at[next]), false);
      for (int i = at[best]; i < runEnd; i++) {
        copy(source, i, builder, layers, to);
      }
      at[best] = runEnd;
    }
    return builder.build();
  }

  private static void copy(Segment source, int i, SegmentBuilder builder, Segment[] layers, int olderFrom) {
    if (source.isTombstone(i) && !holds(layers, olderFrom, source.keyBytes(i))) {
      return; // nothing older to hide
    }
    source.copyTo(i, builder);
  }
}
