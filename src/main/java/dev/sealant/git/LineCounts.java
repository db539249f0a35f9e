package dev.sealant.git;

import java.util.Arrays;

/**
 * A multiset of line hashes: an open-addressing table from hash to count, with no boxing. Building
 * it and querying it are O(n) in the number of lines. A table can be {@linkplain #reset emptied}
 * and filled again, so comparing one file version after another allocates nothing once it has
 * grown to the largest.
 */
final class LineCounts {

  private long[] keys;
  private int[] counts;
  /** The slots in use: a power of two, at most {@code keys.length}. */
  private int capacity;
  private int size;

  LineCounts(int expected) {
    capacity = capacityFor(expected);
    keys = new long[capacity];
    counts = new int[capacity];
  }

  static LineCounts of(Lines lines) {
    LineCounts c = new LineCounts(lines.count());
    c.addAll(lines);
    return c;
  }

  void addAll(Lines lines) {
    addAll(lines.hashes());
  }

  static LineCounts of(long[] hashes) {
    LineCounts c = new LineCounts(hashes.length);
    c.addAll(hashes);
    return c;
  }

  void addAll(long[] hashes) {
    addAll(hashes, 0, hashes.length);
  }

  /** Adds {@code hashes[from, to)}. */
  void addAll(long[] hashes, int from, int to) {
    for (int i = from; i < to; i++) {
      add(hashes[i]);
    }
  }

  /** Empties the table and sizes it for {@code expected} lines, reusing its arrays when they fit. */
  void reset(int expected) {
    int cap = capacityFor(expected);
    if (cap > keys.length) {
      keys = new long[cap];
      counts = new int[cap];
    } else {
      Arrays.fill(keys, 0, capacity, 0L);
      Arrays.fill(counts, 0, capacity, 0);
    }
    capacity = cap;
    size = 0;
  }

  /** The arrays' length, for a caller that would rather not keep a huge table around. */
  int allocated() {
    return keys.length;
  }

  void add(long hash) {
    if ((size + 1) * 2 > capacity) {
      grow();
    }
    long k = key(hash);
    int i = slot(k);
    if (keys[i] == 0) {
      keys[i] = k;
      size++;
    }
    counts[i]++;
  }

  /** Removes one occurrence of the line; false when the multiset has none left (the line is new). */
  boolean take(long hash) {
    long k = key(hash);
    int i = slot(k);
    if (keys[i] == 0 || counts[i] == 0) {
      return false;
    }
    counts[i]--;
    return true;
  }

  private int slot(long k) {
    int mask = capacity - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != k) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long key(long hash) {
    return hash == 0 ? 1 : hash;
  }

  private static int capacityFor(int expected) {
    return Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    int oldCapacity = capacity;
    capacity = oldCapacity * 2;
    keys = new long[Math.max(capacity, oldKeys.length)];
    counts = new int[keys.length];
    for (int j = 0; j < oldCapacity; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}
