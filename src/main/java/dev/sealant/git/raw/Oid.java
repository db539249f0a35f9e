package dev.sealant.git.raw;

/** A SHA-1 object id as three words, so that equality and hashing allocate nothing. */
public record Oid(long hi, long mid, int lo) {

  public static final int LENGTH = 20;

  /** The id of the empty blob, which git treats as present even when no object file holds it. */
  public static final Oid EMPTY_BLOB = hex("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");

  public static Oid of(byte[] b, int off) {
    if (off < 0 || off + LENGTH > b.length) {
      throw StepAside.because("truncated object id");
    }
    return new Oid(word(b, off), word(b, off + 8), (int) word4(b, off + 16));
  }

  public static Oid hex(String s) {
    if (s.length() != 2 * LENGTH) {
      throw StepAside.because("not an object id");
    }
    byte[] b = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      b[i] = (byte) ((nibble(s.charAt(2 * i)) << 4) | nibble(s.charAt(2 * i + 1)));
    }
    return of(b, 0);
  }

  /** Compares this id with the 20 bytes at {@code off}, as unsigned bytes (git's sort order). */
  int compareTo(byte[] b, int off) {
    int c = Long.compareUnsigned(hi, word(b, off));
    if (c == 0) {
      c = Long.compareUnsigned(mid, word(b, off + 8));
    }
    return c != 0 ? c : Integer.compareUnsigned(lo, (int) word4(b, off + 16));
  }

  int firstByte() {
    return (int) (hi >>> 56);
  }

  public String name() {
    StringBuilder s = new StringBuilder(2 * LENGTH);
    append(s, hi, 16);
    append(s, mid, 16);
    append(s, lo & 0xffffffffL, 8);
    return s.toString();
  }

  @Override
  public String toString() {
    return name();
  }

  // Written out: a record's generated equals and hashCode bootstrap through method handles on
  // first use, tens of milliseconds of a hook's start-up.
  @Override
  public boolean equals(Object o) {
    return o instanceof Oid other && hi == other.hi && mid == other.mid && lo == other.lo;
  }

  @Override
  public int hashCode() {
    return (int) (hi ^ (hi >>> 32)) * 31 + lo;
  }

  private static void append(StringBuilder s, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      s.append(Character.forDigit((int) (v >>> (4 * i)) & 0xf, 16));
    }
  }

  private static long word(byte[] b, int off) {
    return (word4(b, off) << 32) | word4(b, off + 4);
  }

  private static long word4(byte[] b, int off) {
    return ((b[off] & 0xffL) << 24)
        | ((b[off + 1] & 0xffL) << 16)
        | ((b[off + 2] & 0xffL) << 8)
        | (b[off + 3] & 0xffL);
  }

  private static int nibble(char c) {
    int d = c < 128 ? Character.digit(c, 16) : -1;
    if (d < 0) {
      throw StepAside.because("not an object id");
    }
    return d;
  }
}
