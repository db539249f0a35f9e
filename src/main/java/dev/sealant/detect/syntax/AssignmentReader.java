package dev.sealant.detect.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A hand-written, linear-time reader of the key/value pairs people commit, in the syntax of .env,
 * shell, Dockerfile, YAML, JSON, TOML, .properties, INI, XML, Python, JS/TS, Java, C#, Go, PHP,
 * connection strings and command-line flags. It finds each separator ({@code = : := => ,} after a
 * quoted name in a call, {@code >} of an element, the space after {@code --flag} or {@code ENV
 * NAME}), reads the name before it and, when the name passes the caller's test, the value after it
 * with that syntax's escapes undone.
 *
 * <p>Work is linear in the line: each separator costs at most {@link Keys#MAX} characters back and
 * {@link Strings#MAX} forward, and reading resumes after a value it reported.
 */
public final class AssignmentReader {

  /**
   * One pair.
   *
   * @param key the setting's name as written (without quotes, sigils or flag dashes)
   * @param value the value, escapes undone
   * @param start offset of the value's first character in the encoded text
   * @param end offset just past the value in the encoded text
   * @param quoted the value was quoted
   */
  public record Assignment(String key, String value, int start, int end, boolean quoted) {}

  /** Receives each pair. */
  public interface Sink {
    void pair(Assignment a);
  }

  private AssignmentReader() {}

  /** Every credential assignment in {@code line} whose value is a literal. */
  public static List<Assignment> credentials(String line, Dialect d) {
    List<Assignment> out = new ArrayList<>();
    credentials(line, 0, line.length(), d, out::add);
    return out;
  }

  /** Credential assignments in {@code t[from, to)}: a secret-named key and a literal value. */
  public static void credentials(CharSequence t, int from, int to, Dialect d, Sink sink) {
    read(
        t,
        from,
        to,
        d,
        KeyNames::secret,
        a -> {
          if (Values.literal(a.value(), a.quoted() || d.text())) {
            sink.pair(a);
          }
        });
  }

  /** Every pair in {@code t[from, to)} whose key passes {@code keys}, literal or not. */
  public static void read(
      CharSequence t, int from, int to, Dialect d, Predicate<String> keys, Sink sink) {
    int ls = from;
    while (ls < to) {
      int le = ls;
      while (le < to && t.charAt(le) != '\n' && t.charAt(le) != '\r') {
        le++;
      }
      new Line(t, ls, le, d, keys, sink).read();
      ls = le + 1;
    }
  }

  /** The reading of one line. */
  private static final class Line {
    final CharSequence t;
    final int ls;
    final int le;
    final Dialect d;
    final Predicate<String> keys;
    final Sink sink;

    Line(CharSequence t, int ls, int le, Dialect d, Predicate<String> keys, Sink sink) {
      this.t = t;
      this.ls = ls;
      this.le = le;
      this.d = d;
      this.keys = keys;
      this.sink = sink;
    }

    void read() {
      int i = Separators.lineStart(t, ls, le, d, this::pair);
      for (; i < le; i++) {
        int resume = at(i);
        if (resume > i) {
          i = resume - 1;
        }
      }
    }

    /** Tries a separator at {@code i}; returns where to go on, or -1. */
    private int at(int i) {
      char c = t.charAt(i);
      char prev = i > ls ? t.charAt(i - 1) : 0;
      char next = i + 1 < le ? t.charAt(i + 1) : 0;
      if (c == '=') {
        if ((next == '=' || next == '~' || next == '>')
            && (keyValueDialect() || connectionKey(i))) {
          return pair(
              i, i + 1); // 'Password==x;': in a connection string the value starts right after
        }
        if (next == '=' || next == '~' || "=!<>".indexOf(prev) >= 0) {
          return -1;
        }
        return pair(":?+|".indexOf(prev) >= 0 ? i - 1 : i, next == '>' ? i + 2 : i + 1);
      }
      if (c == ':') {
        if (next == '=' || next == ':' || prev == ':') {
          return -1;
        }
        boolean spaced = next == ' ' || next == '\t' || next == 0 || next == '"' || next == '\'';
        boolean quotedKey = prev == '"' || prev == '\'';
        return spaced || quotedKey || (d == Dialect.PROPERTIES && i == firstSeparator())
            ? pair(i, i + 1)
            : -1;
      }
      if (c == '>') {
        return Separators.element(t, ls, le, i, keys, sink);
      }
      if (c == ',') {
        return Separators.callPair(t, ls, le, i, keys, sink);
      }
      if (c == '(') {
        return Separators.setter(t, ls, le, i, keys, sink);
      }
      if (c == ' ' || c == '\t') {
        return prev == '-' || prev == ' ' || prev == '\t' ? -1 : flag(i);
      }
      return -1;
    }

    private int firstSeparator = -2;

    /**
     * The line's first {@code =} or {@code :} (-1 when none), found once per line. In .properties
     * an unspaced {@code :} separates only there: after it, {@code a=arn:aws:...:secret:app/x} is
     * the value, not another key.
     */
    private int firstSeparator() {
      if (firstSeparator == -2) {
        firstSeparator = -1;
        for (int k = ls; k < le; k++) {
          char c = t.charAt(k);
          if (c == '=' || c == ':') {
            firstSeparator = k;
            break;
          }
        }
      }
      return firstSeparator;
    }

    /** Dialects without operators, where {@code a==b} and {@code a=>b} still assign. */
    private boolean keyValueDialect() {
      return d == Dialect.PROPERTIES || d == Dialect.ENV || d == Dialect.INI;
    }

    private boolean connectionKey(int sep) {
      Keys.Key k = Keys.leftOf(t, ls, sep);
      return k != null && Separators.context(t, ls, k.start()) == ValueReader.Context.CONNECTION;
    }

    /** {@code --password VALUE}: a flag's value after a space. */
    private int flag(int i) {
      int s = i;
      while (s > ls && Keys.nameChar(t.charAt(s - 1))) {
        s--;
      }
      if (s + 2 > i || t.charAt(s) != '-' || (s > ls && !Character.isWhitespace(t.charAt(s - 1)))) {
        return -1;
      }
      String flag = t.subSequence(s, i).toString();
      if (flag.equals("-u") || flag.equals("--user")) {
        return userFlag(i);
      }
      if (s + 2 == i) {
        return -1;
      }
      int v = i;
      while (v < le && (t.charAt(v) == ' ' || t.charAt(v) == '\t')) {
        v++;
      }
      if (v >= le || t.charAt(v) == '-' || t.charAt(v) == '=') {
        return -1;
      }
      return pair(i, i);
    }

    /**
     * {@code curl -u admin:pw}, {@code --user admin:pw}: the password after the user name's colon,
     * when the value is written without escapes (so that its column is exact).
     */
    private int userFlag(int i) {
      if (!keys.test("password")) {
        return -1;
      }
      int w = i;
      while (w < le && (t.charAt(w) == ' ' || t.charAt(w) == '\t')) {
        w++;
      }
      int e = w;
      while (e < le && !Character.isWhitespace(t.charAt(e)) && e - w < Strings.MAX) {
        e++;
      }
      boolean quoted = w < le && (t.charAt(w) == '"' || t.charAt(w) == '\'');
      Literal v =
          quoted
              ? ValueReader.read(t, i, le, d, ValueReader.Context.PLAIN)
              : new Literal(t.subSequence(w, e).toString(), w, e, e, false);
      if (v == null
          || v.value().isEmpty()
          || (!quoted && d.expands() && v.value().indexOf('$') >= 0)
          || !t.subSequence(v.start(), v.end()).toString().equals(v.value())) {
        return -1;
      }
      int colon = v.value().indexOf(':');
      if (colon <= 0 || colon == v.value().length() - 1) {
        return -1;
      }
      sink.pair(
          new Assignment(
              "password",
              v.value().substring(colon + 1),
              v.start() + colon + 1,
              v.end(),
              v.quoted()));
      return v.next();
    }

    /** A name ending before {@code keyEnd} and a value from {@code valueFrom}. */
    int pair(int keyEnd, int valueFrom) {
      return pair(keyEnd, valueFrom, d);
    }

    int pair(int keyEnd, int valueFrom, Dialect dialect) {
      Keys.Key k = Keys.leftOf(t, ls, keyEnd);
      if (k == null) {
        return -1;
      }
      String name = k.name();
      if (name.equalsIgnoreCase("value")) {
        String owner = Keys.namedBy(t, ls, k.start());
        name = owner == null ? name : owner;
      }
      if (!keys.test(name)) {
        return -1;
      }
      Literal v = ValueReader.read(t, valueFrom, le, dialect, Separators.context(t, ls, k.start()));
      if (v == null) {
        return -1;
      }
      sink.pair(new Assignment(name, v.value(), v.start(), v.end(), v.quoted()));
      return v.next();
    }
  }
}
