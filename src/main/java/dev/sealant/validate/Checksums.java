package dev.sealant.validate;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Token checksums that providers embed in their formats. GitHub's ghp_/gho_/ghu_/ghs_/ghr_ tokens
 * and npm's npm_ tokens end in six base62 characters that encode the CRC32 of the random part.
 */
final class Checksums {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Checksums() {}

  static boolean githubToken(String token) {
    return prefixedCrc(token, 4);
  }

  static boolean npmToken(String token) {
    return prefixedCrc(token, 4);
  }

  /** {@code prefix + random(30) + base62(crc32(random), 6)}. */
  private static boolean prefixedCrc(String token, int prefixLength) {
    if (token.length() != prefixLength + 36) {
      return false;
    }
    String random = token.substring(prefixLength, prefixLength + 30);
    String check = token.substring(prefixLength + 30);
    return base62(crc32(random), 6).equals(check);
  }

  static long crc32(String s) {
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  /** Base62 of {@code value}, left-padded with '0' to {@code width} characters. */
  static String base62(long value, int width) {
    char[] out = new char[width];
    long v = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }
}
