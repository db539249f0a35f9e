package dev.sealant.git;

/**
 * A text split into lines the way the detector counts them: {@code \n}, {@code \r\n} and a lone
 * {@code \r} each end a line; a last line without a terminator still counts. Each line carries a
 * 64-bit hash of its content (terminator excluded, so a line whose only change is CRLF to LF is
 * not "added").
 */
final class Lines {

  static final Lines EMPTY = of("");

  private final String text;
  /** {@code starts[i]} is where line i begins; {@code starts[count]} is the text's length. */
  private final int[] starts;
  private final long[] hashes;

  private Lines(String text, int[] starts, long[] hashes) {
    this.text = text;
    this.starts = starts;
    this.hashes = hashes;
  }

  static Lines of(String text) {
    int n = text.length();
    int[] starts = new int[16];
    long[] hashes = new long[16];
    int count = 0;
    int start = 0;
    long h = FNV_OFFSET;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = i + 1;
        if (c == '\r' && end < n && text.charAt(end) == '\n') {
          end++;
        }
        if (count + 1 >= starts.length) {
          starts = java.util.Arrays.copyOf(starts, starts.length * 2);
          hashes = java.util.Arrays.copyOf(hashes, hashes.length * 2);
        }
        starts[count] = start;
        hashes[count] = mix(h, i - start);
        count++;
        start = end;
        i = end - 1;
        h = FNV_OFFSET;
      } else {
        h = (h ^ c) * FNV_PRIME;
      }
    }
    if (start < n) {
      if (count + 1 >= starts.length) {
        starts = java.util.Arrays.copyOf(starts, starts.length + 2);
        hashes = java.util.Arrays.copyOf(hashes, hashes.length + 2);
      }
      starts[count] = start;
      hashes[count] = mix(h, n - start);
      count++;
    }
    starts = java.util.Arrays.copyOf(starts, count + 1);
    starts[count] = n;
    return new Lines(text, starts, java.util.Arrays.copyOf(hashes, count));
  }

  int count() {
    return hashes.length;
  }

  long hash(int line) {
    return hashes[line];
  }

  String text() {
    return text;
  }

  /** The text of lines {@code [from, to)}, terminators included. */
  String slice(int from, int to) {
    return text.substring(starts[from], starts[to]);
  }

  /**
   * True for a line that cannot hold a secret by itself: blank, or PEM armour such as {@code
   * -----END PRIVATE KEY-----}. Such lines may join or extend a run of added lines, so that a key
   * block stays in one fragment even when its armour line already occurs in the old version.
   */
  boolean boring(int line) {
    int from = starts[line];
    int to = starts[line + 1];
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    if (from == to) {
      return true;
    }
    return to - from > 10 && text.startsWith("-----", from) && text.startsWith("-----", to - 5);
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Finishes a line hash (murmur3's fmix64 over the FNV state and the length). */
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
