package dev.sealant.quality;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/** Random synthetic values in public token alphabets. Every value is made up from the seed. */
final class Values {

  static final String DIGITS = "0123456789";
  static final String HEX = "0123456789abcdef";
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String B62 = DIGITS + UPPER + LOWER;
  static final String B64 = B62 + "+/";
  static final String B64URL = B62 + "-_";
  static final String BASE32 = UPPER + "234567";
  static final String PASSWORD = B62 + "!#$%^*-_.~@+=?";

  private Values() {}

  static String of(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  static String b62(Random r, int n) {
    return of(r, B62, n);
  }

  static String hex(Random r, int n) {
    return of(r, HEX, n);
  }

  static String uuid(Random r) {
    String h = hex(r, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-a"
        + h.substring(17, 20)
        + "-"
        + h.substring(20);
  }

  /**
   * A password of 12-24 characters with at least one digit and one symbol, as people choose them.
   */
  static String password(Random r) {
    int n = 12 + r.nextInt(13);
    return of(r, UPPER, 1) + of(r, PASSWORD, n - 3) + of(r, DIGITS, 1) + of(r, "!#%*-_.", 1);
  }

  /** A password safe inside a URL's user information (no reserved characters). */
  static String urlPassword(Random r) {
    return of(r, B62, 14 + r.nextInt(10)) + of(r, "-_.~", 1) + of(r, DIGITS, 1);
  }

  /** prefix + 30 base62 + base62(crc32), the public GitHub/npm token scheme. */
  static String checksummed(Random r, String prefix) {
    String body = b62(r, 30);
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] check = new char[6];
    for (int i = 5; i >= 0; i--) {
      check[i] = B62.charAt((int) (v % 62));
      v /= 62;
    }
    return prefix + body + new String(check);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String base64Url(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** A signed-looking HS256 JWT with a random subject and signature. */
  static String jwt(Random r, String role) {
    String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String payload =
        base64Url(
            "{\"sub\":\""
                + uuid(r)
                + "\",\"role\":\""
                + role
                + "\",\"iat\":"
                + (1_700_000_000 + r.nextInt(50_000_000))
                + "}");
    return header
        + "."
        + payload
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(r, 32));
  }

  static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
