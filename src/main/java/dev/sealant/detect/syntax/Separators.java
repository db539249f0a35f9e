package dev.sealant.detect.syntax;

import dev.sealant.detect.syntax.AssignmentReader.Assignment;
import dev.sealant.detect.syntax.AssignmentReader.Sink;
import java.util.Locale;
import java.util.function.Predicate;

/** The separators that are not a single {@code =} or {@code :} character. */
final class Separators {

  /** How far back an element's {@code <name} or a tag's {@code <} is looked for. */
  private static final int TAG_REACH = 256;

  /** A pair given by where its name ends and where its value may start. */
  interface Pair {
    int at(int keyEnd, int valueFrom, Dialect d);
  }

  private Separators() {}

  /**
   * Space-separated pairs that only a line's start tells: Dockerfile {@code ENV NAME value} and
   * {@code ARG}, and {@code .properties} {@code name value}. Returns where the line's scan starts.
   */
  static int lineStart(CharSequence t, int ls, int le, Dialect d, Pair pair) {
    int i = ls;
    while (i < le && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    int word = i;
    if (d != Dialect.PROPERTIES) {
      if (i + 4 >= le
          || !isEnvKeyword(t, i)
          || (t.charAt(i + 3) != ' ' && t.charAt(i + 3) != '\t')) {
        return ls;
      }
      word = i + 4;
      while (word < le && t.charAt(word) == ' ') {
        word++;
      }
    }
    int end = word;
    while (end < le && Keys.nameChar(t.charAt(end))) {
      end++;
    }
    if (end == word || end >= le || (t.charAt(end) != ' ' && t.charAt(end) != '\t')) {
      return ls;
    }
    int v = end;
    while (v < le && (t.charAt(v) == ' ' || t.charAt(v) == '\t')) {
      v++;
    }
    if (v >= le || t.charAt(v) == '=' || t.charAt(v) == ':') {
      return ls;
    }
    // Docker reads the rest of an 'ENV NAME value' line as the value.
    int resume = pair.at(end, v, d == Dialect.PROPERTIES ? d : Dialect.ENV);
    return resume > 0 ? resume : ls;
  }

  private static boolean isEnvKeyword(CharSequence t, int i) {
    String w = t.subSequence(i, i + 3).toString().toUpperCase(Locale.ROOT);
    return w.equals("ENV") || w.equals("ARG");
  }

  /**
   * {@code <password>value</password>}: the {@code >} of a start tag whose name is a credential's.
   */
  static int element(CharSequence t, int ls, int le, int gt, Predicate<String> keys, Sink sink) {
    if (gt + 1 >= le || gt == ls || t.charAt(gt - 1) == '/' || t.charAt(gt - 1) == '-') {
      return -1;
    }
    int lt = gt - 1;
    int stop = Math.max(ls, gt - TAG_REACH);
    while (lt >= stop && t.charAt(lt) != '<' && t.charAt(lt) != '>') {
      lt--;
    }
    if (lt < stop || t.charAt(lt) != '<' || lt + 1 >= gt || !Character.isLetter(t.charAt(lt + 1))) {
      return -1;
    }
    int nameEnd = lt + 1;
    while (nameEnd < gt && (Keys.nameChar(t.charAt(nameEnd)) || t.charAt(nameEnd) == ':')) {
      nameEnd++;
    }
    String name = t.subSequence(lt + 1, nameEnd).toString();
    String local = name.substring(name.lastIndexOf(':') + 1);
    if (!keys.test(local)) {
      // <entry key="password">v</entry>, <add name="SmtpPassword">v</add>: the attribute names it.
      String named = Keys.namedBy(t, lt, gt);
      if (named == null || !keys.test(named)) {
        return -1;
      }
      local = named;
    }
    Literal text = Strings.elementText(t, gt + 1, le);
    if (text == null || !Strings.startsWith(t, text.next(), le, "</")) {
      return -1;
    }
    String v = text.value();
    int start = text.start();
    int end = text.end();
    if (!t.subSequence(start, end).toString().startsWith("<![CDATA[")) {
      while (start < end && Character.isWhitespace(t.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(t.charAt(end - 1))) {
        end--;
      }
      v = v.strip();
    }
    sink.pair(new Assignment(local, v, start, end, true));
    return text.next();
  }

  /**
   * {@code define('DB_PASSWORD', 'v')}, {@code props.put("password", "v")}: a quoted name opening a
   * call.
   */
  static int callPair(
      CharSequence t, int ls, int le, int comma, Predicate<String> keys, Sink sink) {
    int j = Keys.skipSpaces(t, ls, comma);
    if (j <= ls + 2) {
      return -1;
    }
    char q = t.charAt(j - 1);
    if (q != '"' && q != '\'') {
      return -1;
    }
    int open = j - 2;
    int stop = Math.max(ls, j - Keys.MAX);
    while (open >= stop && t.charAt(open) != q) {
      open--;
    }
    if (open < stop) {
      return -1;
    }
    int paren = Keys.skipSpaces(t, ls, open);
    if (paren <= ls || t.charAt(paren - 1) != '(') {
      return -1;
    }
    String name = t.subSequence(open + 1, j - 1).toString();
    if (!keys.test(name)) {
      return -1;
    }
    Literal v = ValueReader.read(t, comma + 1, le, Dialect.CODE, ValueReader.Context.PLAIN);
    if (v == null || !v.quoted()) {
      return -1;
    }
    sink.pair(new Assignment(name, v.value(), v.start(), v.end(), true));
    return v.next();
  }

  /**
   * {@code ds.setPassword("v")}, {@code setClientSecret('v')}: a setter named for a credential,
   * called with one quoted literal.
   */
  static int setter(CharSequence t, int ls, int le, int paren, Predicate<String> keys, Sink sink) {
    int s = paren;
    int stop = Math.max(ls, paren - Keys.MAX);
    while (s > stop && (Character.isLetterOrDigit(t.charAt(s - 1)) || t.charAt(s - 1) == '_')) {
      s--;
    }
    if (paren - s < 4
        || !Strings.startsWith(t, s, paren, "set")
        || !Character.isUpperCase(t.charAt(s + 3))) {
      return -1;
    }
    String name = t.subSequence(s + 3, paren).toString();
    if (!keys.test(name)) {
      return -1;
    }
    Literal v = ValueReader.read(t, paren + 1, le, Dialect.CODE, ValueReader.Context.PLAIN);
    if (v == null || !v.quoted()) {
      return -1;
    }
    int close = v.next();
    while (close < le && t.charAt(close) == ' ') {
      close++;
    }
    if (close >= le || t.charAt(close) != ')') {
      return -1;
    }
    sink.pair(new Assignment(name, v.value(), v.start(), v.end(), true));
    return v.next();
  }

  /**
   * Whether the name at {@code keyStart} is an attribute inside a tag or a connection-string key.
   */
  static ValueReader.Context context(CharSequence t, int ls, int keyStart) {
    int j = Keys.skipSpaces(t, ls, keyStart);
    if (j > ls && t.charAt(j - 1) == ';') {
      return ValueReader.Context.CONNECTION;
    }
    int stop = Math.max(ls, keyStart - TAG_REACH);
    for (int i = keyStart - 1; i >= stop; i--) {
      char c = t.charAt(i);
      if (c == '>') {
        return ValueReader.Context.PLAIN;
      }
      if (c == '<') {
        return i + 1 < keyStart && Character.isLetter(t.charAt(i + 1))
            ? ValueReader.Context.MARKUP
            : ValueReader.Context.PLAIN;
      }
    }
    return ValueReader.Context.PLAIN;
  }
}
