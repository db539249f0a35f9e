package dev.sealant.git;

import java.util.ArrayList;
import java.util.List;

/**
 * Which lines of a new file version are "added": the multiset difference of its lines against
 * each old version's, in O(n). A line that only moved introduces nothing. Against several old
 * versions (the parents of a merge) a line is added only when it is missing from every one of them.
 */
final class AddedLines {

  private AddedLines() {}

  /** One flag per line of {@code now}; an empty {@code befores} list means every line is added. */
  static boolean[] added(Lines now, List<LineCounts> befores) {
    boolean[] added = new boolean[now.count()];
    java.util.Arrays.fill(added, true);
    for (LineCounts before : befores) {
      for (int i = 0; i < added.length; i++) {
        if (before.take(now.hash(i))) {
          added[i] = false;
        }
      }
    }
    return added;
  }

  /**
   * Contiguous runs {@code [from, to)} of added lines. Boring lines (blank, PEM armour) next to a
   * run join it, and bridge two runs, so a key block added among existing blank lines stays whole.
   */
  static List<int[]> runs(Lines lines, boolean[] added) {
    boolean[] in = added.clone();
    int n = in.length;
    int i = 0;
    while (i < n) {
      if (in[i] || !lines.boring(i)) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !in[j] && lines.boring(j)) {
        j++;
      }
      boolean touches = (i > 0 && in[i - 1]) || (j < n && in[j]);
      if (touches) {
        java.util.Arrays.fill(in, i, j, true);
      }
      i = j;
    }
    List<int[]> runs = new ArrayList<>();
    for (int k = 0; k < n; ) {
      if (!in[k]) {
        k++;
        continue;
      }
      int from = k;
      while (k < n && in[k]) {
        k++;
      }
      runs.add(new int[] {from, k});
    }
    return runs;
  }
}
