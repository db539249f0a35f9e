package dev.sealant.git;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which lines of a new file version are "added": the multiset difference of its lines against each
 * old version's, in O(n). A line that only moved introduces nothing. Against several old versions
 * (the parents of a merge) a line is added only when it is missing from every one of them.
 */
final class AddedLines {

  private AddedLines() {}

  /** One flag per line of {@code now}; an empty {@code befores} list means every line is added. */
  static boolean[] added(Lines now, List<LineCounts> befores) {
    boolean[] added = new boolean[now.count()];
    Arrays.fill(added, true);
    for (LineCounts before : befores) {
      take(now.hashes(), 0, before, added);
    }
    return added;
  }

  /**
   * The same flags against old versions given by their line hashes, then against {@code pool} (the
   * lines a commit deleted, when {@code now} is a new path), filling the reusable {@code table}
   * with each old version in turn.
   *
   * <p>The lines both versions begin with are not added, and the multiset difference of the rest is
   * the full one's: each of those leading lines would take its own twin out of the old version's
   * multiset, leaving exactly the old version's remaining lines. So the table holds only what
   * follows the common beginning, which for a typical edit is about half the file.
   */
  static boolean[] added(
      Lines now, List<long[]> befores, Optional<LineCounts> pool, LineCounts table) {
    long[] h = now.hashes();
    boolean[] added = new boolean[h.length];
    Arrays.fill(added, true);
    for (long[] before : befores) {
      int limit = Math.min(h.length, before.length);
      int p = 0;
      while (p < limit && h[p] == before[p]) {
        added[p++] = false;
      }
      table.reset(before.length - p);
      table.addAll(before, p, before.length);
      take(h, p, table, added);
    }
    if (pool.isPresent()) {
      take(h, 0, pool.get(), added);
    }
    return added;
  }

  private static void take(long[] h, int from, LineCounts before, boolean[] added) {
    for (int i = from; i < h.length; i++) {
      if (before.take(h[i])) {
        added[i] = false;
      }
    }
  }

  /**
   * Contiguous runs {@code [from, to)} of added lines. Boring lines (blank, PEM armour) next to a
   * run join it, and bridge two runs, so a key block added among existing blank lines stays whole.
   * Only the lines beside a run are looked at, so a file with few added lines costs little.
   */
  static List<int[]> runs(Lines lines, boolean[] added) {
    int n = added.length;
    boolean[] in = null;
    for (int i = 0; i < n; i++) {
      if (!added[i]) {
        continue;
      }
      if (in == null) {
        in = added.clone();
      }
      for (int j = i - 1; j >= 0 && !added[j] && !in[j] && lines.boring(j); j--) {
        in[j] = true;
      }
      for (int j = i + 1; j < n && !added[j] && lines.boring(j); j++) {
        in[j] = true;
      }
    }
    List<int[]> runs = new ArrayList<>();
    if (in == null) {
      return runs;
    }
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
