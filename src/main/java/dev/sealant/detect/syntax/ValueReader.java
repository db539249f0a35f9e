package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.Strings.Escape;
import dev.sealant.detect.syntax.Strings.Interpolation;
import java.util.Locale;

/**
 * Reads the value after a separator: a string literal in whichever quoting the text uses (with the
 * prefixes of Python, C# and bash), or a bare value, which runs to the end of the line in
 * configuration dialects and is one word in code.
 */
final class ValueReader {

  /** Where the value sits: markup attribute, connection string, or neither. */
  enum Context {
    PLAIN,
    /** Inside an XML/HTML tag: quotes take entities. */
    MARKUP,
    /**
     * A key after a {@code ;}, as in ADO.NET, JDBC and ODBC connection strings: doubled quotes,
     * braces.
     */
    CONNECTION
  }

  private ValueReader() {}

  /**
   * The value starting at or after {@code p}, or null when there is none or it is not a literal's
   * shape.
   */
  static Literal read(CharSequence t, int p, int lineEnd, Dialect d, Context ctx) {
    int i = p;
    while (i < lineEnd && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    if (i >= lineEnd) {
      return null;
    }
    char c = t.charAt(i);
    char n = i + 1 < lineEnd ? t.charAt(i + 1) : 0;
    Literal lit;
    if (d == Dialect.PROPERTIES && ctx == Context.PLAIN) {
      return BareValues.restOfLine(t, i, lineEnd, d); // quotes are part of a .properties value
    }
    if (c == '"' || c == '\'' || (c == '`' && ctx != Context.CONNECTION && d != Dialect.INI)) {
      lit = quoted(t, i, lineEnd, d, ctx);
    } else if (c == '{' && ctx == Context.CONNECTION) {
      lit = Strings.read(t, i, lineEnd, '}', Escape.DOUBLED, Interpolation.NONE);
    } else if ((c == '@' || c == '$') && (n == '"' || n == '\'')) {
      lit = prefixed(t, i, lineEnd, c, n);
    } else if (c == 'r' && n == '#' && (i == 0 || !Keys.nameChar(t.charAt(i - 1)))) {
      lit = rustRaw(t, i, lineEnd);
    } else if ("bBrRuUfF".indexOf(c) >= 0 && pythonQuote(t, i, lineEnd) > 0) {
      lit = python(t, i, lineEnd);
    } else {
      return bare(t, i, lineEnd, d, ctx);
    }
    if (lit == null || (lit.template() && !Values.meantLiteral(lit.value(), lit.residue()))) {
      return null;
    }
    return continues(t, lit.next(), lineEnd) ? null : lit;
  }

  private static Literal quoted(CharSequence t, int i, int lineEnd, Dialect d, Context ctx) {
    char q = t.charAt(i);
    if (ctx == Context.MARKUP || (d == Dialect.XML && q != '`')) {
      return Strings.read(t, i, lineEnd, q, Escape.XML, Interpolation.NONE);
    }
    if (ctx == Context.CONNECTION && q != '`') {
      return Strings.read(t, i, lineEnd, q, Escape.DOUBLED, Interpolation.NONE);
    }
    if (d == Dialect.INI && ctx == Context.PLAIN) {
      return iniQuoted(t, i, lineEnd, q);
    }
    if (q == '`') {
      if (d == Dialect.SHELL || d == Dialect.ENV) {
        return null; // command substitution
      }
      return d == Dialect.GO
          ? Strings.read(t, i, lineEnd, q, Escape.RAW, Interpolation.NONE)
          : Strings.read(t, i, lineEnd, q, Escape.BACKSLASH, Interpolation.DOLLAR_BRACE);
    }
    boolean shell = d == Dialect.SHELL || d == Dialect.ENV;
    if (q == '"') {
      return shell
          ? Strings.read(t, i, lineEnd, q, Escape.SHELL, Interpolation.SHELL)
          : Strings.read(
              t,
              i,
              lineEnd,
              q,
              d == Dialect.INI ? Escape.RAW : Escape.BACKSLASH,
              Interpolation.NONE);
    }
    if (d == Dialect.YAML || d == Dialect.POWERSHELL) {
      return Strings.read(t, i, lineEnd, q, Escape.DOUBLED, Interpolation.NONE);
    }
    if (shell) {
      return shellSingle(t, i, lineEnd);
    }
    boolean raw = d == Dialect.TOML || d == Dialect.INI;
    return Strings.read(t, i, lineEnd, q, raw ? Escape.RAW : Escape.BACKSLASH, Interpolation.NONE);
  }

  /**
   * Rust {@code r#"raw"#}: no escapes; it closes at a quote followed by as many {@code #} as opened
   * it.
   */
  private static Literal rustRaw(CharSequence t, int i, int lineEnd) {
    int q = i + 1;
    while (q < lineEnd && t.charAt(q) == '#') {
      q++;
    }
    int hashes = q - i - 1;
    if (q >= lineEnd || t.charAt(q) != '"') {
      return null;
    }
    int limit = Math.min(lineEnd, q + 1 + Strings.MAX);
    for (int k = q + 1; k + hashes < limit; k++) {
      if (t.charAt(k) == '"' && closesRaw(t, k + 1, hashes)) {
        return new Literal(t.subSequence(q + 1, k).toString(), q + 1, k, k + 1 + hashes, true);
      }
    }
    return null;
  }

  private static boolean closesRaw(CharSequence t, int from, int hashes) {
    for (int h = 0; h < hashes; h++) {
      if (t.charAt(from + h) != '#') {
        return false;
      }
    }
    return true;
  }

  /**
   * Shell: {@code 'it'\''s'} is one word, a single-quoted string, an escaped quote and another;
   * read on while the word goes on that way.
   */
  private static Literal shellSingle(CharSequence t, int i, int lineEnd) {
    Literal lit = Strings.read(t, i, lineEnd, '\'', Escape.RAW, Interpolation.NONE);
    StringBuilder v = null;
    while (lit != null) {
      int k = lit.next();
      if (!(k + 2 < lineEnd
          && t.charAt(k) == '\\'
          && t.charAt(k + 1) == '\''
          && t.charAt(k + 2) == '\'')) {
        return v == null
            ? lit
            : new Literal(v.append(lit.value()).toString(), i + 1, lit.end(), k, true);
      }
      v = (v == null ? new StringBuilder() : v).append(lit.value()).append('\'');
      lit = Strings.read(t, k + 2, lineEnd, '\'', Escape.RAW, Interpolation.NONE);
    }
    return null;
  }

  /** INI: quotes around the whole rest of the line are dropped; nothing inside is escaped. */
  private static Literal iniQuoted(CharSequence t, int i, int lineEnd, char q) {
    int e = lineEnd;
    while (e > i + 1 && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == '\t')) {
      e--;
    }
    if (e - i < 2 || t.charAt(e - 1) != q) {
      return null;
    }
    return new Literal(t.subSequence(i + 1, e - 1).toString(), i + 1, e - 1, e, true);
  }

