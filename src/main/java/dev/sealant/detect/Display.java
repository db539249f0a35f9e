package dev.sealant.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place a user- or repository-controlled string is made fit to show: file names, author
 * names and e-mails, suppression reasons, warnings and error messages. Whatever the engine would
 * report as a secret in the string itself is redacted ({@link Redaction}), so a token planted in a
 * file name or an author field is not printed whole; {@link #message} also redacts anything
 * token-shaped ({@link #tokenLike}); {@link #terminal} then escapes the control characters that
 * could move the cursor, recolour or retitle a terminal, and the bidirectional overrides that could
 * reorder what a reader sees.
 *
 * <p>Structured formats (JSON, SARIF, CSV, JUnit) take {@link #name}: their writers escape
 * characters themselves and a path must stay exact there. Text on a terminal takes {@link
 * #terminal}. With {@code --show-secrets} the CLI uses {@link #PLAIN}, which only escapes.
 */
public final class Display {

  /** Redacts nothing (no engine): escaping only. */
  public static final Display PLAIN = new Display(null);

  /** A run of token characters at least this long is token-shaped in {@link #message}. */
  static final int TOKEN_RUN = 16;

  private static final int MEMO = 1 << 14;

  private final Engine engine;
  private final ConcurrentHashMap<String, String> memo = new ConcurrentHashMap<>();

  private Display(Engine engine) {
    this.engine = engine;
  }

  /** Redacts what {@code engine} detects in the strings it is given. */
  public static Display redacting(Engine engine) {
    return new Display(engine);
  }

  /**
   * A name (path, author, e-mail, reason) with every secret the engine detects in it redacted;
   * other characters are kept exactly.
   */
  public String name(String s) {
    if (engine == null || s.isEmpty()) {
      return s;
    }
    String known = memo.get(s);
    if (known != null) {
      return known;
    }
    String out = redactDetected(s);
    if (memo.size() < MEMO) {
      memo.put(s, out);
    }
    return out;
  }

  /** {@link #name}, then control characters escaped: for text shown on a terminal. */
  public String terminal(String s) {
    return escape(name(s));
  }

  /**
   * A message for stderr (a warning or an error that may quote user input): detected secrets and
   * token-shaped runs redacted, control characters escaped.
   */
  public String message(String s) {
    return escape(tokenLike(name(s)));
  }

  private String redactDetected(String s) {
    List<Finding> found;
    try {
      // A neutral path: the string's own path allowlist or inline annotations must not hide it.
      found = engine.scan(Fragment.of("sealant-display", s));
    } catch (RuntimeException e) {
      // A display must never fail; fall back to the shape test alone.
      return tokenLike(s);
    }
    if (found.isEmpty()) {
      return s;
    }
    String out = s;
    List<String> secrets = new ArrayList<>();
    for (Finding f : found) {
      secrets.add(f.secret());
    }
    // Longest first, so a secret containing another is replaced whole.
    secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
    boolean missed = false;
    for (String secret : secrets) {
      if (secret.isEmpty()) {
        continue;
      }
      if (out.contains(secret)) {
        out = out.replace(secret, Redaction.redact(secret));
      } else {
        missed = true; // found decoded (base64, percent): its encoded form is in the string
      }
    }
    return missed ? tokenLike(out) : out;
  }

  /**
   * Redacts every token-shaped run: {@value #TOKEN_RUN} or more characters of letters, digits,
   * {@code _ + / = -} holding both letters and digits, that is not a git object id (lower-case
   * hexadecimal, which messages name on purpose). Words, paths of words and numbers are kept.
   */
  public static String tokenLike(String s) {
    StringBuilder b = null;
    int i = 0;
    int n = s.length();
    while (i < n) {
      if (!isTokenChar(s.charAt(i))) {
        if (b != null) {
          b.append(s.charAt(i));
        }
        i++;
        continue;
      }
      int start = i;
      while (i < n && isTokenChar(s.charAt(i))) {
        i++;
      }
      String run = s.substring(start, i);
      boolean redact = run.length() >= TOKEN_RUN && mixed(run) && !objectId(run);
      if (redact && b == null) {
        b = new StringBuilder(n).append(s, 0, start);
      }
      if (b != null) {
        b.append(redact ? Redaction.redact(run) : run);
      }
    }
    return b == null ? s : b.toString();
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '+' || c == '/' || c == '=' || c == '-';
  }

  /** Letters and digits both, in one segment (8 characters or more) between separators. */
  private static boolean mixed(String run) {
    boolean letter = false;
    boolean digit = false;
    int len = 0;
    for (int k = 0; k <= run.length(); k++) {
      char c = k < run.length() ? run.charAt(k) : '/';
      if (c == '/' || c == '_' || c == '=' || c == '+' || c == '-') {
        if (letter && digit && len >= 8) {
          return true;
        }
        letter = false;
        digit = false;
        len = 0;
      } else {
        letter |= Character.isLetter(c);
        digit |= Character.isDigit(c);
        len++;
      }
    }
    return false;
  }

  private static boolean objectId(String run) {
    if (run.length() != 40 && run.length() != 64) {
      return false;
    }
    for (int k = 0; k < run.length(); k++) {
      char c = run.charAt(k);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Control characters (C0, DEL, C1, so ESC and its sequences) and bidirectional overrides shown
   * as escapes ({@code \n}, {@code \t}, {@code \u001b}); everything else, non-ASCII included, kept.
   */
  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
          : c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c
              ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
      if (esc != null && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        b.append(esc != null ? esc : String.valueOf(c));
      }
    }
    return b == null ? s : b.toString();
  }
}
