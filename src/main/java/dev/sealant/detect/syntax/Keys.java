package dev.sealant.detect.syntax;

/**
 * Reads a setting's name backwards from the separator after it: a bare name ({@code
 * spring.datasource.password}, {@code $db_pass}, {@code --password}), a quoted one ({@code
 * "clientSecret"}), a subscript ({@code cfg["db_pass"]}), and past a type annotation ({@code
 * password: str}, {@code var apiKey string}).
 */
final class Keys {

  /** Names longer than this are not read: no setting is named with a paragraph. */
  static final int MAX = 128;

  /** A name and where it starts. */
  record Key(String name, int start, boolean quoted) {}

  private Keys() {}

  /** The name ending just before {@code end} (spaces skipped), or null. */
  static Key leftOf(CharSequence t, int lineStart, int end) {
    Key k = plain(t, lineStart, end);
    if (k == null || k.quoted() || !typeName(k.name())) {
      return k;
    }
    // 'password: str =', Rust 'API_KEY: &str =' and 'var apiKey string =': the name is before the
    // type.
    int j = k.start();
    boolean reference = false;
    while (j > lineStart && t.charAt(j - 1) == '&') {
      j--;
      reference = true;
    }
    j = skipSpaces(t, lineStart, j);
    if (j > lineStart && t.charAt(j - 1) == ':') {
      j = skipSpaces(t, lineStart, j - 1);
    } else if (j == k.start() || reference) {
      return k;
    }
    Key named = plain(t, lineStart, j);
    return named == null ? k : named;
  }

  private static Key plain(CharSequence t, int lineStart, int end) {
    int j = skipSpaces(t, lineStart, end);
    if (j <= lineStart) {
      return null;
    }
    char c = t.charAt(j - 1);
    if (c == ']') {
      j = skipSpaces(t, lineStart, j - 1);
      if (j <= lineStart) {
        return null;
      }
      c = t.charAt(j - 1);
    }
    if (c == '"' || c == '\'' || c == '`') {
      int open = j - 2;
      int stop = Math.max(lineStart, j - 1 - MAX);
      while (open >= stop && t.charAt(open) != c) {
        open--;
      }
      if (open < stop || open == j - 2) {
        return null;
      }
      return new Key(t.subSequence(open + 1, j - 1).toString(), open, true);
    }
    int start = j;
    int stop = Math.max(lineStart, j - MAX);
    while (start > stop && nameChar(t.charAt(start - 1))) {
      start--;
    }
    if (start == j) {
      return null;
    }
    String name = strip(t.subSequence(start, j).toString());
    return name.isEmpty() ? null : new Key(name, start, false);
  }

  static boolean nameChar(char c) {
    return (c < 128 && Character.isLetterOrDigit(c))
        || c == '_'
        || c == '-'
        || c == '.'
        || c == '$'
        || c == '@';
  }

  /** Without sigils and flag dashes: {@code $password}, {@code @token}, {@code --password}. */
  private static String strip(String name) {
    int i = 0;
    while (i < name.length()
        && (name.charAt(i) == '-'
            || name.charAt(i) == '$'
            || name.charAt(i) == '@'
            || name.charAt(i) == '.')) {
      i++;
    }
    return name.substring(i);
  }

  private static boolean typeName(String s) {
    return switch (s) {
      case "str", "string", "String", "bytes", "byte", "char", "Secret", "SecretStr" -> true;
      default -> false;
    };
  }

  static int skipSpaces(CharSequence t, int lineStart, int end) {
    int j = end;
    while (j > lineStart && (t.charAt(j - 1) == ' ' || t.charAt(j - 1) == '\t')) {
      j--;
    }
    return j;
  }

  /**
   * The name a {@code value} setting is for, from a {@code key}/{@code name} attribute before it:
   * {@code <add key="SmtpPassword" value="...">}, {@code {"name": "DB_PASSWORD", "value": "..."}}.
   */
  static String namedBy(CharSequence t, int lineStart, int valueKeyStart) {
    int stop = Math.max(lineStart, valueKeyStart - 256);
    for (int i = valueKeyStart - 1; i >= stop + 3; i--) {
      char c = t.charAt(i);
      if (c != '=' && c != ':') {
        continue;
      }
      Key k = plain(t, stop, i);
      if (k == null || !(k.name().equalsIgnoreCase("key") || k.name().equalsIgnoreCase("name"))) {
        continue;
      }
      int q = i + 1;
      while (q < valueKeyStart && t.charAt(q) == ' ') {
        q++;
      }
      if (q < valueKeyStart && (t.charAt(q) == '"' || t.charAt(q) == '\'')) {
        for (int e = q + 1; e < valueKeyStart; e++) {
          if (t.charAt(e) == t.charAt(q)) {
            return t.subSequence(q + 1, e).toString();
          }
        }
      }
      return null;
    }
    return null;
  }
}
