package dev.sealant.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /**
   * The public scheme, written independently of the validator: prefix + 30 base62 + base62(crc32),
   * 6 wide.
   */
  static String token(String prefix, Random random) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      body.append(ALPHABET.charAt(random.nextInt(62)));
    }
    CRC32 crc = new CRC32();
    crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
    StringBuilder check = new StringBuilder();
    BigInteger v = BigInteger.valueOf(crc.getValue());
    BigInteger base = BigInteger.valueOf(62);
    for (int i = 0; i < 6; i++) {
      BigInteger[] qr = v.divideAndRemainder(base);
      check.insert(0, ALPHABET.charAt(qr[1].intValue()));
      v = qr[0];
    }
    return prefix + body + check;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
  void generatedGithubTokensCarryAValidChecksum(String prefix) {
    Random random = new Random(prefix.hashCode());
    for (int i = 0; i < 200; i++) {
      String t = token(prefix, random);
      assertTrue(Checksums.githubToken(t), "seed " + prefix.hashCode() + ": " + t);
    }
  }

  @Test
  void generatedNpmTokensCarryAValidChecksum() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      String t = token("npm_", random);
      assertTrue(Checksums.npmToken(t), "seed 7: " + t);
    }
  }

  @Test
  void tokensFromAnIndependentGeneratorValidate() {
    // Made with a short Python script (zlib.crc32 + base62) for this project.
    assertTrue(Checksums.githubToken("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"));
    assertTrue(Checksums.githubToken("ghs_KOK93yTvfvhTIFvSS8OZyLEnk9YHnl0UphbO"));
    assertTrue(Checksums.npmToken("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"));
  }

  @Test
  void anyChangedCharacterBreaksTheChecksum() {
    String t = token("ghp_", new Random(11));
    for (int i = 4; i < t.length(); i++) {
      char c = t.charAt(i) == 'a' ? 'b' : 'a';
      String changed = t.substring(0, i) + c + t.substring(i + 1);
      assertFalse(Checksums.githubToken(changed), changed);
    }
  }

  @Test
  void wrongLengthsAndPlaceholdersFail() {
    assertFalse(Checksums.githubToken("ghp_" + "x".repeat(36)));
    assertFalse(Checksums.githubToken("ghp_short"));
    assertFalse(Checksums.npmToken(token("npm_", new Random(3)) + "A"));
  }

  @Test
  void base62PadsToTheWidth() {
    assertEquals("000000", Checksums.base62(0, 6));
    assertEquals("00000z", Checksums.base62(61, 6));
    assertEquals("000010", Checksums.base62(62, 6));
  }
}
