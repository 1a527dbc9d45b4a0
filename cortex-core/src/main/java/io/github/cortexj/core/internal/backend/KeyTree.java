package io.github.cortexj.core.internal.backend;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * Values by {@code /}-separated key, held as a tree of directories so that listing walks them in key order while a
 * single-key operation only touches its own directory: it finds the directory through a hash index, where one
 * sorted map of every key makes each operation walk a structure of millions of keys (with a cache miss at most of
 * its levels). Keys compare by {@link String#compareTo}; give {@link Utf8KeyOrder#sortKey sort keys} for UTF-8
 * order.
 *
 * <p>A directory's entries are sorted by name, where a subdirectory's name ends with its {@code /}: that is the
 * order of the whole keys, because no other name in the directory starts with it. A directory holds its entries in
 * one sorted array, copied on each change, until it has more than {@value #ARRAY_LIMIT}; then in a concurrent
 * sorted map. A directory left empty is removed at once, so deleted keys leave nothing behind.
 *
 * <p>Thread safe: {@link #get} and listing take no lock; each change locks the key's directory, and adding or
 * removing a directory also locks its parent (always the child first, so there is no deadlock). Single-key
 * operations are atomic. A listing sees every key present from its start to its end, and no key removed before it
 * started.
 *
 * @param <V> the values
 */
public final class KeyTree<V> {

  /** The most entries a directory holds in a copied array before it moves them to a concurrent map. */
  static final int ARRAY_LIMIT = 16;

  /** The most distinct names {@link #name} shares; further names are kept as they come. */
  private static final int SHARED_NAMES_LIMIT = 4096;

  /** The longest name {@link #name} shares: longer ones are mostly ids, each seen once. */
  private static final int SHARED_NAME_LENGTH = 16;

  /** Receives the entries of a listing in key order. */
  @FunctionalInterface
  public interface Visitor<V> {

    /**
     * Receives one entry.
     *
     * @param key the whole key
     * @param value its value
     * @return whether to go on to the next entry
     */
    boolean visit(String key, V value);
  }

  /**
   * A directory: its parent and its name there (ending with {@code /}; the root has none), and its entries. Changes
   * to the entries, and {@link #removed}, are made holding the directory's lock. It keeps no path, which would be
   * most of its size: it is found by the hash of its path, and compared with a path through its parents' names.
   * A directory equals only itself.
   */
  private static final class Dir {
    private final @Nullable Dir parent;
    private final String name;
    /** The {@link String#hashCode} of the path. */
    private final int pathHash;
    /** An {@code Object[]} of alternating names and values sorted by name, or a {@link ConcurrentSkipListMap}. */
    private volatile Object entries = new Object[0];
    /** Set, under the lock of the directory and of its parent, once it is empty and unlinked from its parent. */
    private boolean removed;

    Dir(@Nullable Dir parent, String name, int pathHash) {
      this.parent = parent;
      this.name = name;
      this.pathHash = pathHash;
    }

    /** Tells whether this directory's path is {@code text} from {@code start} to {@code end}. */
    boolean hasPath(String text, int start, int end) {
      int at = end;
      for (Dir dir = this; dir.parent != null; dir = dir.parent) {
        String dirName = dir.name;
        at -= dirName.length();
        if (at < start || !text.regionMatches(at, dirName, 0, dirName.length())) {
          return false;
        }
      }
      return at == start;
    }

    @Override
    public int hashCode() {
      return pathHash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return this == other;
    }

    /** Returns the entry named by {@code key} from {@code start} to its end. */
    @Nullable Object get(String key, int start) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, key, start);
        return at >= 0 ? array[2 * at + 1] : null;
      }
      return map(current).get(key.substring(start));
    }

    /** Sets an entry; the caller holds the lock. */
    void put(String entryName, Object value) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, entryName, 0);
        if (at >= 0) {
          Object[] copy = array.clone();
          copy[2 * at + 1] = value;
          entries = copy;
          return;
        }
        int insert = -at - 1;
        int count = array.length / 2;
        if (count < ARRAY_LIMIT) {
          Object[] copy = new Object[array.length + 2];
          System.arraycopy(array, 0, copy, 0, 2 * insert);
          copy[2 * insert] = entryName;
          copy[2 * insert + 1] = value;
          System.arraycopy(array, 2 * insert, copy, 2 * insert + 2, array.length - 2 * insert);
          entries = copy;
          return;
        }
        ConcurrentSkipListMap<String, Object> map = new ConcurrentSkipListMap<>();
        for (int i = 0; i < count; i++) {
          map.put((String) array[2 * i], array[2 * i + 1]);
        }
        map.put(entryName, value);
        entries = map;
        return;
      }
      map(current).put(entryName, value);
    }

    /**
     * Replaces the value of the entry named by {@code key} from {@code start} to its end, if there is one; the
     * caller holds the lock.
     */
    boolean replace(String key, int start, Object value) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, key, start);
        if (at < 0) {
          return false;
        }
        Object[] copy = array.clone();
        copy[2 * at + 1] = value;
        entries = copy;
        return true;
      }
      return map(current).replace(key.substring(start), value) != null;
    }

    /** Removes the entry named by {@code key} from {@code start} to its end; the caller holds the lock. */
    @Nullable Object remove(String key, int start) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, key, start);
        if (at < 0) {
          return null;
        }
        Object[] copy = new Object[array.length - 2];
        System.arraycopy(array, 0, copy, 0, 2 * at);
        System.arraycopy(array, 2 * at + 2, copy, 2 * at, copy.length - 2 * at);
        entries = copy;
        return array[2 * at + 1];
      }
      return map(current).remove(key.substring(start));
    }

    /** Tells whether the directory has no entry; the caller holds the lock. */
    boolean isEmpty() {
      Object current = entries;
      return current instanceof Object[] array ? array.length == 0 : map(current).isEmpty();
    }

    /**
     * Binary search for the name {@code key} holds from {@code start} to its end, compared in place: the index of
     * the entry, or {@code -(insertion point) - 1}.
     */
    private static int find(Object[] array, String key, int start) {
      int low = 0;
      int high = array.length / 2 - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int order = compare((String) array[2 * mid], key, start);
        if (order < 0) {
          low = mid + 1;
        } else if (order > 0) {
          high = mid - 1;
        } else {
          return mid;
        }
      }
      return -(low + 1);
    }

    /** Compares {@code name} with {@code key} from {@code start} to its end, as {@link String#compareTo} would. */
    private static int compare(String name, String key, int start) {
      int length = key.length() - start;
      int common = Math.min(name.length(), length);
      for (int i = 0; i < common; i++) {
        char a = name.charAt(i);
        char b = key.charAt(start + i);
        if (a != b) {
          return a - b;
        }
      }
      return name.length() - length;
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentSkipListMap<String, Object> map(Object entries) {
      return (ConcurrentSkipListMap<String, Object>) entries;
    }
  }

  /**
   * A part of a string that hashes as the {@link String} it spans and equals that string, or the directory with
   * that path, to look either up in a {@link ConcurrentHashMap} (whose {@code get} finds a key {@code k} such that
   * {@code probe.equals(k)}) without copying the part out first: the maps are asked on every single-key operation.
   * Only for such look-ups; it never becomes a key.
   */
  private static final class Region {
    private final String text;
    private final int start;
    private final int end;

    Region(String text, int start, int end) {
      this.text = text;
      this.start = start;
      this.end = end;
    }

    /** The hash {@link String#hashCode} specifies, of the characters spanned. */
    @Override
    public int hashCode() {
      int hash = 0;
      for (int i = start; i < end; i++) {
        hash = 31 * hash + text.charAt(i);
      }
      return hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      if (other instanceof Dir dir) {
        return dir.hasPath(text, start, end);
      }
      return other instanceof String string
          && string.length() == end - start
          && text.regionMatches(start, string, 0, end - start);
    }

    @Override
    public String toString() {
      return text.substring(start, end);
    }
  }

  private final Dir root = new Dir(null, "", 0);
  /** Every directory but the root, each its own key: found by a {@link Region} of its path. */
  private final ConcurrentHashMap<Dir, Dir> dirs = new ConcurrentHashMap<>();
  /**
   * One instance of each name seen, up to {@value #SHARED_NAMES_LIMIT}: most keys of a Cortex cluster end in one of
   * a few names ({@code payload}, {@code status/}, {@code completed}, ...), and each kept key holds its name.
   */
  private final ConcurrentHashMap<String, String> sharedNames = new ConcurrentHashMap<>();

  /** Creates an empty tree. */
  public KeyTree() {}

  /**
   * Returns the value of a key.
   *
   * @param key the key; it does not end with {@code /} and has no empty segment
   * @return the value, or {@code null} when the key is absent
   */
  @SuppressWarnings("unchecked")
  public @Nullable V get(String key) {
    int slash = key.lastIndexOf('/');
    Dir dir = dirOf(key, slash);
    if (dir == null) {
      return null;
    }
    Object value = dir.get(key, slash + 1);
    return value instanceof Dir ? null : (V) value;
  }

  /**
   * Sets the value of a key, replacing any value it had.
   *
   * @param key the key; it does not end with {@code /} and has no empty segment
   * @param value the value
   */
  public void put(String key, V value) {
    int slash = key.lastIndexOf('/');
    while (true) {
      Dir dir = dirOf(key, slash);
      if (dir == null) {
        dir = dir(key, slash + 1);
      }
      synchronized (dir) {
        if (!dir.removed) {
          if (!dir.replace(key, slash + 1, value)) {
            dir.put(name(key, slash + 1, key.length()), value);
          }
          return;
        }
      }
      // emptied and removed since it was found: look it up again
    }
  }

  /**
   * Removes a key.
   *
   * @param key the key
   * @return its value, or {@code null} when it was absent
   */
  @SuppressWarnings("unchecked")
  public @Nullable V remove(String key) {
    int slash = key.lastIndexOf('/');
    Dir dir = dirOf(key, slash);
    if (dir == null) {
      return null;
    }
    synchronized (dir) {
      if (dir.removed) {
        return null; // it was empty when it was removed, after the look-up: the key was absent then
      }
      Object removed = dir.remove(key, slash + 1);
      if (removed == null) {
        return null;
      }
      if (dir.isEmpty()) {
        unlink(dir);
      }
      return (V) removed;
    }
  }

  /**
   * Removes every key that starts with {@code prefix}: all of those present from the start to the end of the call,
   * and any added meanwhile or not.
   *
   * @param prefix the prefix; may be empty
   * @return how many keys this call removed
   */
  public int removeAll(String prefix) {
    int slash = prefix.lastIndexOf('/');
    Dir dir = dirOf(prefix, slash);
    return dir == null ? 0 : removeAll(dir, prefix.substring(slash + 1));
  }

  /** Removes a directory's keys whose names start with {@code namePrefix}, and everything under such directories. */
  private int removeAll(Dir dir, String namePrefix) {
    int removed = 0;
    Object current = dir.entries;
    if (current instanceof Object[] array) {
      // A snapshot: entries added after it are not owed to the caller.
      int at = Dir.find(array, namePrefix, 0);
      for (int i = at >= 0 ? at : -at - 1; i < array.length / 2; i++) {
        String entryName = (String) array[2 * i];
        if (!entryName.startsWith(namePrefix)) {
          break;
        }
        removed += removeEntry(dir, entryName, array[2 * i + 1]);
      }
      return removed;
    }
    for (Map.Entry<String, Object> entry : Dir.map(current).tailMap(namePrefix, true).entrySet()) {
      if (!entry.getKey().startsWith(namePrefix)) {
        break;
      }
      removed += removeEntry(dir, entry.getKey(), entry.getValue());
    }
    return removed;
  }

  /** Removes one entry of a listing: a key, or all under a directory; returns how many keys that removed. */
  private int removeEntry(Dir dir, String entryName, Object value) {
    if (value instanceof Dir child) {
      return removeAll(child, "");
    }
    synchronized (dir) {
      if (dir.removed || dir.remove(entryName, 0) == null) {
        return 0; // removed meanwhile
      }
      if (dir.isEmpty()) {
        unlink(dir);
      }
      return 1;
    }
  }

  /**
   * Visits, in key order, the entries whose key starts with {@code prefix} and, when {@code after} is given, is
   * greater than it, until the visitor declines the next one.
   *
   * @param prefix the prefix; may be empty
   * @param after the key to start after, or {@code null} to start at the prefix
   * @param visitor receives the entries
   */
  public void visit(String prefix, @Nullable String after, Visitor<? super V> visitor) {
    int slash = prefix.lastIndexOf('/');
    Dir dir = dirOf(prefix, slash);
    if (dir == null) {
      return;
    }
    @Nullable String bound = null;
    if (after != null) {
      if (after.startsWith(prefix)) {
        bound = after.substring(slash + 1);
      } else if (after.compareTo(prefix) > 0) {
        return; // after every key with the prefix
      }
    }
    walk(dir, prefix.substring(0, slash + 1), prefix.substring(slash + 1), bound, visitor);
  }

  /**
   * Visits a directory's entries starting with {@code namePrefix}, and after {@code bound} (a key relative to the
   * directory) when given; returns whether the visitor wants more.
   */
  @SuppressWarnings("unchecked")
  private boolean walk(
      Dir dir, String path, String namePrefix, @Nullable String bound, Visitor<? super V> visitor) {
    String from = namePrefix;
    boolean inclusive = true;
    @Nullable String boundDir = null;
    @Nullable String boundRest = null;
    if (bound != null) {
      int slash = bound.indexOf('/');
      if (slash < 0) {
        from = bound;
        inclusive = false;
      } else {
        // start inside the subdirectory the bound is in
        from = bound.substring(0, slash + 1);
        boundDir = from;
        boundRest = bound.substring(slash + 1);
      }
    }
    Object current = dir.entries;
    if (current instanceof Object[] array) {
      int at = Dir.find(array, from, 0);
      int start = at >= 0 ? (inclusive ? at : at + 1) : -at - 1;
      for (int i = start; i < array.length / 2; i++) {
        String entryName = (String) array[2 * i];
        if (!entryName.startsWith(namePrefix)) {
          return true;
        }
        if (!walkEntry(path, entryName, array[2 * i + 1], boundDir, boundRest, visitor)) {
          return false;
        }
      }
      return true;
    }
    Iterator<Map.Entry<String, Object>> entries = Dir.map(current).tailMap(from, inclusive).entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Object> entry = entries.next();
      if (!entry.getKey().startsWith(namePrefix)) {
        return true;
      }
      if (!walkEntry(path, entry.getKey(), entry.getValue(), boundDir, boundRest, visitor)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private boolean walkEntry(
      String path,
      String entryName,
      Object value,
      @Nullable String boundDir,
      @Nullable String boundRest,
      Visitor<? super V> visitor) {
    if (value instanceof Dir child) {
      return walk(child, path + entryName, "", entryName.equals(boundDir) ? boundRest : null, visitor);
    }
    return visitor.visit(path + entryName, (V) value);
  }

  /** Finds or creates the directory whose path is {@code key} up to {@code end}, linked into its parent. */
  @SuppressWarnings("CollectionIncompatibleType") // a Region equals the directory of its path: see Region
  private Dir dir(String key, int end) {
    if (end == 0) {
      return root;
    }
    Region path = new Region(key, 0, end);
    Dir found = dirs.get(path);
    if (found != null) {
      return found;
    }
    int slash = key.lastIndexOf('/', end - 2);
    while (true) {
      Dir parent = dir(key, slash + 1);
      synchronized (parent) {
        if (!parent.removed) {
          // Under the parent's lock the index is exact for its subdirectories: they are added and removed there.
          found = dirs.get(path);
          if (found != null) {
            return found;
          }
          Dir created = new Dir(parent, name(key, slash + 1, end), path.hashCode());
          dirs.put(created, created);
          parent.put(created.name, created);
          return created;
        }
      }
    }
  }

  /** Removes an empty directory from its parent, and the parent too when that leaves it empty; holds its lock. */
  private void unlink(Dir dir) {
    Dir parent = dir.parent;
    if (parent == null) {
      return; // the root stays
    }
    synchronized (parent) {
      dir.removed = true;
      dirs.remove(dir, dir);
      parent.remove(dir.name, 0);
      if (parent.isEmpty()) {
        unlink(parent);
      }
    }
  }

  /** Returns the directory of a key whose last {@code /} is at {@code slash}, or {@code null} when there is none. */
  @SuppressWarnings("CollectionIncompatibleType") // a Region equals the directory of its path: see Region
  private @Nullable Dir dirOf(String key, int slash) {
    return slash < 0 ? root : dirs.get(new Region(key, 0, slash + 1));
  }

  /** Returns the name {@code key} holds from {@code start} to {@code end}: a shared instance while names are few. */
  @SuppressWarnings("CollectionIncompatibleType") // a Region equals the String it spans: see Region
  private String name(String key, int start, int end) {
    if (end - start > SHARED_NAME_LENGTH) {
      return key.substring(start, end);
    }
    String shared = sharedNames.get(new Region(key, start, end));
    if (shared != null) {
      return shared;
    }
    String entryName = key.substring(start, end);
    if (sharedNames.size() < SHARED_NAMES_LIMIT) {
      String previous = sharedNames.putIfAbsent(entryName, entryName);
      return previous == null ? entryName : previous;
    }
    return entryName;
  }

  /**
   * Counts the directories, for tests that check that removed keys leave nothing behind.
   *
   * @return the number of directories other than the root
   */
  public int directoryCount() {
    return dirs.size();
  }
}
