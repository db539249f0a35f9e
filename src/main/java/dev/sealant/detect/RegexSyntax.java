package dev.sealant.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A reading of RE2 (Perl-flavoured, as {@code Pattern.compile} takes it) syntax into a tree that
 * over-approximates the regex's language: every string the regex matches, the tree matches too. It
 * exists only so that {@link StartFinder} can rule out, in plain Java, positions where RE2J could
 * not start a match; RE2J still decides every match.
 *
 * <p>Over-approximations (each only ever widens the language): empty-width assertions ({@code ^ $
 * \b \B \A \z}) match everywhere; a character class's non-ASCII members collapse into one "some
 * non-ASCII rune" flag; Unicode classes ({@code \pL}) match anything where they add members.
 * Anything it does not know (or RE2 would reject) throws {@link Unsupported}, and the caller then
 * runs RE2J alone, as before.
 */
final class RegexSyntax {

  /** A regex tree node. */
  sealed interface Node permits Chars, Empty, Cat, Alt, Rep {}

  /**
   * One rune from a set: ASCII members as a 128-bit map, non-ASCII members as one flag.
   *
   * @param lo members 0..63
   * @param hi members 64..127
   * @param nonAscii whether any rune above 127 may be a member
   */
  record Chars(long lo, long hi, boolean nonAscii) implements Node {
    boolean has(int c) {
      return c < 64 ? (lo >>> c & 1) != 0 : (hi >>> (c - 64) & 1) != 0;
    }
  }

  /** The empty string (also what assertions become). */
  record Empty() implements Node {}

  /** A sequence. */
  record Cat(List<Node> items) implements Node {}

  /** A choice. */
  record Alt(List<Node> items) implements Node {}

  /** {@code item{min,max}}; {@code max < 0} for no upper bound. */
  record Rep(Node item, int min, int max) implements Node {}

  /** Syntax this reader does not handle; the caller falls back to RE2J alone. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private static final Chars ANY = new Chars(-1L, -1L, true);

  private final String re;
  private int at;
  private boolean fold;
  private boolean dotNl;

  private RegexSyntax(String re) {
    this.re = re;
  }

  static Node parse(String regex) throws Unsupported {
    RegexSyntax p = new RegexSyntax(regex);
    Node n = p.alternation();
    if (p.at != regex.length()) {
      throw new Unsupported("unbalanced ')' at " + p.at);
    }
    return n;
  }

  private Node alternation() throws Unsupported {
    List<Node> alts = new ArrayList<>();
    alts.add(concatenation());
    while (at < re.length() && re.charAt(at) == '|') {
      at++;
      alts.add(concatenation());
    }
    return alts.size() == 1 ? alts.get(0) : new Alt(alts);
  }

  private Node concatenation() throws Unsupported {
    List<Node> items = new ArrayList<>();
    while (at < re.length() && re.charAt(at) != '|' && re.charAt(at) != ')') {
      if (re.startsWith("\\Q", at)) {
        // \Qab\E*: the literals go in one by one, so a repetition after \E applies to the last
        List<Node> quoted = quoted();
        if (quoted.isEmpty()) {
          continue;
        }
        items.addAll(quoted.subList(0, quoted.size() - 1));
        items.add(repetitions(quoted.get(quoted.size() - 1)));
        continue;
      }
      Node atom = atom();
      if (atom == null) {
        continue; // a flag group such as (?i): no text of its own
      }
      items.add(repetitions(atom));
    }
    return items.size() == 1 ? items.get(0) : new Cat(items);
  }

  private Node repetitions(Node atom) throws Unsupported {
    Node n = atom;
    boolean repeated = false;
    while (at < re.length()) {
      char c = re.charAt(at);
      int min;
      int max;
      if (c == '*' || c == '+' || c == '?') {
        at++;
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : -1;
      } else if (c == '{' && braceRepeat() != null) {
        int[] mm = braceRepeat();
        at = mm[2];
        min = mm[0];
        max = mm[1];
      } else {
        break;
      }
      if (repeated) {
        throw new Unsupported("repeated repetition operator"); // RE2 rejects a** too
      }
      repeated = true;
      if (at < re.length() && re.charAt(at) == '?') {
        at++; // non-greedy: same language
      }
      n = new Rep(n, min, max);
    }
    return n;
  }

  /**
   * {@code {n}}, {@code {n,}} or {@code {n,m}} at {@link #at}: {min, max, end}; else null (a
   * literal brace).
   */
  private int[] braceRepeat() {
    int i = at + 1;
    int min = 0;
    int digits = 0;
    while (i < re.length() && Character.isDigit(re.charAt(i)) && digits < 5) {
      min = min * 10 + (re.charAt(i++) - '0');
      digits++;
    }
    if (digits == 0 || i >= re.length()) {
      return null;
    }
    int max = min;
    if (re.charAt(i) == ',') {
      i++;
      if (i < re.length() && Character.isDigit(re.charAt(i))) {
        max = 0;
        digits = 0;
        while (i < re.length() && Character.isDigit(re.charAt(i)) && digits < 5) {
          max = max * 10 + (re.charAt(i++) - '0');
          digits++;
        }
      } else {
        max = -1;
      }
    }
    if (i >= re.length() || re.charAt(i) != '}' || (max >= 0 && max < min)) {
      return null;
    }
    return new int[] {min, max, i + 1};
  }

