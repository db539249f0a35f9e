package dev.sealant.git;

import dev.sealant.source.Content;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file's content (BOM-free UTF-8 bytes, see {@link Content#utf8}) split into lines the way the
 * detector counts them: {@code \n}, {@code \r\n} and a lone {@code \r} each end a line; a last line
 * without a terminator still counts. Each line carries a 64-bit hash of its content (terminator
 * excluded, so a line whose only change is CRLF to LF is not "added").
 *
 * <p>This runs over every byte of both versions of every changed file in a history scan, so it
 * works on raw bytes eight at a time: a SWAR test finds line ends, and the hash takes one multiply
 * per word. Only the added lines are ever decoded to text.
 */
final class HashedLines {

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LF = 0x0A0A0A0A0A0A0A0AL;
  private static final long CR = 0x0D0D0D0D0D0D0D0DL;
  private static final long K = 0x9E3779B97F4A7C15L;
  private static final long SEED = 0x243F6A8885A308D3L;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  static final HashedLines EMPTY = of(new byte[0]);

  private final byte[] bytes;

  /** {@code starts[i]} is where line i begins; {@code starts[count]} is the content's length. */
  private final int[] starts;

  private final long[] hashes;

  private HashedLines(byte[] bytes, int[] starts, long[] hashes) {
    this.bytes = bytes;
    this.starts = starts;
    this.hashes = hashes;
  }

  static HashedLines of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  static HashedLines of(byte[] b) {
    return of(b, 0, b.length);
  }

  /**
   * The lines of {@code b[from, to)}, which must be whole lines of {@code b}: {@code from} a line's
   * start and {@code to} another's (or the end). Their positions stay {@code b}'s, so {@link
   * #slice} reads the right bytes; their indexes count from 0 at {@code from}.
   */
  static HashedLines of(byte[] b, int from, int to) {
    Scratch sc = SCRATCH.get();
    int[] starts = sc.starts;
    long[] hashes = sc.hashes;
    int n = to;
    int count = 0;
    int start = from;
    while (start < n) {
      if (count + 1 >= starts.length) {
        starts = sc.starts = Arrays.copyOf(starts, starts.length * 2);
        hashes = sc.hashes = Arrays.copyOf(hashes, hashes.length * 2);
      }
      starts[count] = start;
      // One pass per line: each word is tested for a line end and, when it holds none, hashed.
      long h = SEED;
      int i = start;
      int end = -1;
      for (; i + 8 <= n; i += 8) {
        long w = (long) LONG.get(b, i);
        long lf = w ^ LF;
        long cr = w ^ CR;
        long hit = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS;
        if (hit != 0) {
          // The lowest flagged byte is exact (a borrow only ever flags bytes above a true match).
          int k = Content.lowestFlaggedByte(hit);
          end = i + k;
          h = Long.rotateLeft((h ^ (k == 0 ? 0 : w & (-1L >>> (64 - 8 * k)))) * K, 29);
          break;
        }
        h = Long.rotateLeft((h ^ w) * K, 29);
      }
      if (end < 0) {
        // Fewer than eight bytes left: byte by byte.
        long tail = 0;
        int j = i;
        for (int s = 0; j < n && b[j] != '\n' && b[j] != '\r'; j++, s += 8) {
          tail |= (b[j] & 0xffL) << s;
        }
        end = j;
        h = Long.rotateLeft((h ^ tail) * K, 29);
      }
      // mix(h, end - start), written out: C1 does not inline a method this large.
      long x = h ^ ((long) (end - start) * 0x9E3779B97F4A7C15L);
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      x ^= x >>> 33;
      x *= 0xc4ceb93fe53a26d3L;
      x ^= x >>> 33;
      hashes[count] = x;
      count++;
      if (end >= n) {
        start = n;
      } else {
        start = end + (b[end] == '\r' && end + 1 < n && b[end + 1] == '\n' ? 2 : 1);
      }
    }
    starts[count] = n;
    HashedLines lines =
        new HashedLines(b, Arrays.copyOf(starts, count + 1), Arrays.copyOf(hashes, count));
    if (starts.length > Scratch.KEEP) {
      SCRATCH.remove(); // a file of millions of lines: its tables are not held for the next one
    }
    return lines;
  }

  /** Growable tables one thread reuses while splitting, so only the exact-size copies are kept. */
  private static final class Scratch {
    static final int KEEP = 1 << 16;
    int[] starts = new int[1024];
    long[] hashes = new long[1024];
  }

