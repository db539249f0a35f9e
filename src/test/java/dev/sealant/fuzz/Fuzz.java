package dev.sealant.fuzz;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-house seeded fuzz harness: inputs come from {@link java.util.Random} seeded per test case,
 * so every failure names a seed that reproduces it. The budget is small in {@code mvn verify} and
 * raised with {@code -Dsealant.fuzz.iterations=N} (the {@code fuzz} profile sets a long run).
 */
final class Fuzz {

  static final AtomicLong TRIED = new AtomicLong();

  private Fuzz() {}

  static int iterations(int defaultPerSeed) {
    return Integer.getInteger("sealant.fuzz.iterations", defaultPerSeed);
  }

  static final String[] FRAGMENTS = {
    "password",
    "token",
    "secret",
    "api_key",
    "ghp_",
    "github_pat_",
    "AKIA",
    "sk_live_",
    "xoxb-",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----END RSA PRIVATE KEY-----",
    "-----BEGIN PRIVATE KEY-----",
    "sealant:allow",
    "sealant:allow-next-line",
    " -- ",
    "=",
    ": ",
    "\"",
    "'",
    "${",
    "}",
    "{{",
    "%(",
    "\\u00",
    "%2F",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "://",
    "@",
    "==",
    "eyJ",
    "\u0000",
    "\uD800",
    "\uFFFD",
    "é",
    "漢字",
    "😀",
    "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"
  };

  /** Random text: a mix of raw characters, keywords and structure from {@link #FRAGMENTS}. */
  static String text(Random r, int maxLength) {
    int len = r.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder(len + 64);
    while (b.length() < len) {
      int k = r.nextInt(10);
      if (k < 4) {
        b.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
      } else if (k < 8) {
        for (int i = r.nextInt(40); i > 0; i--) {
          b.append((char) (0x20 + r.nextInt(0x5f)));
        }
      } else if (k < 9) {
        for (int i = r.nextInt(60); i > 0; i--) {
          b.append(
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                  .charAt(r.nextInt(64)));
        }
      } else {
        b.append((char) r.nextInt(0x10000));
      }
    }
    return b.toString();
  }

  /** A mutation of {@code seed}: bytes flipped, spans duplicated, deleted or swapped. */
  static String mutate(Random r, String seed) {
    StringBuilder b = new StringBuilder(seed);
    for (int m = 1 + r.nextInt(4); m > 0 && b.length() > 0; m--) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(4)) {
        case 0 -> b.setCharAt(at, (char) r.nextInt(0x10000));
        case 1 -> b.insert(at, b.substring(at, Math.min(b.length(), at + r.nextInt(32))));
        case 2 -> b.delete(at, Math.min(b.length(), at + r.nextInt(16)));
        default -> b.insert(at, FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
      }
    }
    return b.toString();
  }
}
