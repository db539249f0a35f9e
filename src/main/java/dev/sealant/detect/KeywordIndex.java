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
    List<int[]> gotoRows = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(new ArrayList<>());
    for (int rule = 0; rule < keywordsByRule.size(); rule++) {
      for (String kw : keywordsByRule.get(rule)) {
        int s = 0;
        for (int i = 0; i < kw.length(); i++) {
          int c = Character.toLowerCase(kw.charAt(i)) & 0x7f;
          if (gotoRows.get(s)[c] < 0) {
            gotoRows.get(s)[c] = gotoRows.size();
            gotoRows.add(newRow());
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
    delta = new int[n * ALPHABET];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int t = gotoRows.get(0)[c];
      if (t > 0) {
        fail[t] = 0;
        queue.add(t);
        delta[c] = t;
      } else {
        delta[c] = 0;
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int r : out.get(fail[s])) {
        if (!out.get(s).contains(r)) {
          out.get(s).add(r);
        }
      }
      for (int c = 0; c < ALPHABET; c++) {
        int t = gotoRows.get(s)[c];
        if (t > 0) {
          fail[t] = delta[fail[s] * ALPHABET + c];
          queue.add(t);
          delta[s * ALPHABET + c] = t;
        } else {
          delta[s * ALPHABET + c] = delta[fail[s] * ALPHABET + c];
        }
      }
    }
    // Fold upper case onto lower case so the scan loop needs no case conversion.
    for (int s = 0; s < n; s++) {
      for (int c = 'A'; c <= 'Z'; c++) {
        delta[s * ALPHABET + c] = delta[s * ALPHABET + Character.toLowerCase(c)];
      }
    }
    rulesAt = new int[n][];
    for (int s = 0; s < n; s++) {
      List<Integer> rs = out.get(s);
      rulesAt[s] = rs.isEmpty() ? null : rs.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    for (int i = 0; i < delta.length; i++) {
      if (rulesAt[delta[i]] != null) {
        delta[i] |= HIT;
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }
}
