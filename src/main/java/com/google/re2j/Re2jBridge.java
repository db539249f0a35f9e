package com.google.re2j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sealant's one use of RE2J's package-private API, kept to this class (a test in this package pins
 * every use, so a change in the pinned RE2J version fails the build here). Two roles:
 *
 * <ul>
 *   <li><b>Matching</b>: an anchored match that reports every group in one pass of RE2J's matching
 *       machine. Through the public API, {@code lookingAt()} runs the machine once for the match's
 *       extent and {@code group(n)} runs it again for the groups; on a rule such as the generic
 *       assignment one, each pass costs 100-250 ns per character, and the second pass is half the
 *       cost of a match. This calls the same entry point the public {@link Matcher} uses ({@code
 *       RE2.match}), asking for all groups at once. The match is the same; its groups are computed
 *       on the whole input rather than on the input cut one character past the match (as {@code
 *       group(n)} does), which could only differ for a pattern whose groups depend on {@code $}
 *       right past the match (a test compares every shipped rule).
 *   <li><b>Syntax</b>: the tree RE2J's own parser builds for a regex ({@link #parse}), in a small
 *       public form, so that Sealant reasons about a rule's regex (where a match can start, which
 *       characters it needs, how long it can be) from the very tree RE2J compiles, not from a
 *       second parser's reading of it.
 * </ul>
 */
public final class Re2jBridge {

  private Re2jBridge() {}

  /**
   * The match of {@code pattern} anchored at the start of {@code input}, as {@code [start0, end0,
   * start1, end1, ...]} for group 0 and each capture group ({@code -1} for a group that took no
   * part), or null when there is none. The same as {@code lookingAt()} followed by {@code
   * start(n)}/{@code end(n)}.
   */
  public static int[] lookingAt(Pattern pattern, CharSequence input) {
    int ngroups = 1 + pattern.groupCount();
    int[] groups = new int[2 * ngroups];
    boolean ok =
        pattern
            .re2()
            .match(MatcherInput.utf16(input), 0, input.length(), RE2.ANCHOR_START, groups, ngroups);
    return ok ? groups : null;
  }

  /**
   * RE2J's unanchored search for the first match starting at or after {@code pos} in {@code
   * text[lineStart, lineEnd)}, as the line seen whole (so {@code ^}, {@code $} and {@code \b} see
   * the line's real neighbours, not a window's edges). Offsets are relative to {@code lineStart};
   * null when there is none.
   */
  public static int[] find(Pattern pattern, String text, int lineStart, int lineEnd, int pos) {
    int ngroups = 1 + pattern.groupCount();
    int[] groups = new int[2 * ngroups];
    CharSequence line =
        lineStart == 0 && lineEnd == text.length() ? text : new Slice(text, lineStart, lineEnd);
    boolean ok =
        pattern
            .re2()
            .match(
                MatcherInput.utf16(line),
                pos - lineStart,
                line.length(),
                RE2.UNANCHORED,
                groups,
                ngroups);
    return ok ? groups : null;
  }

  /**
   * The tree RE2J's parser builds for {@code regex}, exactly as {@code Pattern.compile(regex)} (no
   * flags) parses it before simplifying and compiling it, so it matches the same strings.
   *
   * @throws PatternSyntaxException when RE2J rejects the regex
   */
  public static Node parse(String regex) {
    return node(Parser.parse(regex, RE2.PERL));
  }

  /** A node of a parsed regex. The language of a tree is the one RE2J compiles from it. */
  public sealed interface Node permits Runes, Empty, Concat, Alternate, Repeat {}

  /**
   * One rune from a set, as sorted, disjoint, inclusive ranges. A case-insensitive literal is the
   * set of every rune RE2J's matcher takes for it (its case-folding orbit); {@code .} and classes
   * are their runes; a set that can match nothing has no ranges.
   */
  public static final class Runes implements Node {
    private final int[] ranges;

    private Runes(int[] ranges) {
      this.ranges = ranges;
    }

    /** How many ranges. */
    public int size() {
      return ranges.length / 2;
    }

    public int lo(int i) {
      return ranges[2 * i];
    }

    public int hi(int i) {
      return ranges[2 * i + 1];
    }

