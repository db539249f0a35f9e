package dev.sealant.detect;

import dev.sealant.catalog.Rule;
import java.util.List;
import java.util.TreeSet;

/**
 * The floor a provider key's body must clear: test fakes and documentation fillers ({@code
 * AKIATESTTESTTESTTEST}, {@code sk_live_} and zeros, {@code ghp_} and 36 x's) keep a real prefix
 * and fill the rest with something no random generator produces.
 *
 * <p>The body is the secret after the longest keyword of any provider rule it starts with (the
 * prefix every real key carries: {@code akia}, {@code sk_live_}, {@code ghp_}) and the separators
 * that follow it, else the whole secret. Every rule applies the floor, generic ones included, so
 * that {@code AKIATESTTESTTESTTEST} assigned to a password is no more reported than by the AWS
 * rule. A body of at least {@link #MIN_BODY} characters is a fake when one of these holds over the
 * <em>whole</em> body (never a local feature, so structured secrets such as key files, whose base64
 * has runs of {@code A}, are not touched):
 *
 * <ul>
 *   <li>it is one unit of at most half its length, repeated ({@code TESTTESTTESTTEST}, {@code
 *       0000…}, {@code 1234567890} twice and a bit);
 *   <li>one character fills a run of half of it or more;
 *   <li>consecutive characters ({@code 123456789}, {@code abcdefgh}) fill half of it or more;
 *   <li>its Shannon entropy is below {@link #MIN_BITS} bits per character.
 * </ul>
 *
 * <p>Evidence for the bounds: a body drawn at random from the smallest alphabet a provider uses (10
 * digits) trips any test with probability below 1e-6 at 16 characters, and far less for hex, base32
 * or base62 (each bound is a run of 8 or more characters of probability at most 1/10 each, or a
 * distribution of at most 3-4 symbols); {@code KeyBodyPropertyTest} draws thousands of real-shaped
 * keys of every family a run and finds none rejected, and checks that every repeated or low-variety
 * body is.
 */
public final class KeyBody {

  /** Shorter bodies are left alone: they do not carry enough characters to tell. */
  public static final int MIN_BODY = 16;

  /** Entropy floor for a body, in bits per character (a random 16-digit body: ~3.3). */
  public static final double MIN_BITS = 1.5;

  private KeyBody() {}

  /**
   * The keywords of every rule not tagged generic, the prefixes a key body follows; a keyword that
   * is itself one repeated unit marks a fixed run inside a key, not its prefix.
   */
  public static List<String> prefixes(List<Rule> rules) {
    TreeSet<String> out = new TreeSet<>();
    for (Rule r : rules) {
      if (r.generic()) {
        continue;
      }
      for (String k : r.keywords()) {
        if (period(k) * 2 > k.length()) {
          out.add(k); // a keyword of one repeated unit (Dropbox's fixed run of A's) is no prefix
        }
      }
    }
    return List.copyOf(out);
  }

  /** True when the secret's body (after a leading keyword) is a filler, not a generated key. */
  public static boolean isFake(String secret, List<String> keywords) {
    return isFakeBody(body(withoutScheme(secret), keywords));
  }

  /** An HTTP auth scheme before a token ({@code Bearer aaaabbbb...}) is not part of its body. */
  private static String withoutScheme(String secret) {
    for (String scheme : SCHEMES) {
      if (secret.length() > scheme.length()
          && secret.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return secret.substring(scheme.length());
      }
    }
    return secret;
  }

  private static final List<String> SCHEMES = List.of("bearer ", "basic ", "token ", "bot ");

  /** The secret after the longest keyword it starts with (ignoring case) and any separators. */
  static String body(String secret, List<String> keywords) {
    int cut = 0;
    for (String k : keywords) {
      if (k.length() > cut && secret.regionMatches(true, 0, k, 0, k.length())) {
        cut = k.length();
      }
    }
    while (cut < secret.length() && !Character.isLetterOrDigit(secret.charAt(cut))) {
      cut++;
    }
    return secret.substring(cut);
  }

  static boolean isFakeBody(String body) {
    int n = body.length();
    if (n < MIN_BODY) {
      return false;
    }
    return period(body) * 2 <= n
        || stretched(body)
        || 2 * longestRun(body, 0) >= n
        || 2 * longestRun(body, 1) >= n
        || 2 * longestRun(body, -1) >= n
        || Entropy.shannon(body) < MIN_BITS;
  }

  /** Characters of a stretched body that may stand alone (a prefix the keywords do not cut). */
  private static final int STRETCH_SLACK = 8;

  /**
   * A fake drawn by holding keys down: each character repeated ({@code aaaabbbbccccdddd}, {@code
   * 11223344}), the runs averaging two or more, and what is left with each run collapsed to one
   * character a counting sequence or a short unit repeated. A random key's runs average barely
   * above one.
   */
  static boolean stretched(String body) {
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      if (i == 0 || body.charAt(i) != body.charAt(i - 1)) {
        c.append(body.charAt(i));
      }
    }
    int m = c.length();
    if (m * 2 > body.length() + STRETCH_SLACK || m < 2) {
      return false;
    }
    String collapsed = c.toString();
    return period(collapsed) * 2 <= m
        || 2 * longestRun(collapsed, 1) >= m
        || 2 * longestRun(collapsed, -1) >= m;
  }

  /** The smallest p such that the text is a prefix of its first p characters repeated (KMP). */
  static int period(String s) {
    int n = s.length();
    int[] fail = new int[n];
    int k = 0;
    for (int i = 1; i < n; i++) {
      while (k > 0 && s.charAt(i) != s.charAt(k)) {
        k = fail[k - 1];
      }
      if (s.charAt(i) == s.charAt(k)) {
        k++;
      }
      fail[i] = k;
    }
    return n - fail[n - 1];
  }

  /** The longest run of characters each {@code step} above the one before (0: the same one). */
  static int longestRun(String s, int step) {
    int best = 1;
    int run = 1;
    for (int i = 1; i < s.length(); i++) {
      run = s.charAt(i) - s.charAt(i - 1) == step ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }
}
