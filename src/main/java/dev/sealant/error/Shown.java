package dev.sealant.error;

import java.util.Locale;

/**
 * How an error message quotes what the user wrote. A value that could be a secret (a token pasted
 * where a fingerprint, key, rule id or alias belongs) is never echoed whole: a name-like value
 * (letters, digits, {@code . _ / -}, at most {@value #MAX_SHOWN} characters, nothing token-shaped)
 * is quoted as it is, anything else as its first characters and {@code ***} with its length.
 * Control characters are escaped. The CLI also runs every message through the detector before
 * printing it ({@code detect.Display}); this is the same rule applied where the message is made.
 */
public final class Shown {

  /** The longest value quoted whole. */
  static final int MAX_SHOWN = 48;

  /**
   * A run of token characters at least this long, with letters and digits mixed, is token-shaped.
   */
  public static final int TOKEN_RUN = 16;

  private Shown() {}

  /** {@code 'value'}, or {@code 'ghp_***' (40 characters)} for one that could be a secret. */
  public static String value(String v) {
    if (nameLike(v)) {
      return "'" + v + "'";
    }
    int keep = Math.min(4, v.codePointCount(0, v.length()) / 4);
    String head = escape(v.substring(0, v.offsetByCodePoints(0, keep)));
    return "'" + head + "***' (" + v.codePointCount(0, v.length()) + " characters, not shown)";
  }

  private static boolean nameLike(String v) {
    if (v.isEmpty() || v.length() > MAX_SHOWN) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '/'
              || c == '-'
              || c == ' ';
      if (!ok) {
        return false;
      }
    }
    return tokens(v).equals(v) && !mixedSegment(v, 8);
  }

  /**
   * Text from a library (a YAML parser's problem) reduced to prose: words of lower-case letters and
   * punctuation (so {@code expected ',' or ']', but got <stream end>} stays whole) are kept, any
   * other word (an escape, the word after {@code alias} or {@code anchor}, anything with a digit or
   * a capital) becomes {@code ***}.
   */
  public static String prose(String s) {
    StringBuilder b = new StringBuilder(s.length());
    String previous = "";
    int i = 0;
    while (i < s.length()) {
      if (s.charAt(i) == ' ') {
        b.append(' ');
        i++;
        continue;
      }
      int start = i;
      while (i < s.length() && s.charAt(i) != ' ') {
        i++;
      }
      String w = s.substring(start, i);
      // An alias or anchor name is the user's, whatever it looks like.
      boolean named = previous.equals("alias") || previous.equals("anchor");
      b.append(plainWord(w) && !named ? w : "***");
      previous = w;
    }
    return b.toString();
  }

  private static boolean plainWord(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!((c >= 'a' && c <= 'z') || ",.:;()'\"<>[]{}!?-".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Redacts every token-shaped run: {@value #TOKEN_RUN} or more characters of letters, digits,
   * {@code _ + / = -} with a segment (between those separators) of 8 or more that mixes letters and
   * digits, unless it is a git object id or a Sealant fingerprint (40, 64 or 32 lower-case
   * hexadecimal digits), which messages name on purpose. Words, paths of words and numbers are
   * kept.
   */
  public static String tokens(String s) {
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
      boolean redact = run.length() >= TOKEN_RUN && mixedSegment(run, 8) && !objectId(run);
      if (redact && b == null) {
        b = new StringBuilder(n).append(s, 0, start);
      }
      if (b != null) {
        b.append(redact ? redact(run) : run);
      }
    }
    return b == null ? s : b.toString();
  }

  /** The first characters (at most four, at most a quarter) and {@code ***}. */
  public static String redact(String secret) {
    int keep = Math.min(4, secret.codePointCount(0, secret.length()) / 4);
    return escape(secret.substring(0, secret.offsetByCodePoints(0, keep))) + "***";
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '+'
        || c == '/'
        || c == '='
        || c == '-';
  }

  /**
   * A segment between {@code / _ = + - . space} of at least {@code min} characters mixing letters
   * and digits.
   */
  private static boolean mixedSegment(String run, int min) {
    boolean letter = false;
    boolean digit = false;
    int len = 0;
    for (int k = 0; k <= run.length(); k++) {
      char c = k < run.length() ? run.charAt(k) : '/';
      if (c == '/' || c == '_' || c == '=' || c == '+' || c == '-' || c == '.' || c == ' ') {
        if (letter && digit && len >= min) {
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
    if (run.length() != 40 && run.length() != 64 && run.length() != 32) {
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
   * Control characters (C0, DEL, C1, so ESC and its sequences) and bidirectional controls shown as
   * escapes ({@code \n}, {@code \t}, {@code \u001b}); everything else, non-ASCII included, kept.
   */
  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc =
          c == '\n'
              ? "\\n"
              : c == '\r'
                  ? "\\r"
                  : c == '\t'
                      ? "\\t"
                      : c < 0x20
                              || (c >= 0x7f && c <= 0x9f)
                              || (c >= 0x202a && c <= 0x202e)
                              || (c >= 0x2066 && c <= 0x2069)
                              || c == 0x200e
                              || c == 0x200f
                              || c == 0x061c
                          ? String.format(Locale.ROOT, "\\u%04x", (int) c)
                          : null;
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
