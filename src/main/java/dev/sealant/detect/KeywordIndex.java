package dev.sealant.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A case-insensitive Aho-Corasick automaton over ASCII keywords, as a dense transition table.
 *
 * <p>This is the scan's hot loop: one table lookup per character decides which rules could match
 * at all, so the regexes only ever run on the few lines that carry a keyword. Characters outside
 * ASCII reset the automaton (keywords are ASCII by catalog validation).
 *
 * <p>The table is kept small so the states the text visits stay in the L1 cache: characters are
 * first mapped to classes (upper and lower case share one; every character that occurs in no
 * keyword is class 0, which always leads back to the root), and each state's row has one entry per
 * class. Entries are premultiplied: a state is stored as the offset of its row, so the scan loop
 * needs no shift or multiply between one lookup and the next.
 */
final class KeywordIndex {

  static final int ALPHABET = 128;

  /** Set in a {@link #next} entry whose target state has rules (mask it off to get the row). */
  static final int HIT = 0x80000000;

  /** {@code cls[c]}: the class of ASCII character {@code c}; 0 for characters in no keyword. */
  final byte[] cls;
  /** Row width is {@code 1 << shift} entries, one per class. */
  final int shift;
  /**
   * {@code next[row + cls]}: the next state's row offset (state {@code << shift}), with the sign
   * bit set when that state completes a keyword.
   */
  final int[] next;
  /** For each state (row offset {@code >> shift}), the ids of the rules whose keyword ends there, or null. */
  final int[][] rulesAt;
  /** The longest keyword: the automaton's state depends on no more than this many characters. */
  final int maxLength;

