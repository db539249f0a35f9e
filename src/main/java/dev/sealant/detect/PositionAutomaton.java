package dev.sealant.detect;

import com.google.re2j.Re2jBridge.Alternate;
import com.google.re2j.Re2jBridge.Concat;
import com.google.re2j.Re2jBridge.Empty;
import com.google.re2j.Re2jBridge.Node;
import com.google.re2j.Re2jBridge.Repeat;
import com.google.re2j.Re2jBridge.Runes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The position (Glushkov) automaton of a regex, built from the tree RE2J's parser gives ({@link
 * com.google.re2j.Re2jBridge#parse}), and the characters every match needs: what {@link
 * StartFinder} runs. Each position keeps the ASCII members of its rune set exactly and all other
 * runes as one flag; empty-width assertions read as the empty string; a counted repetition longer
 * than a cap becomes that many copies followed by a star. Each only widens the language.
 */
final class PositionAutomaton {

  private PositionAutomaton() {}

  /**
   * One rune from a set, as the automaton keeps it: ASCII members as a 128-bit map, every other
   * rune as one flag.
   *
   * @param lo members 0..63
   * @param hi members 64..127
   * @param nonAscii whether any rune above 127 is a member
   */
  record Chars(long lo, long hi, boolean nonAscii) {
    boolean has(int c) {
      return c < 64 ? (lo >>> c & 1) != 0 : (hi >>> (c - 64) & 1) != 0;
    }

    static Chars of(Runes rs) {
      long lo = 0;
      long hi = 0;
      boolean nonAscii = false;
      for (int i = 0; i < rs.size(); i++) {
        for (int c = rs.lo(i); c <= Math.min(rs.hi(i), 127); c++) {
          if (c < 64) {
            lo |= 1L << c;
          } else {
            hi |= 1L << (c - 64);
          }
        }
        nonAscii |= rs.hi(i) >= 128;
      }
      return new Chars(lo, hi, nonAscii);
    }
  }

  /**
   * A set of characters every match of a tree holds one of: a sequence needs any one of its items'
   * sets (the cheapest is kept), a choice needs the union of its branches' sets, and anything that
   * can be empty needs nothing (null).
   */
  static final class Required {
    /** Sets costing more than this (see {@link #cost}) rule out too few lines to test. */
    static final int WORTH = 8;

    private Required() {}

    static Chars of(Node n) {
      if (n instanceof Runes rs) {
        return Chars.of(rs);
      }
      if (n instanceof Concat cat) {
        Chars best = null;
        for (Node item : cat.items()) {
          Chars r = of(item);
          if (r != null && (best == null || cost(r) < cost(best))) {
            best = r;
          }
        }
        return best;
      }
      if (n instanceof Alternate alt) {
        long lo = 0;
        long hi = 0;
        boolean other = false;
        for (Node item : alt.items()) {
          Chars r = of(item);
          if (r == null) {
            return null;
          }
          lo |= r.lo();
          hi |= r.hi();
          other |= r.nonAscii();
        }
        return new Chars(lo, hi, other);
      }
      if (n instanceof Repeat r) {
        return r.min() > 0 ? of(r.item()) : null;
      }
      return null; // Empty
    }

    /**
     * A rough weight of how often code holds one of the set's characters (letters and blanks count
     * most).
     */
    static int cost(Chars cs) {
      int cost = cs.nonAscii() ? 1 : 0;
      for (int c = 0; c < 128; c++) {
        if (cs.has(c)) {
          cost +=
              c == ' ' || c == '\t' ? 16 : Character.isLetter(c) ? 4 : Character.isDigit(c) ? 2 : 1;
        }
      }
      return cost;
    }
  }

  /** Nullable, first and last positions of a subtree. */
  record Info(boolean nullable, BitSet first, BitSet last) {}

  /** Numbers the character positions of an expanded tree and records which may follow which. */
  static final class Builder {
    final int cap;
    final List<Chars> positions = new ArrayList<>();
    final List<BitSet> follow = new ArrayList<>();

    Builder(int cap) {
      this.cap = cap;
    }

    Info expand(Node n) {
      if (positions.size() > StartFinder.MAX_POSITIONS) {
        return new Info(true, new BitSet(), new BitSet()); // abandoned: the caller retries smaller
      }
      if (n instanceof Runes rs) {
        int p = positions.size();
        positions.add(Chars.of(rs));
        follow.add(new BitSet());
        BitSet s = new BitSet();
        s.set(p);
        return new Info(false, s, (BitSet) s.clone());
      }
      if (n instanceof Empty) {
        return new Info(true, new BitSet(), new BitSet());
      }
      if (n instanceof Concat cat) {
        Info acc = new Info(true, new BitSet(), new BitSet());
        for (Node item : cat.items()) {
          acc = concat(acc, expand(item));
        }
        return acc;
      }
      if (n instanceof Alternate alt) {
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
      Repeat r = (Repeat) n;
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
