package dev.sealant.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.google.re2j.Re2jBridge;
import com.google.re2j.Re2jBridge.Alternate;
import com.google.re2j.Re2jBridge.Concat;
import com.google.re2j.Re2jBridge.Node;
import com.google.re2j.Re2jBridge.Repeat;
import com.google.re2j.Re2jBridge.Runes;
import dev.sealant.catalog.Rule;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one rule's regex over a window of text with exactly the results of {@code
 * pattern.matcher(text.substring(from, to))} and repeated {@code find()}, usually far faster.
 *
 * <p>RE2J's unanchored search costs, at every character, a step through every alternative of the
 * pattern (about a microsecond per character for the generic assignment rule). Instead, a {@link
 * StartFinder} lists the few offsets where a match could start, and RE2J runs anchored at each, in
 * order; the first that matches is the match {@code find()} would return (leftmost start, then
 * RE2J's own preference among matches from that start). Anchoring at an offset other than the
 * window start uses the pattern {@code (?s:.)(?:R)} on text from one character earlier, so that
 * RE2J sees the same preceding character for {@code \b} and {@code ^} as in the window. Each
 * attempt is one pass of RE2J's machine with all groups ({@link Re2jBridge}).
 */
final class RuleMatcher {

  /** Receives each match's secret group, as an absolute offset and its text. */
  interface Sink {
    void match(int secretStart, String secret);
  }

  /**
   * How far one anchored attempt of a regex without an upper bound on its match length may read. A
   * regex with a bound reads at most that bound plus one character (for {@code $} and {@code \b}
   * right past the match), so every attempt costs a constant and a window costs O(its length).
   */
  static final int UNBOUNDED_REACH = 4096;

  private final Rule rule;
  private final Optional<StartFinder> finder;

  /** Upper bound of a match's length in UTF-16 units, or -1 when the regex has none. */
  private final int maxWidth;

  private volatile Pattern shifted;

  /** Characters handed to RE2J or the start finder, over the matcher's life (tests count work). */
  private final LongAdder examined = new LongAdder();

  RuleMatcher(Rule rule) {
    this.rule = rule;
    this.finder = rule.multiline() ? Optional.empty() : StartFinder.of(rule.regex());
    this.maxWidth = finder.isPresent() ? maxWidth(rule.regex()) : -1;
  }

  boolean accelerated() {
    return finder.isPresent();
  }

  long examined() {
    return examined.sum();
  }

  /** Reports every match in {@code text[from, to)} in order, as repeated {@code find()} does. */
  void findAll(String text, int from, int to, Sink sink) {
    findAll(text, from, from, to, to, sink);
  }

  /**
   * Reports every match that starts in {@code text[from, to)}, where {@code text[lineStart,
   * lineEnd)} is the text the regex sees ({@code ^} and {@code $} are its ends; the window's own
   * edges are no boundary, so a window never makes {@code $} match where the line goes on). A match
   * may run past {@code to} up to {@code lineEnd}. Cost: O((to - from) x the regex's bounded
   * reach), whatever the text.
   */
  void findAll(String text, int lineStart, int from, int to, int lineEnd, Sink sink) {
    if (finder.isEmpty()) {
      findUnanchored(text, lineStart, from, to, lineEnd, sink);
      return;
    }
    long work = (long) to - from;
    try {
      long[] starts = finder.get().starts(text, from, to);
      int group = rule.secretGroup();
      int reach = maxWidth >= 0 ? maxWidth + 1 : UNBOUNDED_REACH;
      int k = nextStart(starts, 0);
      while (k >= 0) {
        int at = from + k;
        boolean plain = at == lineStart;
        int base = plain ? at : at - 1;
        int cut = (int) Math.min(lineEnd, (long) at + reach);
        String input = text.substring(base, cut);
        work += input.length();
        int[] g = Re2jBridge.lookingAt(plain ? rule.pattern().get() : shifted(), input);
        if (g != null && cut < lineEnd && base + g[1] >= cut) {
          // The match reached the cut: only possible for a regex without a bound, where '$' or
          // a greedy loop may have taken the cut for the line's end. One unanchored pass from here
          // to the line's end decides the next match for good (or that there is none).
          int[] m = Re2jBridge.find(rule.pattern().get(), text, lineStart, lineEnd, at);
          work += lineEnd - at;
          if (m == null) {
            return;
          }
          report(text, lineStart, m, group, sink);
          int end = lineStart + Math.max(m[1], m[0] + 1);
          k = end - from >= to - from ? -1 : nextStart(starts, Math.max(end - from, k + 1));
          continue;
        }
        if (g == null) {
          k = nextStart(starts, k + 1);
          continue;
        }
        report(text, base, g, group, sink);
        int end = base + g[1] - from;
        k = nextStart(starts, Math.max(end, k + 1));
      }
    } finally {
      examined.add(work);
    }
  }

  private static void report(String text, int base, int[] g, int group, Sink sink) {
    int gs = g[2 * group];
    if (gs >= 0) {
      String secret = text.substring(base + gs, base + g[2 * group + 1]);
      if (!secret.isBlank()) {
        sink.match(base + gs, secret);
      }
    }
  }

  /**
   * Without a start finder: RE2J's own search, over the line so the window edges are no boundary.
   */
  private void findUnanchored(
      String text, int lineStart, int from, int to, int lineEnd, Sink sink) {
    int group = rule.secretGroup();
    int at = from;
    long work = 0;
    try {
      while (at < to) {
        int[] m = Re2jBridge.find(rule.pattern().get(), text, lineStart, lineEnd, at);
        if (m == null || lineStart + m[0] >= to) {
          work += lineEnd - at;
          return;
        }
        work += lineStart + m[1] - at;
        report(text, lineStart, m, group, sink);
        at = lineStart + Math.max(m[1], m[0] + 1);
      }
    } finally {
      examined.add(work);
    }
  }

  /** The reference behaviour: RE2J's public API on the window cut out of the text. */
  void findPlain(String text, int from, int to, Sink sink) {
    int group = rule.secretGroup();
    Matcher m = rule.pattern().matcher(text.substring(from, to));
    while (m.find()) {
      String secret = m.group(group);
      if (secret != null && !secret.isBlank()) {
        sink.match(from + m.start(group), secret);
      }
    }
  }

  /** Upper bound of a match's length in UTF-16 units, or -1 when unbounded or unknown. */
  static int maxWidth(String regex) {
    try {
      long w = width(Re2jBridge.parse(regex));
      return w < 0 || w > Integer.MAX_VALUE / 2 ? -1 : (int) w;
    } catch (PatternSyntaxException e) {
      return -1;
    }
  }

  private static long width(Node n) {
    if (n instanceof Runes r) {
      // a rune outside the BMP is two UTF-16 units
      return r.size() > 0 && r.hi(r.size() - 1) > Character.MAX_VALUE ? 2 : 1;
    }
    if (n instanceof Concat c) {
      long sum = 0;
      for (Node i : c.items()) {
        long w = width(i);
        if (w < 0) {
          return -1;
        }
        sum += w;
      }
      return sum;
    }
    if (n instanceof Alternate a) {
      long max = 0;
      for (Node i : a.items()) {
        long w = width(i);
        if (w < 0) {
          return -1;
        }
        max = Math.max(max, w);
      }
      return max;
    }
    if (n instanceof Repeat r) {
      long w = width(r.item());
      return r.max() < 0 || w < 0 ? (w == 0 ? 0 : -1) : w * r.max();
    }
    return 0;
  }

  private Pattern shifted() {
    Pattern p = shifted;
    if (p == null) {
      p = Pattern.compile("(?s:.)(?:" + rule.regex() + ")");
      shifted = p;
    }
    return p;
  }

  private static int nextStart(long[] starts, int from) {
    int w = from >>> 6;
    if (w >= starts.length) {
      return -1;
    }
    long bits = starts[w] & (-1L << from);
    while (true) {
      if (bits != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(bits);
      }
      if (++w == starts.length) {
        return -1;
      }
      bits = starts[w];
    }
  }
}