  KeywordIndex(List<List<String>> keywordsByRule) {
    cls = new byte[ALPHABET];
    int classes = 1;
    int longest = 0;
    for (List<String> kws : keywordsByRule) {
      for (String kw : kws) {
        longest = Math.max(longest, kw.length());
        for (int i = 0; i < kw.length(); i++) {
          int c = Character.toLowerCase(kw.charAt(i)) & 0x7f;
          if (cls[c] == 0) {
            cls[c] = (byte) classes++;
          }
        }
      }
    }
    for (int c = 'A'; c <= 'Z'; c++) {
      cls[c] = cls[c + ('a' - 'A')];
    }
    maxLength = longest;
    shift = classes <= 64 ? 6 : 7;
    int width = 1 << shift;

    List<int[]> gotoRows = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow(width));
    out.add(new ArrayList<>());
    for (int rule = 0; rule < keywordsByRule.size(); rule++) {
      for (String kw : keywordsByRule.get(rule)) {
        int s = 0;
        for (int i = 0; i < kw.length(); i++) {
          int c = cls[Character.toLowerCase(kw.charAt(i)) & 0x7f];
          if (gotoRows.get(s)[c] < 0) {
            gotoRows.get(s)[c] = gotoRows.size();
            gotoRows.add(newRow(width));
            out.add(new ArrayList<>());
          }
          s = gotoRows.get(s)[c];
        }
        if (!out.get(s).contains(rule)) {
          out.get(s).add(rule);
        }
      }
    }
    int n = gotoRows.size();
    int[] fail = new int[n];
    int[] delta = new int[n * width];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 1; c < width; c++) {
      int t = gotoRows.get(0)[c];
      if (t > 0) {
        queue.add(t);
        delta[c] = t;
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int r : out.get(fail[s])) {
        if (!out.get(s).contains(r)) {
          out.get(s).add(r);
        }
      }
      for (int c = 1; c < width; c++) {
        int t = gotoRows.get(s)[c];
        if (t > 0) {
          fail[t] = delta[fail[s] * width + c];
          queue.add(t);
          delta[s * width + c] = t;
        } else {
          delta[s * width + c] = delta[fail[s] * width + c];
        }
      }
    }
    rulesAt = new int[n][];
    for (int s = 0; s < n; s++) {
      List<Integer> rs = out.get(s);
      rulesAt[s] = rs.isEmpty() ? null : rs.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    next = new int[n * width];
    for (int i = 0; i < delta.length; i++) {
      next[i] = (delta[i] << shift) | (rulesAt[delta[i]] != null ? HIT : 0);
    }
  }

  private static final long[] NONE = new long[0];

  /**
   * Every keyword hit in {@code text}, in text order, as {@code (long) endIndex << 32 | state}:
   * {@code endIndex} is the index of the keyword's last character and {@code state} indexes
   * {@link #rulesAt}.
   *
   * <p>The automaton's next state depends on the one before, so a single pass is bound by the
   * latency of one table load per character. The text is cut in three parts scanned in the same
   * loop by three independent automata, which the CPU overlaps; each part after the first starts
   * {@code maxLength - 1} characters early, from the root, so its state is exact by the time it
   * reaches its part (hits in that lead-in belong to the part before and are not reported twice).
   */
  long[] hits(String text) {
    int n = text.length();
    int lead = Math.max(0, maxLength - 1);
    int q = n / 3;
    if (q <= 2 * lead + 16) {
      Hits h = new Hits();
      run(text, 0, 0, n, h);
      return h.toArray();
    }
    final int[] next = this.next;
    final byte[] cls = this.cls;
    int e1 = q;
    int e2 = 2 * q;
    Hits h0 = new Hits();
    Hits h1 = new Hits();
    Hits h2 = new Hits();
    int i1 = e1 - lead;
    int i2 = e2 - lead;
    int s0 = 0;
    int s1 = 0;
    int s2 = 0;
    for (int i0 = 0; i0 < e1; i0++, i1++, i2++) {
      char c0 = text.charAt(i0);
      char c1 = text.charAt(i1);
      char c2 = text.charAt(i2);
      int n0 = next[s0 | (c0 < ALPHABET ? cls[c0] : 0)];
      int n1 = next[s1 | (c1 < ALPHABET ? cls[c1] : 0)];
      int n2 = next[s2 | (c2 < ALPHABET ? cls[c2] : 0)];
      s0 = n0 & ~HIT;
      s1 = n1 & ~HIT;
      s2 = n2 & ~HIT;
      if ((n0 | n1 | n2) < 0) {
        if (n0 < 0) {
          h0.add(i0, s0 >>> shift);
        }
        if (n1 < 0 && i1 >= e1) {
          h1.add(i1, s1 >>> shift);
        }
        if (n2 < 0 && i2 >= e2) {
          h2.add(i2, s2 >>> shift);
        }
      }
    }
    run(text, s1, i1, e2, h1);
    run(text, s2, i2, n, h2);
    return Hits.concat(h0, h1, h2);
  }

  /** One automaton from {@code state} over {@code text[from, to)}. */
  private void run(String text, int state, int from, int to, Hits out) {
    final int[] next = this.next;
    final byte[] cls = this.cls;
    int s = state;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int t = next[s | (c < ALPHABET ? cls[c] : 0)];
      s = t & ~HIT;
      if (t < 0) {
        out.add(i, s >>> shift);
      }
    }
  }

  /** A growable list of packed hits; allocates nothing until the first hit. */
  private static final class Hits {
    long[] items = NONE;
    int size;

    void add(int index, int state) {
      if (size == items.length) {
        items = Arrays.copyOf(items, Math.max(16, size * 2));
      }
      items[size++] = ((long) index << 32) | state;
    }

    long[] toArray() {
      return size == 0 ? NONE : Arrays.copyOf(items, size);
    }

    static long[] concat(Hits a, Hits b, Hits c) {
      int total = a.size + b.size + c.size;
      if (total == 0) {
        return NONE;
      }
      long[] all = new long[total];
      System.arraycopy(a.items, 0, all, 0, a.size);
      System.arraycopy(b.items, 0, all, a.size, b.size);
      System.arraycopy(c.items, 0, all, a.size + b.size, c.size);
      return all;
    }
  }

  private static int[] newRow(int width) {
    int[] row = new int[width];
    Arrays.fill(row, -1);
    return row;
  }
}
