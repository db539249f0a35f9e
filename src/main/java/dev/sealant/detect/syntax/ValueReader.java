package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.Strings.Escape;
import dev.sealant.detect.syntax.Strings.Interpolation;

/**
 * Reads the value after a separator: a string literal in whichever quoting the text uses (with
 * the prefixes of Python, C# and bash), or a bare value, which runs to the end of the line in
 * configuration dialects and is one word in code.
 */
final class ValueReader {

  /** Where the value sits: markup attribute, connection string, or neither. */
  enum Context {
    PLAIN,
    /** Inside an XML/HTML tag: quotes take entities. */
    MARKUP,
    /** A key after a {@code ;}, as in ADO.NET, JDBC and ODBC connection strings: doubled quotes, braces. */
    CONNECTION
  }

  private ValueReader() {}

  /** The value starting at or after {@code p}, or null when there is none or it is not a literal's shape. */
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
      return d == Dialect.GO ? Strings.read(t, i, lineEnd, q, Escape.RAW, Interpolation.NONE)
          : Strings.read(t, i, lineEnd, q, Escape.BACKSLASH, Interpolation.DOLLAR_BRACE);
    }
    boolean shell = d == Dialect.SHELL || d == Dialect.ENV;
    if (q == '"') {
      return shell ? Strings.read(t, i, lineEnd, q, Escape.SHELL, Interpolation.SHELL)
          : Strings.read(t, i, lineEnd, q, d == Dialect.INI ? Escape.RAW : Escape.BACKSLASH,
              Interpolation.NONE);
    }
    if (d == Dialect.YAML) {
      return Strings.read(t, i, lineEnd, q, Escape.DOUBLED, Interpolation.NONE);
    }
    boolean raw = shell || d == Dialect.TOML || d == Dialect.INI;
    return Strings.read(t, i, lineEnd, q, raw ? Escape.RAW : Escape.BACKSLASH, Interpolation.NONE);
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
      return q == '"' ? Strings.read(t, i + 1, lineEnd, q, Escape.DOUBLED, Interpolation.NONE) : null;
    }
    return q == '"' ? Strings.read(t, i + 1, lineEnd, q, Escape.BACKSLASH, Interpolation.BRACE)
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
    String prefix = t.subSequence(i, q).toString().toLowerCase(java.util.Locale.ROOT);
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
    return c == '+' || (c == '%' && (i + 1 >= lineEnd || t.charAt(i + 1) != '>')) || c == '"' || c == '\'';
  }

  private static Literal bare(CharSequence t, int i, int lineEnd, Dialect d, Context ctx) {
    if (d.restOfLine() && ctx == Context.PLAIN) {
      return BareValues.restOfLine(t, i, lineEnd, d);
    }
    return BareValues.word(t, i, lineEnd, d, ctx);
  }
}
