package dev.sealant.detect.syntax;

import java.lang.ref.WeakReference;

/**
 * Unquoted values: in configuration dialects the rest of the line (less a comment), in code one
 * word, which must not call, dereference or combine anything to be a literal.
 */
final class BareValues {

  private BareValues() {}

  static Literal restOfLine(CharSequence t, int i, int lineEnd, Dialect d) {
    char c = t.charAt(i);
    if (d == Dialect.YAML && ("|>&*!{[".indexOf(c) >= 0)) {
      return null; // block scalars, anchors, aliases, tags and flow collections
    }
    int end = Math.min(lineEnd, i + Strings.MAX);
    if (d == Dialect.PROPERTIES) {
      StringBuilder sb = new StringBuilder();
      int k = i;
      while (k < end) {
        k += t.charAt(k) == '\\' ? Escapes.properties(t, k, end, sb) : append(sb, t.charAt(k));
      }
      int stop = end;
      while (stop > i
          && (t.charAt(stop - 1) == ' ' || t.charAt(stop - 1) == '\t')
          && stop - 2 >= i
          && t.charAt(stop - 2) != '\\') {
        stop--;
      }
      String v = sb.toString().strip();
      int slashes = 0;
      while (end - 1 - slashes >= i && t.charAt(end - 1 - slashes) == '\\') {
        slashes++;
      }
      // An odd backslash at the end continues the value on the next line: not read here.
      return slashes % 2 == 1 ? null : new Literal(v, i, stop, end, false);
    }
    if (d == Dialect.YAML && inFlow(t, i)) {
      end = flowEnd(t, i, end);
    }
    int stop = end;
    for (int k = i + 1; k < end; k++) {
      char p = t.charAt(k - 1);
      char c2 = t.charAt(k);
      if ((p == ' ' || p == '\t') && (c2 == '#' || (d == Dialect.INI && c2 == ';'))) {
        stop = k;
        break;
      }
    }
    while (stop > i && (t.charAt(stop - 1) == ' ' || t.charAt(stop - 1) == '\t')) {
      stop--;
    }
    String v = t.subSequence(i, stop).toString();
    if (d == Dialect.ENV && !literalDespiteExpansions(v)) {
      return null;
    }
    return stop > i ? new Literal(v, i, stop, stop, false) : null;
  }

  /**
   * True when {@code t[i]} sits inside a YAML flow collection ({@code {a: b, c: d}} or {@code [x,
   * y]}) opened earlier on its line: there a plain scalar ends at {@code , ] }}, not at the end of
   * the line. Exact at any distance and linear over a line: see {@link Flow}.
   */
  static boolean inFlow(CharSequence t, int i) {
    return FLOW.get().depthAt(t, i) > 0;
  }

  private static final ThreadLocal<Flow> FLOW = ThreadLocal.withInitial(Flow::new);

  /**
   * The flow depth along a text, carried forward: a question about an offset at or after the last
   * one asked in the same text costs only the characters in between, so the values of one line
   * (asked left to right) cost one pass over it, however long it is. A question about another text
   * or an earlier offset starts again from the start of that offset's line. The text is held
   * weakly: the tracker keeps no scanned content alive.
   */
  private static final class Flow {
    private WeakReference<CharSequence> text = new WeakReference<>(null);
    private int pos;
    private int depth;

