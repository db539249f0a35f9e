package dev.sealant.detect.syntax;

import java.util.BitSet;

/**
 * Reads one quoted string literal, undoing its syntax's escapes, and reports where its content sits
 * in the encoded text. Every reader stops at the line's end: a string that does not close on its
 * line is not read (multi-line strings are not assignments of one secret).
 */
final class Strings {

  /** The longest literal read; a value longer than this is data, not a credential. */
  static final int MAX = 1024;

  /** How escapes inside the quotes are written. */
  enum Escape {
    /** C-family backslash escapes. */
    BACKSLASH,
    /** Bash double quotes: backslash before {@code $ ` " \\} only. */
    SHELL,
    /** Nothing is escaped (shell and TOML single quotes, Go raw strings, INI). */
    RAW,
    /** The closing quote doubled stands for itself (YAML single quotes, C# verbatim, ADO.NET). */
    DOUBLED,
    /** XML entities (attribute values). */
    XML
  }

  /**
   * What in the content expands ({@link Expansions}); a string that expands something is a literal
   * only when what is left is one ({@link Values#meantLiteral}).
   */
  enum Interpolation {
    NONE,
    /** {@code ${...}} (JS template literals, Groovy, Kotlin, PHP double quotes). */
    DOLLAR_BRACE,
    /** {@code $NAME}, {@code ${...}}, {@code $(...)} and backticks (shell double quotes). */
    SHELL,
    /**
     * A single opening brace (Python f-strings, C# interpolated strings); a doubled one is a
     * literal brace.
     */
    BRACE
  }

  private Strings() {}

  /**
   * The literal whose opening delimiter is at {@code open}, or null when it does not close before
   * {@code limit}.
   */
  static Literal read(
      CharSequence t, int open, int limit, char close, Escape esc, Interpolation interp) {
    StringBuilder sb = new StringBuilder();
    BitSet live = new BitSet();
    int end = Math.min(limit, open + 1 + MAX);
    int i = open + 1;
    while (i < end) {
      char c = t.charAt(i);
      if (c == close) {
        if (esc == Escape.DOUBLED && i + 1 < end && t.charAt(i + 1) == close) {
          sb.append(close);
          i += 2;
          continue;
        }
        String value = sb.toString();
        return new Literal(
            value, open + 1, i, i + 1, true, Expansions.residue(value, interp, live));
      }
      if (c == '\\' && esc == Escape.BACKSLASH) {
        i += Escapes.backslash(t, i, end, sb);
      } else if (c == '\\' && esc == Escape.SHELL) {
        i += Escapes.shell(t, i, end, sb);
      } else if (c == '&' && esc == Escape.XML) {
        i += Escapes.entity(t, i, end, sb);
      } else {
        if (interpolates(t, i, end, interp)) {
          live.set(sb.length()); // an unescaped sigil: an expansion may open here
        }
        if (interp == Interpolation.BRACE
            && (c == '{' || c == '}')
            && i + 1 < end
            && t.charAt(i + 1) == c) {
          i++;
        }
        sb.append(c);
        i++;
      }
    }
    return null;
  }

  private static boolean interpolates(CharSequence t, int i, int end, Interpolation interp) {
    char c = t.charAt(i);
    char n = i + 1 < end ? t.charAt(i + 1) : 0;
    return switch (interp) {
      case DOLLAR_BRACE -> c == '$' && n == '{';
      case SHELL ->
          c == '`' || (c == '$' && (n == '{' || n == '(' || n == '_' || Character.isLetter(n)));
      case BRACE -> c == '{' && n != '{';
      case NONE -> false;
    };
  }

  /** An XML element's text or CDATA section at {@code at}, up to the next {@code <}. */
  static Literal elementText(CharSequence t, int at, int limit) {
    String cdata = "<![CDATA[";
    if (startsWith(t, at, limit, cdata)) {
      int from = at + cdata.length();
      for (int i = from; i + 2 < limit && i < from + MAX; i++) {
        if (t.charAt(i) == ']' && t.charAt(i + 1) == ']' && t.charAt(i + 2) == '>') {
          return new Literal(t.subSequence(from, i).toString(), from, i, i + 3, true);
        }
      }
      return null;
    }
    StringBuilder sb = new StringBuilder();
    int end = Math.min(limit, at + MAX);
    int i = at;
    while (i < end && t.charAt(i) != '<') {
      i += t.charAt(i) == '&' ? Escapes.entity(t, i, end, sb) : append(sb, t.charAt(i));
    }
    return i < end ? new Literal(sb.toString(), at, i, i, true) : null;
  }

  private static int append(StringBuilder sb, char c) {
    sb.append(c);
    return 1;
  }

  static boolean startsWith(CharSequence t, int at, int limit, String s) {
    if (at + s.length() > limit) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (t.charAt(at + k) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
