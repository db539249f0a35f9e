package dev.sealant.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content fingerprints: SHA-256 over a version tag, the rule id and the normalised secret,
 * truncated to 128 bits (32 hex digits). Position-free, so a finding keeps its fingerprint when its
 * line moves or its file is renamed, and loses it when the secret changes. Only the hash is ever
 * written to ignore files and baselines.
 */
public final class Fingerprints {

  private Fingerprints() {}

  public static String of(String ruleId, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("sealant-fp-v1\0".getBytes(StandardCharsets.UTF_8));
      sha.update(ruleId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(normalise(secret).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Line endings and surrounding blanks do not make a different secret. */
  static String normalise(String secret) {
    if (secret.indexOf('\n') < 0 && secret.indexOf('\r') < 0) {
      return secret.strip();
    }
    StringBuilder b = new StringBuilder(secret.length());
    for (String line : secret.lines().toList()) {
      String t = line.strip();
      if (!t.isEmpty()) {
        b.append(t).append('\n');
      }
    }
    return b.toString();
  }

  /** True for a well-formed fingerprint (32 lower-case hex digits). */
  public static boolean isFingerprint(String s) {
    if (s.length() != 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
