package dev.sealant.git.raw;

/**
 * Git's delta format: the base size and result size as little-endian base-128 numbers, then copy
 * instructions (an offset and length into the base) and insert instructions (literal bytes).
 */
public final class Delta {

  private Delta() {}

  /** The result size from the first bytes of an inflated delta. */
  public static long resultSize(byte[] d, int n, String where) {
    int[] p = {0};
    varint(d, n, p, where);
    return varint(d, n, p, where);
  }

  /** The delta {@code d} applied to {@code base}; {@link StepAside} when it does not fit it. */
  public static byte[] apply(byte[] base, byte[] d, String where) {
    int[] p = {0};
    long baseSize = varint(d, d.length, p, where);
    long size = varint(d, d.length, p, where);
    if (baseSize != base.length || size > Integer.MAX_VALUE - 64) {
      throw StepAside.because("delta does not fit its base in " + where);
    }
    byte[] out = new byte[(int) size];
    apply(base, base.length, d, d.length, out, where);
    return out;
  }

  /**
   * The delta {@code d[0, dLength)} applied to {@code base[0, baseLength)}, written to {@code out},
   * which holds at least {@link #resultSize} bytes (a reader's reusable buffer, or an array of
   * exactly that size); returns the result's length. {@link StepAside} when it does not fit.
   */
  public static int apply(
      byte[] base, int baseLength, byte[] d, int dLength, byte[] out, String where) {
    int[] p = {0};
    long baseSize = varint(d, dLength, p, where);
    long size = varint(d, dLength, p, where);
    if (baseSize != baseLength || size > out.length) {
      throw StepAside.because("delta does not fit its base in " + where);
    }
    int o = 0;
    int i = p[0];
    while (i < dLength) {
      int op = d[i++] & 0xff;
      if ((op & 0x80) != 0) {
        long off = 0;
        long len = 0;
        for (int b = 0; b < 4; b++) {
          if ((op & (1 << b)) != 0) {
            off |= (long) (at(d, dLength, i++, where) & 0xff) << (8 * b);
          }
        }
        for (int b = 0; b < 3; b++) {
          if ((op & (0x10 << b)) != 0) {
            len |= (long) (at(d, dLength, i++, where) & 0xff) << (8 * b);
          }
        }
        if (len == 0) {
          len = 0x10000;
        }
        if (off + len > baseLength || o + len > size) {
          throw StepAside.because("delta copies outside its base in " + where);
        }
        System.arraycopy(base, (int) off, out, o, (int) len);
        o += (int) len;
      } else if (op != 0) {
        if (i + op > dLength || o + op > size) {
          throw StepAside.because("delta inserts past its end in " + where);
        }
        System.arraycopy(d, i, out, o, op);
        i += op;
        o += op;
      } else {
        throw StepAside.because("reserved delta instruction in " + where);
      }
    }
    if (o != size) {
      throw StepAside.because("delta result is short in " + where);
    }
    return o;
  }

  private static byte at(byte[] d, int n, int i, String where) {
    if (i >= n) {
      throw StepAside.because("truncated delta in " + where);
    }
    return d[i];
  }

  private static long varint(byte[] d, int n, int[] p, String where) {
    long v = 0;
    int shift = 0;
    int c;
    do {
      if (p[0] >= n || shift > 56) {
        throw StepAside.because("truncated delta header in " + where);
      }
      c = d[p[0]++] & 0xff;
      v |= (long) (c & 0x7f) << shift;
      shift += 7;
    } while ((c & 0x80) != 0);
    return v;
  }
}
