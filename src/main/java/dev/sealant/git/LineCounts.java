package dev.sealant.git;

/**
 * A multiset of line hashes: an open-addressing table from hash to count, with no boxing. Building
 * it and querying it are O(n) in the number of lines.
 */
final class LineCounts {

  private long[] keys;
  private int[] counts;
  private int size;

  LineCounts(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    counts = new int[cap];
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
    for (long h : hashes) {
      add(h);
    }
  }

  void add(long hash) {
    if ((size + 1) * 2 > keys.length) {
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
    int mask = keys.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != k) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static long key(long hash) {
    return hash == 0 ? 1 : hash;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}
