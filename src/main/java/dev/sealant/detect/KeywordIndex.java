package dev.sealant.detect;

import java.util.Arrays;
import java.util.List;

/**
 * A case-insensitive Aho-Corasick automaton over ASCII keywords, as a dense transition table.
 *
 * <p>This is the scan's hot loop: one table lookup per character decides which rules could match at
 * all, so the regexes only ever run on the few lines that carry a keyword. Characters outside ASCII
 * reset the automaton (keywords are ASCII by catalog validation).
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

  /**
   * For each state (row offset {@code >> shift}), the ids of the rules whose keyword ends there, or
   * null.
   */
  final int[][] rulesAt;

  /** The longest keyword: the automaton's state depends on no more than this many characters. */
  final int maxLength;

  KeywordIndex(List<List<String>> keywordsByRule) {
    cls = new byte[ALPHABET];
    int classes = 1;
    int longest = 0;
    int chars = 0;
    for (List<String> kws : keywordsByRule) {
      for (String kw : kws) {
        longest = Math.max(longest, kw.length());
        chars += kw.length();
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
    Trie trie = new Trie(chars + 1, cls);
    for (int rule = 0; rule < keywordsByRule.size(); rule++) {
      for (String kw : keywordsByRule.get(rule)) {
        trie.add(kw, rule);
      }
    }
    int n = trie.states;
    int width = 1 << shift;
    // Built row by row in breadth-first order, each already in its final form: a state's row is
    // its failure state's row (one array copy; that state is shallower, so done) with its own
    // children written over it. Only the trie's edges are visited, never a whole row: a hook builds
    // this before anything is compiled, where a pass over every entry cost milliseconds.
    int[] table = new int[n * width];
    int[][] rules = new int[n][];
    int[] fail = new int[n];
    rules[0] = trie.rules[0];
    Arrays.fill(table, 0, width, rules[0] != null ? HIT : 0);
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int t = trie.firstChild[0]; t != 0; t = trie.sibling[t]) {
      rules[t] = union(trie.rules[t], rules[0]);
      table[trie.label[t]] = (t << shift) | (rules[t] != null ? HIT : 0);
      queue[tail++] = t;
    }
    while (head < tail) {
      int s = queue[head++];
      int row = s << shift;
      System.arraycopy(table, fail[s] << shift, table, row, width);
      for (int t = trie.firstChild[s]; t != 0; t = trie.sibling[t]) {
        int c = trie.label[t];
        fail[t] = (table[(fail[s] << shift) + c] & ~HIT) >>> shift;
        rules[t] = union(trie.rules[t], rules[fail[t]]);
        table[row + c] = (t << shift) | (rules[t] != null ? HIT : 0);
        queue[tail++] = t;
      }
    }
    next = table;
    rulesAt = rules;
  }

  /** The sorted union of two sorted id sets, each null when empty. */
  private static int[] union(int[] a, int[] b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length || j < b.length) {
      int v = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
      if (k == 0 || out[k - 1] != v) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * The keywords' trie, with each state's children as a linked list (first child, next sibling) and
   * the character class that leads to it.
   */
  private static final class Trie {
    final byte[] cls;
    final int[] firstChild;
    final int[] sibling;
    final int[] label;

    /** The rules whose keyword ends at each state, sorted, or null. */
    final int[][] rules;

    int states = 1;

    Trie(int capacity, byte[] cls) {
      this.cls = cls;
      firstChild = new int[capacity];
      sibling = new int[capacity];
      label = new int[capacity];
      rules = new int[capacity][];
    }

    void add(String keyword, int rule) {
      int s = 0;
      for (int i = 0; i < keyword.length(); i++) {
        int c = cls[Character.toLowerCase(keyword.charAt(i)) & 0x7f];
        int t = firstChild[s];
        while (t != 0 && label[t] != c) {
          t = sibling[t];
        }
        if (t == 0) {
          t = states++;
          label[t] = c;
          sibling[t] = firstChild[s];
          firstChild[s] = t;
        }
        s = t;
      }
      rules[s] = union(rules[s], new int[] {rule});
    }
  }

  private static final long[] NONE = new long[0];

  /**
   * Every keyword hit in {@code text}, in text order, as {@code (long) endIndex << 32 | state}:
   * {@code endIndex} is the index of the keyword's last character and {@code state} indexes {@link
   * #rulesAt}.
   *
   * <p>The automaton's next state depends on the one before, so a single pass is bound by the
   * latency of one table load per character. The text is cut in three parts scanned in the same
   * loop by three independent automata, which the CPU overlaps; each part after the first starts
   * {@code maxLength - 1} characters early, from the root, so its state is exact by the time it
   * reaches its part (hits in that lead-in belong to the part before and are not reported twice). A
   * packed hit sorts by its index, so sorting puts the parts' hits back in text order.
   */
  long[] hits(String text) {
    int n = text.length();
    int lead = Math.max(0, maxLength - 1);
    int q = n / 3;
    // Positions (0..2) and states (3..5) of the automata, kept between calls of the scan loops.
    int[] at = new int[6];
    long[] buf = new long[64];
    int count = 0;
    if (q <= 2 * lead + 16) {
      while ((count = scan1(text, at, 0, n, buf, count)) < 0) {
        count = -count - 1;
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      return count == 0 ? NONE : Arrays.copyOf(buf, count);
    }
    at[1] = q - lead;
    at[2] = 2 * q - lead;
    while ((count = scan3(text, at, q, buf, count)) < 0) {
      count = -count - 1;
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    while ((count = scan1(text, at, 1, 2 * q, buf, count)) < 0) {
      count = -count - 1;
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    while ((count = scan1(text, at, 2, n, buf, count)) < 0) {
      count = -count - 1;
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    if (count == 0) {
      return NONE;
    }
    long[] all = Arrays.copyOf(buf, count);
    Arrays.sort(all);
    return all;
  }

  /**
   * The three automata in step until the first reaches {@code q} (each reports only from the start
   * of its own part, {@code k * q}). Returns the new hit count, or {@code -count - 1} when {@code
   * buf} may not hold the next hits (grow it and call again). No calls happen inside these loops: a
   * call, even on the rare path, measured twice as slow on text with keywords.
   */
  private int scan3(String text, int[] at, int q, long[] buf, int count) {
    final int[] next = this.next;
    final byte[] cls = this.cls;
    final int shift = this.shift;
    final int e1 = q;
    final int e2 = 2 * q;
    int i0 = at[0];
    int i1 = at[1];
    int i2 = at[2];
    int s0 = at[3];
    int s1 = at[4];
    int s2 = at[5];
    int c = count;
    int result = 0;
    while (i0 < q) {
      if (c > buf.length - 3) {
        result = -c - 1;
        break;
      }
      // The tight loop leaves at the first hit of any automaton; hits are rare.
      int n0 = 0;
      int n1 = 0;
      int n2 = 0;
      for (; i0 < q; i0++, i1++, i2++) {
        char c0 = text.charAt(i0);
        char c1 = text.charAt(i1);
        char c2 = text.charAt(i2);
        n0 = next[s0 | (c0 < ALPHABET ? cls[c0] : 0)];
        n1 = next[s1 | (c1 < ALPHABET ? cls[c1] : 0)];
        n2 = next[s2 | (c2 < ALPHABET ? cls[c2] : 0)];
        s0 = n0 & ~HIT;
        s1 = n1 & ~HIT;
        s2 = n2 & ~HIT;
        if ((n0 | n1 | n2) < 0) {
          break;
        }
      }
      if (i0 == q) {
        break;
      }
      if (n0 < 0) {
        buf[c++] = ((long) i0 << 32) | (s0 >>> shift);
      }
      if (n1 < 0 && i1 >= e1) {
        buf[c++] = ((long) i1 << 32) | (s1 >>> shift);
      }
      if (n2 < 0 && i2 >= e2) {
        buf[c++] = ((long) i2 << 32) | (s2 >>> shift);
      }
      i0++;
      i1++;
      i2++;
    }
    at[0] = i0;
    at[1] = i1;
    at[2] = i2;
    at[3] = s0;
    at[4] = s1;
    at[5] = s2;
    return result < 0 ? result : c;
  }

  /** Automaton {@code k} alone up to {@code to}; returns as {@link #scan3} does. */
  private int scan1(String text, int[] at, int k, int to, long[] buf, int count) {
    final int[] next = this.next;
    final byte[] cls = this.cls;
    int i = at[k];
    int s = at[3 + k];
    int c = count;
    int result = 0;
    while (i < to) {
      if (c == buf.length) {
        result = -c - 1;
        break;
      }
      int t = 0;
      for (; i < to; i++) {
        char ch = text.charAt(i);
        t = next[s | (ch < ALPHABET ? cls[ch] : 0)];
        s = t & ~HIT;
        if (t < 0) {
          break;
        }
      }
      if (i == to) {
        break;
      }
      buf[c++] = ((long) i << 32) | (s >>> shift);
      i++;
    }
    at[k] = i;
    at[3 + k] = s;
    return result < 0 ? result : c;
  }
}
