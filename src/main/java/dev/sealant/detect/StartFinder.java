package dev.sealant.detect;

import dev.sealant.detect.RegexSyntax.Alt;
import dev.sealant.detect.RegexSyntax.Cat;
import dev.sealant.detect.RegexSyntax.Chars;
import dev.sealant.detect.RegexSyntax.Empty;
import dev.sealant.detect.RegexSyntax.Node;
import dev.sealant.detect.RegexSyntax.Rep;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Where in a line a rule's regex could start a match, found in plain Java with a position
 * (Glushkov) automaton of the regex run backwards over the line. The answer over-approximates: it
 * holds every offset where RE2J would find a match starting, and usually little else, so the
 * detector runs RE2J anchored at those few offsets instead of unanchored over the whole line (in
 * RE2J's NFA an unanchored search pays for every alternative of the pattern at every character).
 *
 * <p>The automaton has one state per character position of the regex ({@link RegexSyntax} gives
 * the tree); a counted repetition longer than a cap becomes that many copies followed by a star,
 * which only widens the language. Running it backwards, the set of positions that can consume
 * character {@code i} and still reach the end of a match is computed from the set for {@code i +
 * 1}; a match can start at {@code i} when that set meets the regex's first positions.
 */
final class StartFinder {

  /** Largest automaton kept (bit sets of four longs per state). */
  static final int MAX_POSITIONS = 256;

  private final int words;
  /** {@code ascii[c * words + w]}: positions whose class holds ASCII character {@code c}. */
  private final long[] ascii;
  /** Positions whose class may hold a non-ASCII rune. */
  private final long[] other;
  /** {@code prec[p * words + w]}: positions that may come right before position {@code p}. */
  private final long[] prec;
  private final long[] first;
  private final long[] last;

  private StartFinder(Builder b, Info root) {
    int n = b.positions.size();
    words = (n + 63) >>> 6;
    ascii = new long[128 * words];
    other = new long[words];
    prec = new long[Math.max(1, n) * words];
    first = toWords(root.first);
    last = toWords(root.last);
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
        prec[q * words + (p >>> 6)] |= 1L << p;
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
   * The finder for {@code regex}, or empty when its syntax is beyond {@link RegexSyntax}, the
   * automaton would be too large, or the regex matches the empty string (it can start anywhere).
   */
  static Optional<StartFinder> of(String regex) {
    Node root;
    try {
      root = RegexSyntax.parse(regex);
    } catch (RegexSyntax.Unsupported e) {
      return Optional.empty();
    }
    for (int cap = 16; cap >= 1; cap /= 2) {
      Builder b = new Builder(cap);
      Info info = b.expand(root);
      if (b.positions.size() > MAX_POSITIONS) {
        continue;
      }
      return info.nullable ? Optional.empty() : Optional.of(new StartFinder(b, info));
    }
    return Optional.empty();
  }

  /**
   * Offsets in {@code text[from, to)} where a match may start, as a bit set relative to {@code
   * from}: bit {@code k} of word {@code k >>> 6} stands for offset {@code from + k}. Offsets inside a
   * surrogate pair are never set (RE2J steps over pairs whole).
   */
  long[] starts(CharSequence text, int from, int to) {
    long[] out = new long[(to - from + 63) >>> 6];
    if (words == 1) {
      starts1(text, from, to, out);
    } else {
      startsN(text, from, to, out);
    }
    return out;
  }

  private void starts1(CharSequence text, int from, int to, long[] out) {
    final long[] ascii = this.ascii;
    final long[] prec = this.prec;
    final long first = this.first[0];
    final long last = this.last[0];
    long t = 0;
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      long mask;
      if (c < 128) {
        mask = ascii[c];
      } else {
        mask = other[0];
        if (Character.isLowSurrogate(c) && i > from && Character.isHighSurrogate(text.charAt(i - 1))) {
          i--;
        }
      }
      long reach = last;
      for (long bits = t; bits != 0; bits &= bits - 1) {
        reach |= prec[Long.numberOfTrailingZeros(bits)];
      }
      t = reach & mask;
      if ((t & first) != 0) {
        int k = i - from;
        out[k >>> 6] |= 1L << k;
      }
    }
  }

  private void startsN(CharSequence text, int from, int to, long[] out) {
    final int w = words;
    long[] t = new long[w];
    long[] reach = new long[w];
    boolean empty = true;
    for (int i = to - 1; i >= from; i--) {
      char c = text.charAt(i);
      long[] maskArr;
      int maskAt;
      if (c < 128) {
        maskArr = ascii;
        maskAt = c * w;
      } else {
        maskArr = other;
        maskAt = 0;
        if (Character.isLowSurrogate(c) && i > from && Character.isHighSurrogate(text.charAt(i - 1))) {
          i--;
        }
      }
      System.arraycopy(last, 0, reach, 0, w);
      if (!empty) {
        for (int x = 0; x < w; x++) {
          for (long bits = t[x]; bits != 0; bits &= bits - 1) {
            int q = (x << 6) + Long.numberOfTrailingZeros(bits);
            for (int y = 0; y < w; y++) {
              reach[y] |= prec[q * w + y];
            }
          }
        }
      }
      empty = true;
      boolean hit = false;
      for (int x = 0; x < w; x++) {
        long v = reach[x] & maskArr[maskAt + x];
        t[x] = v;
        empty &= v == 0;
        hit |= (v & first[x]) != 0;
      }
      if (hit) {
        int k = i - from;
        out[k >>> 6] |= 1L << k;
      }
    }
  }

  int positions() {
    return prec.length / words;
  }

  /** Nullable, first and last positions of a subtree. */
  private record Info(boolean nullable, BitSet first, BitSet last) {}

  /** Numbers the character positions of an expanded tree and records which may follow which. */
  private static final class Builder {
    final int cap;
    final List<Chars> positions = new ArrayList<>();
    final List<BitSet> follow = new ArrayList<>();

    Builder(int cap) {
      this.cap = cap;
    }

    Info expand(Node n) {
      if (positions.size() > MAX_POSITIONS) {
        return new Info(true, new BitSet(), new BitSet()); // abandoned: the caller retries smaller
      }
      if (n instanceof Chars cs) {
        int p = positions.size();
        positions.add(cs);
        follow.add(new BitSet());
        BitSet s = new BitSet();
        s.set(p);
        return new Info(false, s, (BitSet) s.clone());
      }
      if (n instanceof Empty) {
        return new Info(true, new BitSet(), new BitSet());
      }
      if (n instanceof Cat cat) {
        Info acc = new Info(true, new BitSet(), new BitSet());
        for (Node item : cat.items()) {
          acc = concat(acc, expand(item));
        }
        return acc;
      }
      if (n instanceof Alt alt) {
        boolean nullable = false;
        BitSet f = new BitSet();
        BitSet l = new BitSet();
        for (Node item : alt.items()) {
          Info i = expand(item);
          nullable |= i.nullable();
          f.or(i.first());
          l.or(i.last());
        }
        return new Info(nullable, f, l);
      }
      Rep r = (Rep) n;
      Info acc = new Info(true, new BitSet(), new BitSet());
      if (r.max() >= 0 && r.max() <= cap) {
        for (int k = 0; k < r.max(); k++) {
          Info copy = expand(r.item());
          acc = concat(acc, k < r.min() ? copy : optional(copy));
        }
        return acc;
      }
      for (int k = 0; k < Math.min(r.min(), cap); k++) {
        acc = concat(acc, expand(r.item()));
      }
      return concat(acc, star(expand(r.item())));
    }

    private Info concat(Info a, Info b) {
      for (int p = a.last().nextSetBit(0); p >= 0; p = a.last().nextSetBit(p + 1)) {
        follow.get(p).or(b.first());
      }
      BitSet f = (BitSet) a.first().clone();
      if (a.nullable()) {
        f.or(b.first());
      }
      BitSet l = (BitSet) b.last().clone();
      if (b.nullable()) {
        l.or(a.last());
      }
      return new Info(a.nullable() && b.nullable(), f, l);
    }

    private static Info optional(Info a) {
      return new Info(true, a.first(), a.last());
    }

    private Info star(Info a) {
      for (int p = a.last().nextSetBit(0); p >= 0; p = a.last().nextSetBit(p + 1)) {
        follow.get(p).or(a.first());
      }
      return new Info(true, a.first(), a.last());
    }
  }
}