  /**
   * A 64-bit hash of {@code b[from, to)}: one multiply per eight bytes, finished with fmix64. The
   * definition {@link #of} computes inline while it looks for line ends; a test holds them equal.
   */
  static long hash(byte[] b, int from, int to) {
    long h = SEED;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = Long.rotateLeft((h ^ (long) LONG.get(b, i)) * K, 29);
    }
    long tail = 0;
    for (int s = 0; i < to; i++, s += 8) {
      tail |= (b[i] & 0xffL) << s;
    }
    h = Long.rotateLeft((h ^ tail) * K, 29);
    return mix(h, to - from);
  }

  int count() {
    return hashes.length;
  }

  /** What holding these lines costs, roughly in bytes: the content and the two tables. */
  long weight() {
    return bytes.length + 12L * hashes.length;
  }

  /** The whole content as text. */
  String text() {
    return slice(0, count());
  }

  /** The index of the line that starts at byte {@code offset} (or the count, at the end). */
  int lineAt(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    if (i < 0) {
      throw new IllegalArgumentException("no line starts at " + offset);
    }
    return i;
  }

  long hash(int line) {
    return hashes[line];
  }

  /** All line hashes, in order (shared, not copied: callers must not modify it). */
  long[] hashes() {
    return hashes;
  }

  /** The text of lines {@code [from, to)}, terminators included. */
  String slice(int from, int to) {
    return Content.decodeUtf8(bytes, starts[from], starts[to] - starts[from]);
  }

  /**
   * True for a line that cannot hold a secret by itself: blank, or PEM armour such as {@code
   * -----END PRIVATE KEY-----}. Such lines may join or extend a run of added lines, so that a key
   * block stays in one fragment even when its armour line already occurs in the old version.
   */
  boolean boring(int line) {
    return boring(bytes, starts[line], starts[line + 1]);
  }

  /** {@link #boring(int)} for the line {@code b[from, to)} (its terminator included or not). */
  static boolean boring(byte[] b, int from, int to) {
    while (to > from && blank(b[to - 1])) {
      to--;
    }
    while (from < to && blank(b[from])) {
      from++;
    }
    if (from == to) {
      return true;
    }
    return to - from > 10 && dashes(b, from) && dashes(b, to - 5);
  }

  private static boolean dashes(byte[] b, int at) {
    for (int i = at; i < at + 5; i++) {
      if (b[i] != '-') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[i]} ends a line: a {@code \n}, or a {@code \r} not followed by one. */
  static boolean endsLine(byte[] b, int i) {
    return b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'));
  }

  /**
   * How many lines begin before {@code to}, which is a line's start (or the end): the line ends
   * before it. Eight bytes at a time: a word without a {@code \r} only needs its {@code \n}s
   * counted.
   */
  static int countBefore(byte[] b, int to) {
    int count = 0;
    int i = 0;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONG.get(b, i);
      long cr = exactZeros(w ^ CR);
      if (cr == 0) {
        count += Long.bitCount(exactZeros(w ^ LF));
      } else {
        for (int j = i; j < i + 8; j++) {
          count += endsLine(b, j) ? 1 : 0;
        }
      }
    }
    for (; i < to; i++) {
      count += endsLine(b, i) ? 1 : 0;
    }
    return count;
  }

  /** The high bit of each zero byte of {@code w}, and no other bit (no borrow between bytes). */
  private static long exactZeros(long w) {
    long low7 = 0x7F7F7F7F7F7F7F7FL;
    return ~(((w & low7) + low7) | w | low7);
  }

  /** The length of the longest common end of {@code a} and {@code b}, at most {@code max}. */
  static int commonEnd(byte[] a, byte[] b, int max) {
    int i = a.length;
    int j = b.length;
    int k = 0;
    // Blocks from the end compared by Arrays.equals (vectorised); the one that differs bytewise.
    int block = 64;
    while (k + block <= max && Arrays.equals(a, i - k - block, i - k, b, j - k - block, j - k)) {
      k += block;
      block = Math.min(block * 2, 4096);
    }
    while (k < max && a[i - k - 1] == b[j - k - 1]) {
      k++;
    }
    return k;
  }

  private static boolean blank(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
  }

  /** Finishes a line hash (murmur3's fmix64 over the state and the length). */
  private static long mix(long h, int length) {
    long k = h ^ ((long) length * 0x9E3779B97F4A7C15L);
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb93fe53a26d3L;
    k ^= k >>> 33;
    return k;
  }
}
