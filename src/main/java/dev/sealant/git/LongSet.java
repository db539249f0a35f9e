package dev.sealant.git;

/**
 * A set of 64-bit keys (open addressing, no boxing), safe to share between threads. A history scan
 * records one key per changed path it reads; held as boxed {@code Long}s in a concurrent map that
 * cost about 60 bytes a key, here 8 to 16.
 */
final class LongSet {

  private long[] keys = new long[1024];
  private int size;
  private boolean hasZero;

  /** Adds {@code key}; false when it was already there. */
  synchronized boolean add(long key) {
    if (key == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = slot(keys, key);
    if (keys[i] == key) {
      return false;
    }
    keys[i] = key;
    size++;
    return true;
  }

  synchronized int size() {
    return size + (hasZero ? 1 : 0);
  }

  private static int slot(long[] table, long key) {
    int mask = table.length - 1;
    long m = key * 0x9E3779B97F4A7C15L;
    int i = (int) (m ^ (m >>> 32)) & mask;
    while (table[i] != 0 && table[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] bigger = new long[keys.length * 2];
    for (long k : keys) {
      if (k != 0) {
        bigger[slot(bigger, k)] = k;
      }
    }
    keys = bigger;
  }
}
