package dev.sealant.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns bytes into scannable text, for files and git blobs alike. A byte-order mark selects UTF-8
 * or UTF-16; otherwise the bytes are read as UTF-8 with malformed sequences replaced (so a stray
 * Latin-1 byte cannot hide the ASCII secret next to it). Content with a NUL byte in its first 8000
 * bytes and no UTF-16 mark is binary, the same test git uses.
 */
public final class Content {

  public static final int BINARY_PROBE = 8000;

  private Content() {}

  /** True when the bytes look binary (a NUL early on, and no UTF-16 byte-order mark). */
  public static boolean isBinary(byte[] bytes, int length) {
    if (utf16(bytes, length).isPresent()) {
      return false;
    }
    int n = Math.min(length, BINARY_PROBE);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  public static boolean isBinary(byte[] bytes) {
    return isBinary(bytes, bytes.length);
  }

  /** Decodes the first {@code length} bytes leniently, honouring a byte-order mark. */
  public static String decode(byte[] bytes, int length) {
    Optional<Charset> u16 = utf16(bytes, length);
    if (u16.isPresent()) {
      return decode(u16.get(), bytes, 2, length - 2);
    }
    int offset = 0;
    if (length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
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
   * The content as UTF-8 without a byte-order mark: UTF-16 (by its mark) is re-encoded, a UTF-8
   * mark is dropped, anything else is returned as it is. Git sources split and hash lines on these
   * bytes, so old and new versions of a file always compare in one encoding.
   */
  public static byte[] utf8(byte[] bytes) {
    if (utf16(bytes, bytes.length).isPresent()) {
      return decode(bytes).getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      return java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
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
    } catch (java.nio.charset.CharacterCodingException e) {
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

  private static Optional<Charset> utf16(byte[] b, int length) {
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
}
