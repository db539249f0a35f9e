package dev.sealant.detect;

import com.google.re2j.PatternSyntaxException;
import com.google.re2j.Re2jBridge;
import com.google.re2j.Re2jBridge.Node;
import dev.sealant.detect.PositionAutomaton.Chars;
import dev.sealant.detect.PositionAutomaton.Info;
import dev.sealant.detect.PositionAutomaton.Required;
import java.util.BitSet;
import java.util.Optional;

/**
 * Where in a line a rule's regex could start a match, found in plain Java with a position
 * (Glushkov) automaton of the regex run backwards over the line. The answer over-approximates: it
 * holds every offset where RE2J would find a match starting, and usually little else, so the
 * detector runs RE2J anchored at those few offsets instead of unanchored over the whole line (in
 * RE2J's NFA an unanchored search pays for every alternative of the pattern at every character).
 *
 * <p>The automaton ({@link PositionAutomaton}, built from the tree RE2J's own parser gives for the
 * regex) has one state per character position. Running it backwards, the set of positions that can
 * consume character {@code i} and still reach the end of a match is computed from the set for
 * {@code i + 1}; a match can start at {@code i} when that set meets the regex's first positions.
 */
final class StartFinder {

  /** Largest automaton kept (bit sets of four longs per state). */
  static final int MAX_POSITIONS = 256;

  private final int words;

  /** {@code ascii[c * words + w]}: positions whose class holds ASCII character {@code c}. */
  private final long[] ascii;

  /** Positions whose class may hold a non-ASCII rune. */
  private final long[] other;

  /**
   * {@code prec[p * words + w]}: positions that may come right before position {@code p}, other
   * than {@code p - 1} (most edges run from one position to the next, and {@link #lin} covers those
   * with a shift).
   */
  private final long[] prec;

  /** Positions {@code p} that position {@code p - 1} may come right before. */
  private final long[] lin;

  /** Positions with entries in {@link #prec}. */
  private final long[] irr;

  private final long[] first;
  private final long[] last;

  /**
   * Characters of which every match holds at least one (the rarest such set the tree shows, such as
   * the assignment operators of the generic rule), or null when none is worth testing: a line
   * without any has no match, found at a fraction of the cost of the backward pass.
   */
  private final boolean[] required;

  private final boolean requiredNonAscii;

  private StartFinder(PositionAutomaton.Builder b, Info root, Chars required) {
    if (required == null) {
      this.required = null;
      this.requiredNonAscii = false;
    } else {
      this.required = new boolean[128];
      for (int c = 0; c < 128; c++) {
        this.required[c] = required.has(c);
      }
      this.requiredNonAscii = required.nonAscii();
    }
    int n = b.positions.size();
    words = (n + 63) >>> 6;
    ascii = new long[128 * words];
    other = new long[words];
    prec = new long[Math.max(1, n) * words];
    lin = new long[words];
    irr = new long[words];
    first = toWords(root.first());
    last = toWords(root.last());
    for (int p = 0; p < n; p++) {
      Chars cs = b.positions.get(p);
      for (int c = 0; c < 128; c++) {
        if (cs.has(c)) {
          ascii[c * words + (p >>> 6)] |= 1L << p;
        }
      }
      if (cs.nonAscii()) {
        other[p >>> 6] |= 1L << p;
      }
      BitSet f = b.follow.get(p);
      for (int q = f.nextSetBit(0); q >= 0; q = f.nextSetBit(q + 1)) {
        if (q == p + 1) {
          lin[q >>> 6] |= 1L << q;
        } else {
          prec[q * words + (p >>> 6)] |= 1L << p;
          irr[q >>> 6] |= 1L << q;
        }
      }
    }
  }

  private long[] toWords(BitSet s) {
    long[] w = new long[words];
    for (int p = s.nextSetBit(0); p >= 0; p = s.nextSetBit(p + 1)) {
      w[p >>> 6] |= 1L << p;
    }
    return w;
  }

