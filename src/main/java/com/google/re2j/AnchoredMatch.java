package com.google.re2j;

/**
 * Sealant's one use of RE2J's package-private API, kept to this class: an anchored match that
 * reports every group in one pass of RE2J's matching machine.
 *
 * <p>Through the public API, {@code lookingAt()} runs the machine once for the match's extent and
 * {@code group(n)} runs it again for the groups. On a rule such as the generic assignment one, each
 * pass costs 100-250 ns per character, and the second pass is half the cost of a match. This calls
 * the same entry point the public {@link Matcher} uses ({@code RE2.match}), asking for all groups
 * at once. The match is the same; its groups are computed on the whole input rather than on the
 * input cut one character past the match (as {@code group(n)} does), which could only differ for a
 * pattern whose groups depend on {@code $} right past the match (a test compares every shipped
 * rule). It depends on RE2J internals of the pinned version: a change there fails the build here.
 */
public final class AnchoredMatch {

  private AnchoredMatch() {}

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