  private Node atom() throws Unsupported {
    char c = re.charAt(at);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        return charClass();
      }
      case '.' -> {
        at++;
        return dotNl ? ANY : new Chars(-1L & ~(1L << '\n'), -1L, true);
      }
      case '^', '$' -> {
        at++;
        return new Empty();
      }
      case '\\' -> {
        return escape();
      }
      case '*', '+', '?' -> throw new Unsupported("missing argument to repetition operator");
      default -> {
        int cp = re.codePointAt(at);
        at += Character.charCount(cp);
        return literal(cp);
      }
    }
  }

  private Node group() throws Unsupported {
    at++; // '('
    boolean savedFold = fold;
    boolean savedDotNl = dotNl;
    if (re.startsWith("?P<", at) || re.startsWith("?<", at)) {
      int close = re.indexOf('>', at);
      if (close < 0) {
        throw new Unsupported("unterminated group name");
      }
      at = close + 1;
    } else if (at < re.length() && re.charAt(at) == '?') {
      at++;
      boolean negate = false;
      while (true) {
        if (at >= re.length()) {
          throw new Unsupported("unterminated flags");
        }
        char f = re.charAt(at++);
        if (f == ':') {
          break;
        } else if (f == ')') {
          return null; // flags for the rest of the enclosing group: not restored here
        } else if (f == '-' && !negate) {
          negate = true;
        } else if (f == 'i') {
          fold = !negate;
        } else if (f == 's') {
          dotNl = !negate;
        } else if (f != 'm' && f != 'U') {
          throw new Unsupported("flag " + f);
        }
      }
    }
    Node inner = alternation();
    if (at >= re.length() || re.charAt(at) != ')') {
      throw new Unsupported("missing ')'");
    }
    at++;
    fold = savedFold;
    dotNl = savedDotNl;
    return inner;
  }

  private Node literal(int cp) {
    long[] set = new long[2];
    if (cp >= 128) {
      if (fold) {
        foldToAscii(set, cp, cp);
      }
      return new Chars(set[0], set[1], true);
    }
    add(set, cp);
    boolean letter = Character.isLetter(cp);
    if (fold && letter) {
      add(set, Character.toLowerCase(cp));
      add(set, Character.toUpperCase(cp));
    }
    return new Chars(set[0], set[1], fold && letter);
  }

  private Node escape() throws Unsupported {
    if (at + 1 >= re.length()) {
      throw new Unsupported("trailing backslash");
    }
    char e = re.charAt(at + 1);
    if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
      at += 2;
      return new Empty();
    }
    long[] set = new long[2];
    boolean nonAscii = escapeInto(set, false);
    if (fold) {
      nonAscii |= foldLetters(set);
    }
    return new Chars(set[0], set[1], nonAscii);
  }

  private List<Node> quoted() {
    at += 2;
    int end = re.indexOf("\\E", at);
    String lit = re.substring(at, end < 0 ? re.length() : end);
    at = end < 0 ? re.length() : end + 2;
    List<Node> items = new ArrayList<>();
    lit.codePoints().forEach(cp -> items.add(literal(cp)));
    return items;
  }

  /**
   * Adds the members of the escape at {@link #at} (a backslash) to {@code set} and moves past it.
   * Returns whether non-ASCII runes may be members. Inside a negated class, an escape this reader
   * cannot list ({@code \\p}) adds nothing, so the negation still over-approximates.
   */
  private boolean escapeInto(long[] set, boolean negatedClass) throws Unsupported {
    char e = re.charAt(at + 1);
    at += 2;
    switch (e) {
      case 'd' -> range(set, '0', '9');
      case 'D' -> {
        return complementInto(set, digits());
      }
      case 's' -> orInto(set, spaces());
      case 'S' -> {
        return complementInto(set, spaces());
      }
      case 'w' -> orInto(set, word());
      case 'W' -> {
        return complementInto(set, word());
      }
      case 'a' -> add(set, 7);
      case 'f' -> add(set, '\f');
      case 't' -> add(set, '\t');
      case 'n' -> add(set, '\n');
      case 'r' -> add(set, '\r');
      case 'v' -> add(set, 11);
      case 'x' -> {
        return codePointInto(set, hexEscape());
      }
      case 'p', 'P' -> {
        skipUnicodeClassName();
        if (!negatedClass) {
          set[0] = -1L;
          set[1] = -1L;
        }
        return true;
      }
      default -> {
        if (e >= 128 || Character.isLetterOrDigit(e)) {
          throw new Unsupported("escape \\" + e);
        }
        add(set, e); // escaped punctuation is itself
      }
    }
    return false;
  }

  private int hexEscape() throws Unsupported {
    int end;
    String digits;
    if (at < re.length() && re.charAt(at) == '{') {
      end = re.indexOf('}', at);
      if (end < 0) {
        throw new Unsupported("unterminated \\x{");
      }
      digits = re.substring(at + 1, end);
      end++;
    } else {
      end = Math.min(re.length(), at + 2);
      digits = re.substring(at, end);
    }
    at = end;
    try {
      return Integer.parseInt(digits, 16);
    } catch (NumberFormatException ex) {
      throw new Unsupported("bad \\x escape");
    }
  }

  private void skipUnicodeClassName() throws Unsupported {
    if (at < re.length() && re.charAt(at) == '{') {
      int end = re.indexOf('}', at);
      if (end < 0) {
        throw new Unsupported("unterminated \\p{");
      }
      at = end + 1;
    } else if (at < re.length()) {
      at++;
    } else {
      throw new Unsupported("trailing \\p");
    }
  }

  private Node charClass() throws Unsupported {
    at++; // '['
    boolean negated = at < re.length() && re.charAt(at) == '^';
    if (negated) {
      at++;
    }
    long[] set = new long[2];
    boolean nonAscii = false;
    boolean firstItem = true;
    while (true) {
      if (at >= re.length()) {
        throw new Unsupported("missing ']'");
      }
      char c = re.charAt(at);
      if (c == ']' && !firstItem) {
        at++;
        break;
      }
      firstItem = false;
      if (c == '[' && re.startsWith("[:", at)) {
        nonAscii |= posixInto(set);
        continue;
      }
      if (c == '\\' && at + 1 < re.length() && "dDsSwWpP".indexOf(re.charAt(at + 1)) >= 0) {
        nonAscii |= escapeInto(set, negated);
        continue;
      }
      int lo = classChar();
      int hi = lo;
      if (at + 1 < re.length() && re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
        at++;
        hi = classChar();
        if (hi < lo) {
          throw new Unsupported("bad range");
        }
      }
      if (lo < 128) {
        range(set, lo, Math.min(hi, 127));
      }
      nonAscii |= hi >= 128;
      if (fold) {
        foldToAscii(set, lo, hi);
      }
    }
    if (fold) {
      nonAscii |= foldLetters(set);
    }
    if (negated) {
      return new Chars(~set[0], ~set[1], true);
    }
    return new Chars(set[0], set[1], nonAscii);
  }

  /** One member of a class (a literal or a one-rune escape) at {@link #at}, moving past it. */
  private int classChar() throws Unsupported {
    char c = re.charAt(at);
    if (c != '\\') {
      int cp = re.codePointAt(at);
      at += Character.charCount(cp);
      return cp;
    }
    if (at + 1 >= re.length()) {
      throw new Unsupported("trailing backslash");
    }
    char e = re.charAt(at + 1);
    if (e == 'x') {
      at += 2;
      return hexEscape();
    }
    if ("aftnrv".indexOf(e) >= 0 || (e < 128 && !Character.isLetterOrDigit(e))) {
      long[] one = new long[2];
      escapeInto(one, false);
      return one[0] != 0
          ? Long.numberOfTrailingZeros(one[0])
          : 64 + Long.numberOfTrailingZeros(one[1]);
    }
    throw new Unsupported("escape \\" + e + " in a class");
  }

  private boolean posixInto(long[] set) throws Unsupported {
    int end = re.indexOf(":]", at + 2);
    if (end < 0) {
      throw new Unsupported("unterminated POSIX class");
    }
    String name = re.substring(at + 2, end);
    at = end + 2;
    boolean negated = name.startsWith("^");
    long[] members = posix(negated ? name.substring(1) : name);
    if (negated) {
      return complementInto(set, members);
    }
    orInto(set, members);
    return false;
  }

  private static long[] posix(String name) throws Unsupported {
    long[] s = new long[2];
    switch (name) {
      case "alnum" -> {
        range(s, '0', '9');
        range(s, 'A', 'Z');
        range(s, 'a', 'z');
      }
      case "alpha" -> {
        range(s, 'A', 'Z');
        range(s, 'a', 'z');
      }
      case "ascii" -> range(s, 0, 127);
      case "blank" -> {
        add(s, ' ');
        add(s, '\t');
      }
      case "cntrl" -> {
        range(s, 0, 31);
        add(s, 127);
      }
      case "digit" -> range(s, '0', '9');
      case "graph" -> range(s, '!', '~');
      case "lower" -> range(s, 'a', 'z');
      case "print" -> range(s, ' ', '~');
      case "punct" -> {
        range(s, '!', '/');
        range(s, ':', '@');
        range(s, '[', '`');
        range(s, '{', '~');
      }
      case "space" -> {
        range(s, '\t', '\r');
        add(s, ' ');
      }
      case "upper" -> range(s, 'A', 'Z');
      case "word" -> orInto(s, word());
      case "xdigit" -> {
        range(s, '0', '9');
        range(s, 'A', 'F');
        range(s, 'a', 'f');
      }
      default -> throw new Unsupported("POSIX class " + name);
    }
    return s;
  }

  private boolean codePointInto(long[] set, int cp) {
    if (cp < 128) {
      add(set, cp);
      return false;
    }
    if (fold) {
      foldToAscii(set, cp, cp);
    }
    return true;
  }

  /** The two non-ASCII runes that case-fold onto ASCII letters: long s and the Kelvin sign. */
  private static void foldToAscii(long[] set, int lo, int hi) {
    if (lo <= 0x17F && 0x17F <= hi) {
      add(set, 's');
      add(set, 'S');
    }
    if (lo <= 0x212A && 0x212A <= hi) {
      add(set, 'k');
      add(set, 'K');
    }
  }

  /** Adds the other case of every ASCII letter in the set; true when letters were present. */
  private static boolean foldLetters(long[] set) {
    boolean any = false;
    for (int c = 'A'; c <= 'Z'; c++) {
      int l = c + 32;
      if (has(set, c) || has(set, l)) {
        add(set, c);
        add(set, l);
        any = true;
      }
    }
    return any;
  }

  private static long[] digits() {
    long[] s = new long[2];
    range(s, '0', '9');
    return s;
  }

  private static long[] spaces() {
    long[] s = new long[2];
    for (char c : new char[] {'\t', '\n', '\f', '\r', ' '}) {
      add(s, c);
    }
    return s;
  }

  private static long[] word() {
    long[] s = new long[2];
    range(s, '0', '9');
    range(s, 'A', 'Z');
    range(s, 'a', 'z');
    add(s, '_');
    return s;
  }

  /** Adds everything outside {@code members} (all non-ASCII runes among them). */
  private static boolean complementInto(long[] set, long[] members) {
    set[0] |= ~members[0];
    set[1] |= ~members[1];
    return true;
  }

  private static void orInto(long[] set, long[] members) {
    set[0] |= members[0];
    set[1] |= members[1];
  }

  private static void range(long[] set, int lo, int hi) {
    for (int c = lo; c <= hi; c++) {
      add(set, c);
    }
  }

  private static void add(long[] set, int c) {
    set[c >>> 6] |= 1L << (c & 63);
  }

  private static boolean has(long[] set, int c) {
    return (set[c >>> 6] >>> (c & 63) & 1) != 0;
  }
}