    public boolean contains(int rune) {
      for (int i = 0; i < ranges.length; i += 2) {
        if (rune >= ranges[i] && rune <= ranges[i + 1]) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Runes r && Arrays.equals(ranges, r.ranges);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(ranges);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("Runes[");
      for (int i = 0; i < ranges.length; i += 2) {
        b.append(i == 0 ? "" : " ").append(Integer.toHexString(ranges[i]));
        if (ranges[i + 1] != ranges[i]) {
          b.append('-').append(Integer.toHexString(ranges[i + 1]));
        }
      }
      return b.append(']').toString();
    }
  }

  /**
   * The empty string; {@code assertion} when RE2J reads it as an empty-width assertion ({@code ^ $
   * \A \z \b \B}), which matches the empty string only at some positions.
   */
  public record Empty(boolean assertion) implements Node {}

  /** A sequence. */
  public record Concat(List<Node> items) implements Node {
    public Concat {
      items = List.copyOf(items);
    }
  }

  /** A choice. */
  public record Alternate(List<Node> items) implements Node {
    public Alternate {
      items = List.copyOf(items);
    }
  }

  /** {@code item{min,max}}, {@code max < 0} for no upper bound ({@code * + ?} included). */
  public record Repeat(Node item, int min, int max) implements Node {}

  private static final Runes ANY = new Runes(new int[] {0, Unicode.MAX_RUNE});
  private static final Runes ANY_NOT_NL =
      new Runes(new int[] {0, '\n' - 1, '\n' + 1, Unicode.MAX_RUNE});

  private static Node node(Regexp re) {
    return switch (re.op) {
      case NO_MATCH -> new Runes(new int[0]);
      case EMPTY_MATCH -> new Empty(false);
      case BEGIN_LINE, END_LINE, BEGIN_TEXT, END_TEXT, WORD_BOUNDARY, NO_WORD_BOUNDARY ->
          new Empty(true);
      case LITERAL -> literal(re);
      case CHAR_CLASS -> new Runes(re.runes.clone());
      case ANY_CHAR_NOT_NL -> ANY_NOT_NL;
      case ANY_CHAR -> ANY;
      case CAPTURE -> node(re.subs[0]);
      case STAR -> new Repeat(node(re.subs[0]), 0, -1);
      case PLUS -> new Repeat(node(re.subs[0]), 1, -1);
      case QUEST -> new Repeat(node(re.subs[0]), 0, 1);
      case REPEAT -> new Repeat(node(re.subs[0]), re.min, re.max);
      case CONCAT -> new Concat(nodes(re.subs));
      case ALTERNATE -> new Alternate(nodes(re.subs));
      case LEFT_PAREN, VERTICAL_BAR ->
          throw new IllegalStateException("RE2J parse tree holds " + re.op);
    };
  }

  private static List<Node> nodes(Regexp[] subs) {
    List<Node> out = new ArrayList<>(subs.length);
    for (Regexp sub : subs) {
      out.add(node(sub));
    }
    return out;
  }

  /** A literal string: one rune set per rune, each its fold orbit when RE2J folds case. */
  private static Node literal(Regexp re) {
    boolean fold = (re.flags & RE2.FOLD_CASE) != 0;
    List<Node> runes = new ArrayList<>(re.runes.length);
    for (int r : re.runes) {
      runes.add(fold ? new Runes(foldOrbit(r)) : new Runes(new int[] {r, r}));
    }
    return runes.size() == 1 ? runes.get(0) : new Concat(runes);
  }

  /**
   * Every rune {@code Inst.matchRune} takes for a case-folded literal {@code r}: {@code r} and its
   * {@code Unicode.simpleFold} orbit (for ASCII, its other case). An orbit that does not close
   * (newer Unicode data in the JVM than in RE2J) gives every rune, which only widens the set.
   */
  private static int[] foldOrbit(int r) {
    List<Integer> members = new ArrayList<>();
    members.add(r);
    int f = Unicode.simpleFold(r);
    for (int steps = 0; f != r; steps++) {
      if (steps > 16) {
        return new int[] {0, Unicode.MAX_RUNE};
      }
      members.add(f);
      f = Unicode.simpleFold(f);
    }
    int[] sorted = members.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    int[] ranges = new int[2 * sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      ranges[2 * i] = sorted[i];
      ranges[2 * i + 1] = sorted[i];
    }
    return ranges;
  }

  /** A window onto a string without a copy (a copy per search would make a long line quadratic). */
  private static final class Slice implements CharSequence {
    private final String text;
    private final int from;
    private final int to;

    Slice(String text, int from, int to) {
      this.text = text;
      this.from = from;
      this.to = to;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Slice(text, from + start, from + end);
    }

    @Override
    public String toString() {
      return text.substring(from, to);
    }
  }
}