  /**
   * The finder for {@code regex}, or empty when RE2J rejects it, the automaton would be too large,
   * or the regex matches the empty string (it can start anywhere).
   */
  static Optional<StartFinder> of(String regex) {
    Node root;
    try {
      root = Re2jBridge.parse(regex);
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
    for (int cap = 16; cap >= 1; cap /= 2) {
      PositionAutomaton.Builder b = new PositionAutomaton.Builder(cap);
      Info info = b.expand(root);
      if (b.positions.size() > MAX_POSITIONS) {
        continue;
      }
      if (info.nullable()) {
        return Optional.empty();
      }
      Chars req = Required.of(root);
      return Optional.of(
          new StartFinder(
              b, info, req != null && Required.cost(req) <= Required.WORTH ? req : null));
    }
    return Optional.empty();
  }

  /**
   * Offsets in {@code text[from, to)} where a match may start, as a bit set relative to {@code
   * from}: bit {@code k} of word {@code k >>> 6} stands for offset {@code from + k}. Offsets inside
   * a surrogate pair are never set (RE2J steps over pairs whole).
   */
  long[] starts(CharSequence text, int from, int to) {
    long[] out = new long[(to - from + 63) >>> 6];
    if (required != null && !holdsRequired(text, from, to)) {
      return out;
    }
    if (words == 1) {
      starts1(text, from, to, out);
    } else {
      starts4(text, from, to, out);
    }
    return out;
  }

  /**
   * The backward pass for automata of up to 64 positions: {@code t} is the set of positions that
   * can consume the current character and still complete a match after it.
   */
  private void starts1(CharSequence text, int from, int to, long[] out) {
    final long[] ascii = this.ascii;
    final long[] prec = this.prec;
    final long first = this.first[0];
    final long last = this.last[0];
    final long lin = this.lin[0];
    final long irr = this.irr[0];
    final long other = this.other[0];
    long t = 0;
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      long mask;
      if (c < 128) {
        mask = ascii[c];
      } else {
        mask = other;
        if (Character.isLowSurrogate(c)
            && i > from
            && Character.isHighSurrogate(text.charAt(i - 1))) {
          i--;
        }
      }
      long reach = last | ((t & lin) >>> 1);
      for (long bits = t & irr; bits != 0; bits &= bits - 1) {
        reach |= prec[Long.numberOfTrailingZeros(bits)];
      }
      t = reach & mask;
      if ((t & first) != 0) {
        int k = i - from;
        out[k >>> 6] |= 1L << k;
      }
    }
  }

  /** The same for up to 256 positions, in four words (unused words stay zero). */
  private void starts4(CharSequence text, int from, int to, long[] out) {
    final int w = words;
    final long[] ascii = this.ascii;
    final long[] prec = this.prec;
    final long[] other = this.other;
    final long f0 = first[0];
    final long f1 = first[1];
    final long f2 = w > 2 ? first[2] : 0;
    final long f3 = w > 3 ? first[3] : 0;
    final long l0 = last[0];
    final long l1 = last[1];
    final long l2 = w > 2 ? last[2] : 0;
    final long l3 = w > 3 ? last[3] : 0;
    final long n0 = lin[0];
    final long n1 = lin[1];
    final long n2 = w > 2 ? lin[2] : 0;
    final long n3 = w > 3 ? lin[3] : 0;
    final long[] irr = this.irr;
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      long[] masks = ascii;
      int at = c * w;
      if (c >= 128) {
        masks = other;
        at = 0;
        if (Character.isLowSurrogate(c)
            && i > from
            && Character.isHighSurrogate(text.charAt(i - 1))) {
          i--;
        }
      }
      long x0 = t0 & n0;
      long x1 = t1 & n1;
      long x2 = t2 & n2;
      long x3 = t3 & n3;
      long r0 = l0 | (x0 >>> 1) | (x1 << 63);
      long r1 = l1 | (x1 >>> 1) | (x2 << 63);
      long r2 = l2 | (x2 >>> 1) | (x3 << 63);
      long r3 = l3 | (x3 >>> 1);
      for (int y = 0; y < w; y++) {
        long bits = (y == 0 ? t0 : y == 1 ? t1 : y == 2 ? t2 : t3) & irr[y];
        for (; bits != 0; bits &= bits - 1) {
          int q = ((y << 6) + Long.numberOfTrailingZeros(bits)) * w;
          r0 |= prec[q];
          r1 |= prec[q + 1];
          if (w > 2) {
            r2 |= prec[q + 2];
            if (w > 3) {
              r3 |= prec[q + 3];
            }
          }
        }
      }
      t0 = r0 & masks[at];
      t1 = r1 & masks[at + 1];
      t2 = w > 2 ? r2 & masks[at + 2] : 0;
      t3 = w > 3 ? r3 & masks[at + 3] : 0;
      if (((t0 & f0) | (t1 & f1) | (t2 & f2) | (t3 & f3)) != 0) {
        int k = i - from;
        out[k >>> 6] |= 1L << k;
      }
    }
  }

  private boolean holdsRequired(CharSequence text, int from, int to) {
    final boolean[] req = required;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 128 ? req[c] : requiredNonAscii) {
        return true;
      }
    }
    return false;
  }

  int positions() {
    return prec.length / words;
  }

  /**
   * The characters a match may start with (for tests: RE2J's own matches are checked against it).
   */
  Chars startChars() {
    long lo = 0;
    long hi = 0;
    for (int c = 0; c < 128; c++) {
      if (startsWith(ascii, c * words)) {
        if (c < 64) {
          lo |= 1L << c;
        } else {
          hi |= 1L << (c - 64);
        }
      }
    }
    return new Chars(lo, hi, startsWith(other, 0));
  }

  private boolean startsWith(long[] masks, int at) {
    for (int w = 0; w < words; w++) {
      if ((masks[at + w] & first[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** The characters every match holds one of, when worth testing (for tests). */
  Optional<Chars> requiredChars() {
    if (required == null) {
      return Optional.empty();
    }
    long lo = 0;
    long hi = 0;
    for (int c = 0; c < 128; c++) {
      if (required[c]) {
        if (c < 64) {
          lo |= 1L << c;
        } else {
          hi |= 1L << (c - 64);
        }
      }
    }
    return Optional.of(new Chars(lo, hi, requiredNonAscii));
  }
}
