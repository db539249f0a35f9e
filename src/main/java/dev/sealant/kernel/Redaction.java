package dev.sealant.kernel;

/**
 * Redacts secrets for display: up to the first four characters, never more than a quarter of the
 * secret (so a short password does not leak most of itself), then {@code ***}.
 */
public final class Redaction {

  private Redaction() {}

  public static String redact(String secret) {
    int codePoints = secret.codePointCount(0, secret.length());
    int keep = Math.min(4, codePoints / 4);
    int end = secret.offsetByCodePoints(0, keep);
    StringBuilder b = new StringBuilder(end + 3);
    for (int i = 0; i < end; i++) {
      char c = secret.charAt(i);
      b.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    return b.append("***").toString();
  }
}
