package dev.sealant.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns bytes into scannable text, for files and git blobs alike. A byte-order mark selects UTF-8,
 * UTF-16 or UTF-32, and so does the shape of BOM-less UTF-16 (a NUL in every other byte) or UTF-32
 * (three NULs in every four bytes); otherwise the bytes are read as UTF-8 with malformed sequences
 * replaced (so a stray Latin-1 byte cannot hide the ASCII secret next to it).
 *
 * <p>Binary content is skipped, so the test for it decides what can pass unscanned; a NUL alone
 * does not make content binary, since one stray NUL must not hide the text around it. Within the
 * first {@value #BINARY_PROBE} bytes, content is binary when it starts with the magic number of a
 * binary format (image, archive, compressed stream, executable, class file, font, database) or
 * holds a NUL, <em>and</em> more than {@value #ODD_PERCENT}% of its bytes other than NULs are not
 * text (control characters other than whitespace and escape, bytes that are not UTF-8). A binary
 * format's bytes are mostly not text; a text file with NULs in it, or behind a forged magic number,
 * is still mostly text and is scanned.
 */
public final class Content {

  public static final int BINARY_PROBE = 8000;

  private Content() {}

  /** The share of non-NUL bytes that are not text above which NUL-holding content is binary. */
  static final int ODD_PERCENT = 10;

  /** Magic numbers of binary formats, at offset 0 (tar's is checked on its own, at 257). */
  private static final byte[][] MAGIC = {
    {(byte) 0x89, 'P', 'N', 'G'},
    {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
    {'G', 'I', 'F', '8'},
    {'I', 'I', '*', 0},
    {'M', 'M', 0, '*'},
    {0, 0, 1, 0},
    {'R', 'I', 'F', 'F'},
    {'P', 'K', 3, 4},
    {'P', 'K', 5, 6},
    {'P', 'K', 7, 8},
    {0x1F, (byte) 0x8B},
    {'B', 'Z', 'h'},
    {(byte) 0xFD, '7', 'z', 'X', 'Z', 0},
    {'7', 'z', (byte) 0xBC, (byte) 0xAF},
    {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD},
    {0x7F, 'E', 'L', 'F'},
    {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
    {'M', 'Z'},
    {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
    {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
    {0, 'a', 's', 'm'},
    {'S', 'Q', 'L', 'i', 't', 'e', ' '},
    {'w', 'O', 'F', 'F'},
    {'w', 'O', 'F', '2'},
    {0, 1, 0, 0, 0},
    {'O', 'T', 'T', 'O'},
    {'%', 'P', 'D', 'F', '-'},
    {'R', 'a', 'r', '!'},
  };

  /**
   * True when the bytes are binary: a binary format's magic number or a NUL in the first {@value
   * #BINARY_PROBE} bytes, and mostly not text there (see the class comment). UTF-16, with or
   * without a byte-order mark, is text.
   */
  public static boolean isBinary(byte[] bytes, int length) {
    if (wide(bytes, length).isPresent()) {
      return false;
    }
    int n = Math.min(length, BINARY_PROBE);
    if (!hasNul(bytes, n) && !magic(bytes, n)) {
      return false;
    }
    return oddBytes(bytes, n) * 100L > (long) ODD_PERCENT * nonNul(bytes, n);
  }

  private static boolean magic(byte[] b, int n) {
    for (byte[] m : MAGIC) {
      if (n >= m.length && Arrays.equals(b, 0, m.length, m, 0, m.length)) {
        return true;
      }
    }
    return n >= 262
        && b[257] == 'u'
        && b[258] == 's'
        && b[259] == 't'
        && b[260] == 'a'
        && b[261] == 'r';
  }

  private static int nonNul(byte[] b, int n) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      k += b[i] != 0 ? 1 : 0;
    }
    return k;
  }

  /**
   * Bytes other than NUL that text does not hold: C0 controls other than tab, line feed, vertical
   * tab, form feed, carriage return and escape; DEL; and bytes not part of a well-formed UTF-8
   * sequence. A sequence cut off by the end of the probe counts as well-formed.
   */
  private static int oddBytes(byte[] b, int n) {
    int odd = 0;
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        boolean text =
            c == 0
                || (c >= 0x20 && c != 0x7F)
                || c == '\t'
                || c == '\n'
                || c == 0x0B
                || c == '\f'
                || c == '\r'
                || c == 0x1B;
        odd += text ? 0 : 1;
        i++;
        continue;
      }
      int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 ? 2 : 0;
      int k = 1;
      while (len > 0 && k < len && i + k < n && (b[i + k] & 0xC0) == 0x80) {
        k++;
      }
      if (len == 0 || (k < len && i + k < n)) {
        odd++;
        i++;
      } else {
        i += k;
      }
    }
    return odd;
  }

  public static boolean isBinary(byte[] bytes) {
    return isBinary(bytes, bytes.length);
  }

  /** Decodes the first {@code length} bytes leniently, honouring a byte-order mark. */
  public static String decode(byte[] bytes, int length) {
    Optional<Wide> w = wide(bytes, length);
    if (w.isPresent()) {
      return decode(w.get().charset(), bytes, w.get().bom(), length - w.get().bom());
    }
    int offset = 0;
    if (length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      offset = 3;
    }
    return decode(StandardCharsets.UTF_8, bytes, offset, length - offset);
  }

  public static String decode(byte[] bytes) {
    return decode(bytes, bytes.length);
  }

  /** Decodes a slice of BOM-free UTF-8 (as {@link #utf8} gives), replacing malformed sequences. */
  public static String decodeUtf8(byte[] bytes, int offset, int length) {
    return decode(StandardCharsets.UTF_8, bytes, offset, length);
  }

  /**
   * The content as UTF-8 without a byte-order mark: UTF-16 or UTF-32 (by its mark or shape) is
   * re-encoded, a UTF-8 mark is dropped, anything else is returned as it is. Git sources split and
   * hash lines on these bytes, so old and new versions of a file always compare in one encoding.
   */
  public static byte[] utf8(byte[] bytes) {
    if (wide(bytes, bytes.length).isPresent()) {
      return decode(bytes).getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      return Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    return bytes;
  }

  private static String decode(Charset cs, byte[] bytes, int offset, int length) {
    if (cs.equals(StandardCharsets.UTF_8) && isAscii(bytes, offset, length)) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder d =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer out = d.decode(ByteBuffer.wrap(bytes, offset, length));
      return out.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
  }

  private static boolean isAscii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** A wide encoding (UTF-32 or UTF-16) and the length of its byte-order mark (0 when by shape). */
  private record Wide(Charset charset, int bom) {}

  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

  /**
   * UTF-32 or UTF-16, by byte-order mark or by shape. UTF-32 is tested first: its little-endian
   * mark ({@code FF FE 00 00}) starts with UTF-16's. Either read as UTF-8 would interleave NULs
   * through every token, so a secret in it would pass as scanned text that matches nothing.
   */
  private static Optional<Wide> wide(byte[] b, int length) {
    if (length >= 4 && (length & 3) == 0) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0xFF && b1 == 0xFE && b[2] == 0 && b[3] == 0) {
        return Optional.of(new Wide(UTF_32LE, 4));
      }
      if (b0 == 0 && b1 == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
        return Optional.of(new Wide(UTF_32BE, 4));
      }
    }
    // Both shapes need NULs in the probe; most text has none, and is told by one quick look.
    boolean nul = hasNul(b, Math.min(length, BINARY_PROBE));
    Optional<Charset> u32 = nul ? utf32Shape(b, length) : Optional.empty();
    if (u32.isPresent()) {
      return Optional.of(new Wide(u32.get(), 0));
    }
    Optional<Charset> u16 = utf16Bom(b, length);
    if (u16.isPresent()) {
      return Optional.of(new Wide(u16.get(), 2));
    }
    return nul ? utf16Shape(b, length).map(cs -> new Wide(cs, 0)) : Optional.empty();
  }

  /** Whether {@code b[0, n)} holds a NUL (see {@link #indexOfNul}). */
  static boolean hasNul(byte[] b, int n) {
    return indexOfNul(b, 0, n) >= 0;
  }

  /**
   * The first NUL in {@code b[from, to)}, or -1: eight bytes at a time. A byte's high bit is set in
   * {@code (w - 0x01..01) & ~w & 0x80..80} for some byte exactly when one is zero, and the lowest
   * byte so flagged is the first NUL (a borrow flags only bytes above it; {@link
   * #lowestFlaggedByte}). Every blob a history scan reads is probed here, and every tree it
   * compares is split here.
   */
  public static int indexOfNul(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONG.get(b, i);
      long z = (w - ONES) & ~w & HIGHS;
      if (z != 0) {
        return i + lowestFlaggedByte(z);
      }
    }
    for (; i < to; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index (0 to 7) of the lowest byte of {@code flags} whose high bit is set, given flags that
   * set only bytes' high bits: one multiply. The launcher runs C1 alone, which does not intrinsify
   * {@link Long#numberOfTrailingZeros}: it is a call there. Line splitting uses it too.
   */
  public static int lowestFlaggedByte(long flags) {
    return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * UTF-32 without a byte-order mark, by its shape in the probe: a length that is a multiple of
   * four, the two high bytes of every unit NUL (characters of the first plane), the next NUL in at
   * least three quarters of the units (Latin and ASCII text), and the low byte never NUL.
   */
  private static Optional<Charset> utf32Shape(byte[] b, int length) {
    int n = Math.min(length, BINARY_PROBE) & ~3;
    if (n < 16 || (length & 3) != 0) {
      return Optional.empty();
    }
    boolean le = true;
    boolean be = true;
    int leThird = 0;
    int beSecond = 0;
    for (int i = 0; i < n; i += 4) {
      le &= b[i] != 0 && b[i + 2] == 0 && b[i + 3] == 0;
      be &= b[i + 3] != 0 && b[i] == 0 && b[i + 1] == 0;
      leThird += b[i + 1] == 0 ? 1 : 0;
      beSecond += b[i + 2] == 0 ? 1 : 0;
    }
    int units = n / 4;
    if (le && leThird * 4 >= units * 3) {
      return Optional.of(UTF_32LE);
    }
    if (be && beSecond * 4 >= units * 3) {
      return Optional.of(UTF_32BE);
    }
    return Optional.empty();
  }

  private static Optional<Charset> utf16Bom(byte[] b, int length) {
    if (length >= 2) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if (b0 == 0xFF && b1 == 0xFE) {
        return Optional.of(StandardCharsets.UTF_16LE);
      }
      if (b0 == 0xFE && b1 == 0xFF) {
        return Optional.of(StandardCharsets.UTF_16BE);
      }
    }
    return Optional.empty();
  }

  /**
   * UTF-16 without a byte-order mark, by its shape in the probe: an even length, and NULs in at
   * least three quarters of the odd (little-endian) or even (big-endian) bytes and in none of the
   * others, as Latin and ASCII text encodes. Hides no text behind interleaved NULs.
   */
  private static Optional<Charset> utf16Shape(byte[] b, int length) {
    int n = Math.min(length, BINARY_PROBE) & ~1;
    if (n < 8 || (length & 1) != 0) {
      return Optional.empty();
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i += 2) {
      evenNul += b[i] == 0 ? 1 : 0;
      oddNul += b[i + 1] == 0 ? 1 : 0;
    }
    int half = n / 2;
    if (evenNul == 0 && oddNul * 4 >= half * 3) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (oddNul == 0 && evenNul * 4 >= half * 3) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }
}
