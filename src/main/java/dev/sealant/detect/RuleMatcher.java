package dev.sealant.detect;

import com.google.re2j.AnchoredMatch;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.sealant.catalog.Rule;
import java.util.Optional;

/**
 * Runs one rule's regex over a window of text with exactly the results of {@code
 * pattern.matcher(text.substring(from, to))} and repeated {@code find()}, usually far faster.
 *
 * <p>RE2J's unanchored search costs, at every character, a step through every alternative of the
 * pattern (about a microsecond per character for the generic assignment rule). Instead, a {@link
 * StartFinder} lists the few offsets where a match could start, and RE2J runs anchored at each,
 * in order; the first that matches is the match {@code find()} would return (leftmost start,
 * then RE2J's own preference among matches from that start). Anchoring at an offset other than the
 * window start uses the pattern {@code (?s:.)(?:R)} on text from one character earlier, so that
 * RE2J sees the same preceding character for {@code \b} and {@code ^} as in the window. Each
 * attempt is one pass of RE2J's machine with all groups ({@link AnchoredMatch}).
 */
final class RuleMatcher {

  /** Receives each match's secret group, as an absolute offset and its text. */
  interface Sink {
    void match(int secretStart, String secret);
  }

  private final Rule rule;
  private final Optional<StartFinder> finder;
  private volatile Pattern shifted;

  RuleMatcher(Rule rule) {
    this.rule = rule;
    this.finder = rule.multiline() ? Optional.empty() : StartFinder.of(rule.regex());
  }

  boolean accelerated() {
    return finder.isPresent();
  }

  /** Reports every match in {@code text[from, to)} in order, as repeated {@code find()} does. */
  void findAll(String text, int from, int to, Sink sink) {
    if (finder.isEmpty()) {
      findPlain(text, from, to, sink);
      return;
    }
    long[] starts = finder.get().starts(text, from, to);
    int group = rule.secretGroup();
    int k = nextStart(starts, 0);
    while (k >= 0) {
      int base = k == 0 ? from : from + k - 1;
      String input = text.substring(base, to);
      int[] g = AnchoredMatch.lookingAt(k == 0 ? rule.pattern().get() : shifted(), input);
      if (g == null) {
        k = nextStart(starts, k + 1);
        continue;
      }
      int gs = g[2 * group];
      if (gs >= 0) {
        String secret = input.substring(gs, g[2 * group + 1]);
        if (!secret.isBlank()) {
          sink.match(base + gs, secret);
        }
      }
      int end = base + g[1] - from;
      k = nextStart(starts, Math.max(end, k + 1));
    }
  }

  /** The reference behaviour, also used when no {@link StartFinder} applies. */
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