  /** C# {@code @"verbatim"} and {@code $"interpolated"}, bash {@code $'ANSI-C'}. */
  private static Literal prefixed(CharSequence t, int i, int lineEnd, char prefix, char q) {
    if (prefix == '@') {
      return q == '"'
          ? Strings.read(t, i + 1, lineEnd, q, Escape.DOUBLED, Interpolation.NONE)
          : null;
    }
    return q == '"'
        ? Strings.read(t, i + 1, lineEnd, q, Escape.BACKSLASH, Interpolation.BRACE)
        : Strings.read(t, i + 1, lineEnd, q, Escape.BACKSLASH, Interpolation.NONE);
  }

  /** Offset of the quote after a Python string prefix ({@code b r u f rb br}), or -1. */
  private static int pythonQuote(CharSequence t, int i, int lineEnd) {
    for (int k = i; k < Math.min(lineEnd, i + 3); k++) {
      char c = t.charAt(k);
      if (c == '"' || c == '\'') {
        return k > i && (i == 0 || !Keys.nameChar(t.charAt(i - 1))) ? k : -1;
      }
      if ("bBrRuUfF".indexOf(c) < 0) {
        return -1;
      }
    }
    return -1;
  }

  private static Literal python(CharSequence t, int i, int lineEnd) {
    int q = pythonQuote(t, i, lineEnd);
    String prefix = t.subSequence(i, q).toString().toLowerCase(Locale.ROOT);
    boolean raw = prefix.indexOf('r') >= 0;
    Interpolation interp = prefix.indexOf('f') >= 0 ? Interpolation.BRACE : Interpolation.NONE;
    return Strings.read(t, q, lineEnd, t.charAt(q), raw ? Escape.RAW : Escape.BACKSLASH, interp);
  }

  /** A literal followed by {@code +}, {@code %} or another string is part of an expression. */
  private static boolean continues(CharSequence t, int next, int lineEnd) {
    int i = next;
    while (i < lineEnd && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    if (i >= lineEnd) {
      return false;
    }
    char c = t.charAt(i);
    return c == '+'
        || (c == '%' && (i + 1 >= lineEnd || t.charAt(i + 1) != '>'))
        || c == '"'
        || c == '\'';
  }

  private static Literal bare(CharSequence t, int i, int lineEnd, Dialect d, Context ctx) {
    if (d.restOfLine() && ctx == Context.PLAIN) {
      return BareValues.restOfLine(t, i, lineEnd, d);
    }
    return BareValues.word(t, i, lineEnd, d, ctx);
  }
}
