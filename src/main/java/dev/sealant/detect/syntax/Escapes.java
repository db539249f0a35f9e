package dev.sealant.detect.syntax;

import java.io.ByteArrayOutputStream;

/** Undoes one escape sequence of a syntax; each method returns how many encoded chars it read. */
final class Escapes {

  private Escapes() {}

  /**
   * A backslash escape of C-family strings (Java, JS, Python, Go, C#, PHP double quotes, JSON, YAML
   * and TOML double quotes, bash {@code $'...'}) at {@code t[i] == '\\'}. Unknown escapes keep
   * their backslash, as Python and PHP do.
   */
  static int backslash(CharSequence t, int i, int limit, StringBuilder out) {
    if (i + 1 >= limit) {
      out.append('\\');
      return 1;
    }
    char n = t.charAt(i + 1);
    int width = n == 'u' ? 4 : n == 'U' ? 8 : n == 'x' ? 2 : 0;
    if (width > 0) {
      return hex(t, i, limit, width, out);
    }
    int plain = "ntrbf0".indexOf(n);
    if (plain >= 0) {
      out.append("\n\t\r\b\f\0".charAt(plain));
    } else if ("\\\"'/`$? ".indexOf(n) >= 0) {
      out.append(n);
    } else {
      out.append('\\').append(n);
    }
    return 2;
  }

  /** Bash double quotes: a backslash escapes only {@code $ ` " \\}; elsewhere it stays. */
  static int shell(CharSequence t, int i, int limit, StringBuilder out) {
    char n = i + 1 < limit ? t.charAt(i + 1) : 0;
    if (n == '$' || n == '`' || n == '"' || n == '\\') {
      out.append(n);
      return 2;
    }
    out.append('\\');
    return 1;
  }

  /** Java .properties: {@code \\uXXXX}, {@code \\t \\n \\r \\f}, else the escaped char itself. */
  static int properties(CharSequence t, int i, int limit, StringBuilder out) {
    if (i + 1 >= limit) {
      return 1; // a continuation line: the value goes on below, and is read no further here
    }
    char n = t.charAt(i + 1);
    if (n == 'u') {
      return hex(t, i, limit, 4, out);
    }
    int plain = "tnrf".indexOf(n);
    out.append(plain >= 0 ? "\t\n\r\f".charAt(plain) : n);
    return 2;
  }

  private static int hex(CharSequence t, int i, int limit, int digits, StringBuilder out) {
    int v = 0;
    for (int k = 0; k < digits; k++) {
      int d = i + 2 + k < limit ? Character.digit(t.charAt(i + 2 + k), 16) : -1;
      if (d < 0) {
        out.append('\\').append(t.charAt(i + 1));
        return 2;
      }
      v = v * 16 + d;
    }
    if (!Character.isValidCodePoint(v)) {
      out.append('\\').append(t.charAt(i + 1));
      return 2;
    }
    out.appendCodePoint(v);
    return 2 + digits;
  }

  /** An XML entity at {@code t[i] == '&'}: the five named ones and numeric references. */
  static int entity(CharSequence t, int i, int limit, StringBuilder out) {
    int semi = -1;
    for (int k = i + 1; k < limit && k <= i + 10; k++) {
      if (t.charAt(k) == ';') {
        semi = k;
        break;
      }
    }
    if (semi < 0) {
      out.append('&');
      return 1;
    }
    String name = t.subSequence(i + 1, semi).toString();
    int cp = named(name);
    if (cp < 0 && name.length() > 1 && name.charAt(0) == '#') {
      cp = number(name);
    }
    if (cp < 0) {
      out.append('&');
      return 1;
    }
    out.appendCodePoint(cp);
    return semi + 1 - i;
  }

  private static int named(String name) {
    return switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "apos" -> '\'';
      default -> -1;
    };
  }

  private static int number(String ref) {
    boolean hex = ref.length() > 2 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
    String digits = ref.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < digits.length(); k++) {
      int d = Character.digit(digits.charAt(k), hex ? 16 : 10);
      if (d < 0) {
        return -1;
      }
      v = v * (hex ? 16 : 10) + d;
    }
    return Character.isValidCodePoint(v) ? v : -1;
  }

  /** A {@code %XX} escape of a URL at {@code t[i] == '%'}, as one byte (UTF-8 is joined later). */
  static int percent(CharSequence t, int i, int limit, ByteArrayOutputStream out) {
    if (i + 2 < limit) {
      int hi = Character.digit(t.charAt(i + 1), 16);
      int lo = Character.digit(t.charAt(i + 2), 16);
      if (hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        return 3;
      }
    }
    out.write('%');
    return 1;
  }
}
