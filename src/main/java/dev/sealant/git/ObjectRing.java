package dev.sealant.git;

import java.util.Arrays;

/**
 * The objects {@link PackReader} has resolved, copied into one byte array used as a ring: a new
 * object is written after the last one, over the oldest. Thread-safe (one lock); callers copy an
 * object out into a buffer of their own.
 *
 * <p>Why not a map of arrays: a history scan resolves many times the cache's size (tens of
 * gigabytes on git's own history), and each array a map holds outlives a few young collections, is
 * copied by each, promoted, and then dropped: most of the collector's work went there (git/git:
 * over 160 full collections and 750 young ones in a 320 MiB heap). One array allocated once stays
 * put, and what the readers allocate dies young.
 *
 * <p>Eviction is first in, first out, with a second chance: an object read from the older half of
 * the ring is written again at its head, so what is used often stays, as in a least-recently-used
 * cache. An object is found through an open-addressing table from its key to its position; an entry
 * whose object the ring has since overwritten is simply stale, and the table is rebuilt from its
 * live entries when it fills.
 */
final class ObjectRing {

  /** Key (8 bytes), length (4) and type (1) before each object's bytes. */
  private static final int HEADER = 13;

  private static final int MIN_SLOTS = 1 << 12;
  private static final int FIRST = 1 << 20;
  private static final byte[] NONE = new byte[0];

  private final int capacity;

  /**
   * Grown up to {@link #capacity} while it is filled the first time, so a small scan stays small.
   */
  private byte[] ring;

  /** Where the next object goes, counted in bytes written since the start (never wraps). */
  private long head;

  /**
   * The keys (0 for a free slot) and, beside each, where its object starts in {@link #head}'s
   * count.
   */
  private long[] keys = new long[MIN_SLOTS];

  private long[] at = new long[MIN_SLOTS];
  private int used;

  /** A ring of {@code capacity} bytes; an object over a quarter of it is never kept. */
  ObjectRing(int capacity) {
    this.capacity = Math.max(capacity, 64);
    this.ring = new byte[Math.min(this.capacity, FIRST)];
  }

  /**
   * Copies the object of {@code key} into {@code into} (grown if needed) and returns its type, or
   * -1 when the ring does not hold it.
   */
  synchronized int get(long key, Buffer into) {
    int slot = find(key);
    if (slot < 0 || keys[slot] == 0 || !live(at[slot])) {
      return -1;
    }
    long pos = at[slot];
    int p = physical(pos);
    int length = intAt(p + 8);
    int type = ring[p + 12];
    into.ensure(length);
    System.arraycopy(ring, p + HEADER, into.bytes, 0, length);
    into.length = length;
    if (pos < head - ring.length / 2) {
      put(key, type, NONE, into.bytes, length); // a second chance: used again, so kept longer
    }
    return type;
  }

  /** Keeps a copy of {@code bytes[0, length)} as the object of {@code key}. */
  void put(long key, int type, byte[] bytes, int length) {
    put(key, type, NONE, bytes, length);
  }

  /** Keeps a copy of {@code prefix} followed by {@code bytes[0, length)} under {@code key}. */
  synchronized void put(long key, int type, byte[] prefix, byte[] bytes, int length) {
    long size = HEADER + (long) prefix.length + length;
    if (size > capacity / 4) {
      return;
    }
    if (head + size > ring.length && head < ring.length && ring.length < capacity) {
      ring = Arrays.copyOf(ring, (int) Math.min(capacity, Math.max(2L * ring.length, head + size)));
    }
    if (physical(head) + size > ring.length) {
      head += ring.length - physical(head); // no object wraps: the rest of the pass is skipped
    }
    int p = physical(head);
    longAt(p, key);
    intAt(p + 8, prefix.length + length);
    ring[p + 12] = (byte) type;
    System.arraycopy(prefix, 0, ring, p + HEADER, prefix.length);
    System.arraycopy(bytes, 0, ring, p + HEADER + prefix.length, length);
    long pos = head;
    head += size;
    int slot = find(key);
    if (slot < 0) {
      rebuild();
      slot = find(key);
    }
    if (keys[slot] == 0) {
      keys[slot] = key;
      used++;
    }
    at[slot] = pos;
    if (used * 2 > keys.length) {
      rebuild();
    }
  }

  /** Whether an object written at {@code pos} is still whole: nothing written over it since. */
  private boolean live(long pos) {
    return head - pos <= ring.length;
  }

  private int physical(long pos) {
    return (int) (pos % ring.length);
  }

  /** The slot holding {@code key}, or the free slot where it would go; -1 when none is free. */
  private int find(long key) {
    int mask = keys.length - 1;
    int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    for (int n = 0; n < keys.length; n++, i = (i + 1) & mask) {
      if (keys[i] == key || keys[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Drops the stale entries; doubles the table when over a quarter of it is still live. */
  private void rebuild() {
    long[] oldKeys = keys;
    long[] oldAt = at;
    int live = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && live(oldAt[i])) {
        live++;
      }
    }
    int slots = Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, live * 4 - 1)) << 1);
    keys = new long[slots];
    at = new long[slots];
    used = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && live(oldAt[i])) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        at[slot] = oldAt[i];
        used++;
      }
    }
  }

  private int intAt(int p) {
    return (ring[p] & 0xff)
        | (ring[p + 1] & 0xff) << 8
        | (ring[p + 2] & 0xff) << 16
        | (ring[p + 3] & 0xff) << 24;
  }

  private void intAt(int p, int v) {
    for (int i = 0; i < 4; i++) {
      ring[p + i] = (byte) (v >>> (8 * i));
    }
  }

  private void longAt(int p, long v) {
    for (int i = 0; i < 8; i++) {
      ring[p + i] = (byte) (v >>> (8 * i));
    }
  }

  /**
   * A reusable byte buffer that one thread owns: {@code bytes[0, length)} is its content. Grown as
   * needed; its owner may drop it after a large object ({@link #shrink}).
   */
  static final class Buffer {
    private static final int KEEP = 4 << 20;
    byte[] bytes = new byte[1 << 14];
    int length;

    void ensure(int n) {
      if (bytes.length < n) {
        bytes = new byte[(int) Math.max(n, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length))];
      }
    }

    /** Lets go of a large array, so one huge object is not held for the rest of the scan. */
    void shrink() {
      if (bytes.length > KEEP) {
        bytes = new byte[1 << 14];
      }
    }

    byte[] copy() {
      return Arrays.copyOf(bytes, length);
    }
  }
}