    int depthAt(CharSequence t, int i) {
      if (text.get() != t || i < pos) {
        int ls = i;
        while (ls > 0 && t.charAt(ls - 1) != '\n' && t.charAt(ls - 1) != '\r') {
          ls--;
        }
        text = new WeakReference<>(t);
        pos = ls;
        depth = 0;
      }
      for (; pos < i; pos++) {
        char c = t.charAt(pos);
        if (c == '\n' || c == '\r') {
          depth = 0;
        } else if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && depth > 0) {
          depth--;
        }
      }
      return depth;
    }
  }

  /** Where a plain scalar in a flow collection ends: the first {@code , ] }} from {@code i}. */
  private static int flowEnd(CharSequence t, int i, int end) {
    for (int k = i; k < end; k++) {
      char c = t.charAt(k);
      if (c == ',' || c == ']' || c == '}') {
        return k;
      }
    }
    return end;
  }

  private static int append(StringBuilder sb, char c) {
    sb.append(c);
    return 1;
  }

  /**
   * One word of code, or null when what follows makes it part of an expression or a sentence. In
   * shell a word is text: square and curly brackets are characters of it ({@code ENV
   * PW=75XH3ue[Lc<AB}), only a parenthesis makes it a command or an array.
   */
  static Literal word(CharSequence t, int i, int lineEnd, Dialect d, ValueReader.Context ctx) {
    int end = Math.min(lineEnd, i + Strings.MAX);
    if (ctx == ValueReader.Context.CONNECTION) {
      return d == Dialect.XML ? xmlConnectionValue(t, i, end) : connectionValue(t, i, end);
    }
    int k = i;
    while (k < end && !terminates(t.charAt(k), ctx)) {
      k++;
    }
    if (k == i) {
      return null;
    }
    String w = t.subSequence(i, k).toString();
    boolean code =
        d.expands() ? w.indexOf('(') >= 0 || w.charAt(0) == '&' : Values.bareWordIsCode(w);
    if (code || (d.expands() && !literalDespiteExpansions(w))) {
      return null;
    }
    int n = k;
    while (n < lineEnd && (t.charAt(n) == ' ' || t.charAt(n) == '\t')) {
      n++;
    }
    if (n < lineEnd && !endsStatement(t, n, lineEnd)) {
      return null;
    }
    return new Literal(w, i, k, k, false);
  }

  /** A connection string's bare value runs to the next {@code ;}. */
  private static Literal connectionValue(CharSequence t, int i, int end) {
    int k = i;
    while (k < end && t.charAt(k) != ';') {
      k++;
    }
    int stop = k;
    while (stop > i && t.charAt(stop - 1) == ' ') {
      stop--;
    }
    return stop > i
        ? new Literal(t.subSequence(i, stop).toString(), i, stop, k, true)
        : null; // delimited: text
  }

  /**
   * A connection string inside an XML attribute, where its quotes and ampersands are entities: a
   * value opened by the quot (or apos) entity is quoted up to the next one (two in a row are a
   * quote inside), and the semicolon that ends an entity (amp) does not end a bare value.
   */
  private static Literal xmlConnectionValue(CharSequence t, int i, int end) {
    String quote =
        Strings.startsWith(t, i, end, "&quot;")
            ? "&quot;"
            : Strings.startsWith(t, i, end, "&apos;") ? "&apos;" : null;
    StringBuilder v = new StringBuilder();
    int k = quote == null ? i : i + quote.length();
    while (k < end) {
      char c = t.charAt(k);
      if (quote != null && Strings.startsWith(t, k, end, quote)) {
        if (!Strings.startsWith(t, k + quote.length(), end, quote)) {
          return k > i + quote.length()
              ? new Literal(v.toString(), i + quote.length(), k, k + quote.length(), true)
              : null;
        }
        v.append(quote.charAt(1) == 'q' ? '"' : '\'');
        k += 2 * quote.length();
      } else if (c == '&') {
        k += Escapes.entity(t, k, end, v);
      } else if (c == ';' && quote == null) {
        break;
      } else {
        v.append(c);
        k++;
      }
    }
    if (quote != null) {
      return null;
    }
    int stop = k;
    while (stop > i && t.charAt(stop - 1) == ' ') {
      stop--;
    }
    String value = v.toString().stripTrailing();
    return stop > i ? new Literal(value, i, stop, k, true) : null;
  }

  private static boolean terminates(char c, ValueReader.Context ctx) {
    if (c == '&') {
      return ctx != ValueReader.Context.CONNECTION;
    }
    return " \t;,\"'`)]}<>|".indexOf(c) >= 0;
  }

  /** What may follow a bare literal: the end of a statement, a list or a call, or a comment. */
  private static boolean endsStatement(CharSequence t, int n, int lineEnd) {
    char c = t.charAt(n);
    char next = n + 1 < lineEnd ? t.charAt(n + 1) : 0;
    if (c == '/') {
      return next == '/' || next == '*';
    }
    return ";,)]}#&<-".indexOf(c) >= 0; // '-': the next flag of a command line
  }

  /**
   * True unless {@code v}, an unquoted shell or .env value, expands something ({@code $X}, {@code
   * ${X}}, {@code $(x)}, backticks) and what is left is not a literal of its own.
   */
  private static boolean literalDespiteExpansions(String v) {
    String residue = Expansions.shellResidue(v);
    return residue.length() == v.length() || Values.meantLiteral(v, residue);
  }
}
