package dev.sealant.git;

import java.util.Arrays;

/**
 * The objects {@link PackReader} has resolved (or the texts {@link BlobTextCache} keeps), copied
 * into a ring of byte arrays: a new object is written after the last one, over the oldest.
 * Thread-safe (one lock); callers copy an object out into a buffer of their own.
 *
 * <p>Why not a map of arrays: a history scan resolves many times the cache's size (tens of
 * gigabytes on git's own history), and each array a map holds outlives a few young collections, is
 * copied by each, promoted, and then dropped: most of the collector's work went there (git/git:
 * over 160 full collections and 750 young ones in a 320 MiB heap). The ring's arrays are allocated
 * once (as it first fills, so a small scan stays small) and stay put; what the readers allocate
 * dies young.
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

  private static final int SLAB = 1 << 20;
  private static final int MIN_SLOTS = 1 << 12;
  private static final byte[] NONE = new byte[0];

  /** The ring's bytes, a slab at a time (each allocated when first written). */
  private final byte[][] slabs;

  private final long capacity;
  private final int slab;

  /** Where the next object goes, counted in bytes written since the start (never wraps). */
  private long head;

  /**
   * The keys (0 for a free slot) and, beside each, where its object starts in {@link #head}'s
   * count.
   */
  private long[] keys = new long[MIN_SLOTS];

  private long[] at = new long[MIN_SLOTS];
  private int used;
  private final byte[] header = new byte[HEADER];

  /** A ring of about {@code capacity} bytes; an object over a quarter of it is never kept. */
  ObjectRing(int capacity) {
    this(capacity, SLAB);
  }

  /** The same in slabs of {@code slab} bytes (tests use small ones, so objects span slabs). */
  ObjectRing(int capacity, int slabBytes) {
    slab = Math.min(slabBytes, Math.max(64, capacity));
    slabs = new byte[Math.max(1, (int) ((capacity + (long) slab - 1) / slab))][];
    this.capacity = (long) slabs.length * slab;
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
    read(pos, header, HEADER);
    int length = intAt(header, 8);
    int type = header[12];
    into.ensure(length);
    read(pos + HEADER, into.bytes, length);
    into.length = length;
    if (pos < head - capacity / 2) {
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
    long pos = head;
    for (int i = 0; i < 8; i++) {
      header[i] = (byte) (key >>> (8 * i));
    }
    int n = prefix.length + length;
    for (int i = 0; i < 4; i++) {
      header[8 + i] = (byte) (n >>> (8 * i));
    }
    header[12] = (byte) type;
    write(pos, header, HEADER);
    write(pos + HEADER, prefix, prefix.length);
    write(pos + HEADER + prefix.length, bytes, length);
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

  /** Copies {@code src[0, n)} to the ring at {@code pos}, across slabs. */
  private void write(long pos, byte[] src, int n) {
    int done = 0;
    while (done < n) {
      long p = (pos + done) % capacity;
      int s = (int) (p / slab);
      int off = (int) (p % slab);
      if (slabs[s] == null) {
        slabs[s] = new byte[slab];
      }
      int k = Math.min(n - done, slab - off);
      System.arraycopy(src, done, slabs[s], off, k);
      done += k;
    }
  }

  /** Copies {@code n} bytes of the ring at {@code pos} to {@code dst[0, n)}, across slabs. */
  private void read(long pos, byte[] dst, int n) {
    int done = 0;
    while (done < n) {
      long p = (pos + done) % capacity;
      int s = (int) (p / slab);
      int off = (int) (p % slab);
      int k = Math.min(n - done, slab - off);
      System.arraycopy(slabs[s], off, dst, done, k);
      done += k;
    }
  }

  /** Whether an object written at {@code pos} is still whole: nothing written over it since. */
  private boolean live(long pos) {
    return head - pos <= capacity;
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

  private static int intAt(byte[] b, int p) {
    return (b[p] & 0xff)
        | (b[p + 1] & 0xff) << 8
        | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
  }

  /**
   * A reusable byte buffer that one thread owns: {@code bytes[0, length)} is its content. Grown as
   * needed; its owner may drop it after a large object ({@link #shrink}).
   */
  static final class Buffer {
    /** What one buffer keeps between objects for a scan of {@code threads} workers. */
    static int keep(int threads) {
      long share = Runtime.getRuntime().maxMemory() / (64L * Math.max(1, threads));
      return (int) Math.max(64 << 10, Math.min(4 << 20, share));
    }

    private final int keep;
    byte[] bytes;
    int length;

    /** A buffer for one thread working alone. */
    Buffer() {
      this(1 << 14, keep(1));
    }

    /**
     * @param keep the largest array kept after an object ({@link #shrink}): each of a scan's
     *     workers holds several buffers, so with many workers on a small heap, what each keeps must
     *     be small (4 MiB each took 48 workers past a 320 MiB heap)
     */
    Buffer(int size, int keep) {
      bytes = new byte[size];
      this.keep = keep;
    }

    void ensure(int n) {
      if (bytes.length < n) {
        bytes = new byte[(int) Math.max(n, Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length))];
      }
    }

    /** Lets go of a large array, so one huge object is not held for the rest of the scan. */
    void shrink() {
      if (bytes.length > keep) {
        bytes = new byte[1 << 14];
      }
    }

    byte[] copy() {
      return Arrays.copyOf(bytes, length);
    }
  }
}
