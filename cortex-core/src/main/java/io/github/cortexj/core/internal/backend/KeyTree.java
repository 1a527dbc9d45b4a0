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
   * A directory: its path (ending with {@code /}, empty for the root), its parent and its name there, and its
   * entries. Changes to the entries, and {@link #removed}, are made holding the directory's lock.
   */
  private static final class Dir {
    private final String path;
    private final @Nullable Dir parent;
    private final String name;
    /** An {@code Object[]} of alternating names and values sorted by name, or a {@link ConcurrentSkipListMap}. */
    private volatile Object entries = new Object[0];
    /** Set, under the lock of the directory and of its parent, once it is empty and unlinked from its parent. */
    private boolean removed;

    Dir(String path, @Nullable Dir parent, String name) {
      this.path = path;
      this.parent = parent;
      this.name = name;
    }

    @Nullable Object get(String entryName) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, entryName);
        return at >= 0 ? array[2 * at + 1] : null;
      }
      return map(current).get(entryName);
    }

    /** Sets an entry; the caller holds the lock. */
    void put(String entryName, Object value) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, entryName);
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

    /** Removes an entry and returns its value; the caller holds the lock. */
    @Nullable Object remove(String entryName) {
      Object current = entries;
      if (current instanceof Object[] array) {
        int at = find(array, entryName);
        if (at < 0) {
          return null;
        }
        Object[] copy = new Object[array.length - 2];
        System.arraycopy(array, 0, copy, 0, 2 * at);
        System.arraycopy(array, 2 * at + 2, copy, 2 * at, copy.length - 2 * at);
        entries = copy;
        return array[2 * at + 1];
      }
      return map(current).remove(entryName);
    }

    /** Tells whether the directory has no entry; the caller holds the lock. */
    boolean isEmpty() {
      Object current = entries;
      return current instanceof Object[] array ? array.length == 0 : map(current).isEmpty();
    }

    /** Binary search by name: the index of the entry, or {@code -(insertion point) - 1}. */
    private static int find(Object[] array, String entryName) {
      int low = 0;
      int high = array.length / 2 - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int order = ((String) array[2 * mid]).compareTo(entryName);
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

    @SuppressWarnings("unchecked")
    private static ConcurrentSkipListMap<String, Object> map(Object entries) {
      return (ConcurrentSkipListMap<String, Object>) entries;
    }
  }

  private final Dir root = new Dir("", null, "");
  /** Every directory but the root, by path. */
  private final ConcurrentHashMap<String, Dir> dirs = new ConcurrentHashMap<>();
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
    Dir dir = slash < 0 ? root : dirs.get(key.substring(0, slash + 1));
    if (dir == null) {
      return null;
    }
    Object value = dir.get(key.substring(slash + 1));
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
    String dirPath = key.substring(0, slash + 1);
    String entryName = key.substring(slash + 1);
    while (true) {
      Dir dir = dir(dirPath);
      synchronized (dir) {
        if (!dir.removed) {
          dir.put(name(entryName), value);
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
    Dir dir = slash < 0 ? root : dirs.get(key.substring(0, slash + 1));
    if (dir == null) {
      return null;
    }
    synchronized (dir) {
      if (dir.removed) {
        return null; // it was empty when it was removed, after the look-up: the key was absent then
      }
      Object removed = dir.remove(key.substring(slash + 1));
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
   * Visits, in key order, the entries whose key starts with {@code prefix} and, when {@code after} is given, is
   * greater than it, until the visitor declines the next one.
   *
   * @param prefix the prefix; may be empty
   * @param after the key to start after, or {@code null} to start at the prefix
   * @param visitor receives the entries
   */
  public void visit(String prefix, @Nullable String after, Visitor<? super V> visitor) {
    int slash = prefix.lastIndexOf('/');
    Dir dir = slash < 0 ? root : dirs.get(prefix.substring(0, slash + 1));
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
    walk(dir, prefix.substring(slash + 1), bound, visitor);
  }

  /**
   * Visits a directory's entries starting with {@code namePrefix}, and after {@code bound} (a key relative to the
   * directory) when given; returns whether the visitor wants more.
   */
  @SuppressWarnings("unchecked")
  private boolean walk(Dir dir, String namePrefix, @Nullable String bound, Visitor<? super V> visitor) {
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
      int at = Dir.find(array, from);
      int start = at >= 0 ? (inclusive ? at : at + 1) : -at - 1;
      for (int i = start; i < array.length / 2; i++) {
        String entryName = (String) array[2 * i];
        if (!entryName.startsWith(namePrefix)) {
          return true;
        }
        if (!walkEntry(dir, entryName, array[2 * i + 1], boundDir, boundRest, visitor)) {
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
      if (!walkEntry(dir, entry.getKey(), entry.getValue(), boundDir, boundRest, visitor)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private boolean walkEntry(
      Dir dir,
      String entryName,
      Object value,
      @Nullable String boundDir,
      @Nullable String boundRest,
      Visitor<? super V> visitor) {
    if (value instanceof Dir child) {
      return walk(child, "", entryName.equals(boundDir) ? boundRest : null, visitor);
    }
    return visitor.visit(dir.path + entryName, (V) value);
  }

  /** Finds or creates the directory of a path, linked into its parent. */
  private Dir dir(String path) {
    if (path.isEmpty()) {
      return root;
    }
    Dir found = dirs.get(path);
    if (found != null) {
      return found;
    }
    int slash = path.lastIndexOf('/', path.length() - 2);
    String parentPath = path.substring(0, slash + 1);
    while (true) {
      Dir parent = dir(parentPath);
      synchronized (parent) {
        if (!parent.removed) {
          // Under the parent's lock the index is exact for its subdirectories: they are added and removed there.
          found = dirs.get(path);
          if (found != null) {
            return found;
          }
          Dir created = new Dir(path, parent, name(path.substring(slash + 1)));
          dirs.put(path, created);
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
      dirs.remove(dir.path, dir);
      parent.remove(dir.name);
      if (parent.isEmpty()) {
        unlink(parent);
      }
    }
  }

  /** Returns the shared instance of a name while there are few distinct names. */
  private String name(String entryName) {
    if (entryName.length() > SHARED_NAME_LENGTH) {
      return entryName;
    }
    String shared = sharedNames.get(entryName);
    if (shared != null) {
      return shared;
    }
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
