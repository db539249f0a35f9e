package dev.sealant.git;

import java.util.Arrays;

/**
 * A multiset of line hashes: an open-addressing table from hash to count, with no boxing. Building
 * it and querying it are O(n) in the number of lines. A table can be {@linkplain #reset emptied}
 * and filled again, so comparing one file version after another allocates nothing once it has grown
 * to the largest.
 */
final class LineMultiset {

  /**
   * Slot i is {@code table[2i]} (the key, 0 when free) and {@code table[2i + 1]} (its count): one
   * cache line per probe, where two arrays would cost two.
   */
  private long[] table;

  /** The slots in use: a power of two, at most half {@code table.length}. */
  private int capacity;

  private int size;

  LineMultiset(int expected) {
    capacity = capacityFor(expected);
    table = new long[2 * capacity];
  }

  static LineMultiset of(HashedLines lines) {
    LineMultiset c = new LineMultiset(lines.count());
    c.addAll(lines);
    return c;
  }

  void addAll(HashedLines lines) {
    addAll(lines.hashes());
  }

  static LineMultiset of(long[] hashes) {
    LineMultiset c = new LineMultiset(hashes.length);
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

  /**
   * Empties the table and sizes it for {@code expected} lines, reusing its arrays when they fit.
   */
  void reset(int expected) {
    int cap = capacityFor(expected);
    if (2 * cap > table.length) {
      table = new long[2 * cap];
    } else {
      Arrays.fill(table, 0, 2 * capacity, 0L);
    }
    capacity = cap;
    size = 0;
  }

  /** The arrays' length, for a caller that would rather not keep a huge table around. */
  int allocated() {
    return table.length / 2;
  }

  void add(long hash) {
    if ((size + 1) * 2 > capacity) {
      grow();
    }
    long k = key(hash);
    int i = slot(k);
    if (table[i] == 0) {
      table[i] = k;
      size++;
    }
    table[i + 1]++;
  }

  /**
   * Removes one occurrence of the line; false when the multiset has none left (the line is new).
   */
  boolean take(long hash) {
    long k = key(hash);
    int i = slot(k);
    if (table[i] == 0 || table[i + 1] == 0) {
      return false;
    }
    table[i + 1]--;
    return true;
  }

  /** The index in {@code table} of {@code k}'s key, or of the free slot where it would go. */
  private int slot(long k) {
    int mask = capacity - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (table[2 * i] != 0 && table[2 * i] != k) {
      i = (i + 1) & mask;
    }
    return 2 * i;
  }

  private static long key(long hash) {
    return hash == 0 ? 1 : hash;
  }

  private static int capacityFor(int expected) {
    return Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
  }

  private void grow() {
    long[] old = table;
    int oldCapacity = capacity;
    capacity = oldCapacity * 2;
    table = new long[Math.max(2 * capacity, old.length)];
    for (int j = 0; j < 2 * oldCapacity; j += 2) {
      if (old[j] != 0) {
        int i = slot(old[j]);
        table[i] = old[j];
        table[i + 1] = old[j + 1];
      }
    }
  }
}
