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
 */
final class KeywordIndex {

  static final int ALPHABET = 128;

  /**
   * {@code delta[state * 128 + c]}: the next state, already folded to lower case, with the sign
   * bit set when that state completes a keyword, so the scan loop needs one load per character.
   */
  final int[] delta;

  /** Set in a {@link #delta} entry whose target state has rules (mask it off to get the state). */
  static final int HIT = 0x80000000;
  /** For each state, the ids of the rules whose keyword ends here (or {@code null}). */
  final int[][] rulesAt;

  KeywordIndex(List<List<String>> keywordsByRule) {
    // The trie: each state's children as (character, state) pairs, lower case only.
    List<int[]> children = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    children.add(new int[0]);
    out.add(new ArrayList<>());
    for (int rule = 0; rule < keywordsByRule.size(); rule++) {
      for (String kw : keywordsByRule.get(rule)) {
        int s = 0;
        for (int i = 0; i < kw.length(); i++) {
          int c = Character.toLowerCase(kw.charAt(i)) & 0x7f;
          int t = child(children.get(s), c);
          if (t < 0) {
            t = children.size();
            int[] row = children.get(s);
            int[] grown = Arrays.copyOf(row, row.length + 2);
            grown[row.length] = c;
            grown[row.length + 1] = t;
            children.set(s, grown);
            children.add(new int[0]);
            out.add(new ArrayList<>());
          }
          s = t;
        }
        if (!out.get(s).contains(rule)) {
          out.get(s).add(rule);
        }
      }
    }
    int n = children.size();
    int[] fail = new int[n];
    delta = new int[n * ALPHABET];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] top = children.get(0);
    for (int i = 0; i < top.length; i += 2) {
      queue.add(top[i + 1]);
      set(0, top[i], top[i + 1]);
    }
    // Breadth first: a state's row is its failure state's row (one array copy) with its own
    // children written over it. Copying instead of computing each of 128 entries keeps the build
    // cheap enough for a hook's start-up, before any of it is compiled.
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int r : out.get(fail[s])) {
        if (!out.get(s).contains(r)) {
          out.get(s).add(r);
        }
      }
      int[] kids = children.get(s);
      for (int i = 0; i < kids.length; i += 2) {
        fail[kids[i + 1]] = delta[fail[s] * ALPHABET + kids[i]];
      }
      System.arraycopy(delta, fail[s] * ALPHABET, delta, s * ALPHABET, ALPHABET);
      for (int i = 0; i < kids.length; i += 2) {
        queue.add(kids[i + 1]);
        set(s, kids[i], kids[i + 1]);
      }
    }
    rulesAt = new int[n][];
    for (int s = 0; s < n; s++) {
      List<Integer> rs = out.get(s);
      if (!rs.isEmpty()) {
        int[] ids = new int[rs.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = rs.get(i);
        }
        Arrays.sort(ids);
        rulesAt[s] = ids;
      }
    }
    for (int i = 0; i < delta.length; i++) {
      if (rulesAt[delta[i]] != null) {
        delta[i] |= HIT;
      }
    }
  }

  /** Sets the transition on {@code c}, for its upper case too (the scan loop folds no case). */
  private void set(int s, int c, int t) {
    delta[s * ALPHABET + c] = t;
    if (c >= 'a' && c <= 'z') {
      delta[s * ALPHABET + c - 'a' + 'A'] = t;
    }
  }

  private static int child(int[] kids, int c) {
    for (int i = 0; i < kids.length; i += 2) {
      if (kids[i] == c) {
        return kids[i + 1];
      }
    }
    return -1;
  }
}
