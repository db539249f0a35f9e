package dev.sealant.git;

import dev.sealant.source.Content;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which lines of a new file version are "added". Against one old version: the lines both versions
 * begin with and the lines both end with are not; of the lines between, a line is added when the
 * old version's lines between hold no twin of it left over (a multiset difference, in O(n)), so a
 * line that only moved introduces nothing. Against several old versions (the parents of a merge) a
 * line is added only when it is added against every one of them. Lines are compared by their {@link
 * HashedLines} hashes, so a line whose only change is its terminator is not added.
 *
 * <p>A history scan compares every version of a file with the one before it, and a typical edit
 * leaves most lines where they were: {@link #runs(byte[], List, Optional, LineMultiset)} compares
 * the raw bytes of the two versions from both ends first (no hashing), and splits and hashes only
 * the lines between, which are usually a few.
 */
final class AddedLines {

  private AddedLines() {}

  /** Added lines {@code text} (terminators included) from 1-based line {@code line} on. */
  record Run(int line, String text) {}

  /**
   * The added lines of {@code now} (BOM-free UTF-8) against the old versions {@code befores}, then
   * against {@code pool} (the lines a commit deleted, when {@code now} is a new path), as runs;
   * with neither, the whole text is one run. {@code table} is a reusable multiset.
   */
  static List<Run> runs(
      byte[] now, List<byte[]> befores, Optional<LineMultiset> pool, LineMultiset table) {
    if (befores.isEmpty() && pool.isEmpty()) {
      return now.length == 0
          ? List.of()
          : List.of(new Run(1, Content.decodeUtf8(now, 0, now.length)));
    }
    if (!befores.isEmpty() && pool.isEmpty()) {
      Optional<List<Run>> fast = fromBothEnds(now, befores, table);
      if (fast.isPresent()) {
        return fast.get();
      }
    }
    HashedLines lines = HashedLines.of(now);
    List<long[]> hashes = new ArrayList<>(befores.size());
    for (byte[] b : befores) {
      hashes.add(HashedLines.of(b).hashes());
    }
    return runs(lines, added(lines, hashes, pool, table), 0);
  }

  /**
   * Where {@code now} differs from one old version: its lines {@code [from, toN)} against the old
   * version's {@code [from, toO)}, whole lines, of which the first {@code before} and the last
   * {@code after} are common to both (the blank and armour lines beside the difference, which
   * {@link #runs(HashedLines, boolean[])} looks at).
   */
  private record Bounds(int from, int toN, int toO, int before, int after) {}

  /**
   * Against old versions: for each, the common beginning and end found on raw bytes, and only the
   * lines between split and hashed (those of {@code now} once, over the span every old version's
   * bounds cover). Empty when the line hashes would draw the bounds elsewhere (a changed terminator
   * next to them: hash-equal lines that differ in bytes), for then only the definition over every
   * line gives the same answer.
   */
  private static Optional<List<Run>> fromBothEnds(byte[] n, List<byte[]> olds, LineMultiset table) {
    List<Bounds> bounds = new ArrayList<>(olds.size());
    int from = n.length;
    int to = 0;
    for (byte[] o : olds) {
      Optional<Bounds> b = bounds(n, o);
      if (b.isEmpty()) {
        return Optional.of(List.of()); // the same text as an old version adds nothing
      }
      bounds.add(b.get());
      from = Math.min(from, b.get().from());
      to = Math.max(to, b.get().toN());
    }
    HashedLines lines = HashedLines.of(n, from, to);
    boolean[] added = new boolean[lines.count()];
    Arrays.fill(added, true);
    boolean[] against = new boolean[added.length];
    for (int k = 0; k < olds.size(); k++) {
      if (!against(lines, n, olds.get(k), bounds.get(k), table, against)) {
        return Optional.empty();
      }
      for (int i = 0; i < added.length; i++) {
        added[i] &= against[i];
      }
    }
    for (boolean a : added) {
      if (a) {
        return Optional.of(runs(lines, added, HashedLines.countBefore(n, from)));
      }
    }
    return Optional.of(List.of());
  }

  /** The bounds of the difference from {@code o}; empty when the texts are the same. */
  private static Optional<Bounds> bounds(byte[] n, byte[] o) {
    int m = Arrays.mismatch(n, o);
    if (m < 0) {
      return Optional.empty();
    }
    int head = lineStart(n, m);
    int same = commonLines(n, o, head);
    // Widened by the boring lines beside the difference, each a line both versions share.
    int from = head;
    int before = 0;
    while (from > 0) {
      int s = lineStartBefore(n, from);
      if (!HashedLines.boring(n, s, from)) {
        break;
      }
      from = s;
      before++;
    }
    int toN = n.length - same;
    int toO = o.length - same;
    int after = 0;
    while (toN < n.length) {
      int e = nextLine(n, toN);
      if (!HashedLines.boring(n, toN, e)) {
        break;
      }
      toO += e - toN;
      toN = e;
      after++;
    }
    return Optional.of(new Bounds(from, toN, toO, before, after));
  }

  /**
   * Sets {@code out} for the lines of {@code lines} (of {@code n}) against one old version within
   * its bounds, false elsewhere; false when the line hashes would draw the bounds elsewhere.
   */
  private static boolean against(
      HashedLines lines, byte[] n, byte[] o, Bounds b, LineMultiset table, boolean[] out) {
    int i0 = lines.lineAt(b.from());
    int i1 = lines.lineAt(b.toN());
    long[] h = lines.hashes();
    if (i0 > 0 || i1 < h.length) {
      h = Arrays.copyOfRange(h, i0, i1);
    }
    long[] g = HashedLines.of(o, b.from(), b.toO()).hashes();
    int p = commonStart(h, g);
    int s = commonEnd(h, g, p);
    if (p != b.before() || s != b.after() || sameLineBeyond(h, g, p, n, b.toN(), o, b.toO())) {
      return false;
    }
    boolean[] flags = new boolean[h.length];
    between(h, g, p, s, table, flags);
    Arrays.fill(out, false);
    System.arraycopy(flags, 0, out, i0, flags.length);
    return true;
  }

  /**
   * Whether the common beginning over every line would go on past one version's part: when the
   * other's first line after the beginning has a twin (by hash) right after that part, in its
   * common end.
   */
  private static boolean sameLineBeyond(
      long[] h, long[] g, int p, byte[] n, int toN, byte[] o, int toO) {
    if (p < h.length && p == g.length && toO < o.length) {
      return h[p] == lineHash(o, toO);
    }
    if (p == h.length && p < g.length && toN < n.length) {
      return g[p] == lineHash(n, toN);
    }
    return false;
  }

  private static long lineHash(byte[] b, int start) {
    int end = start;
    while (end < b.length && b[end] != '\n' && b[end] != '\r') {
      end++;
    }
    return HashedLines.hash(b, start, end);
  }

  /**
   * The start of the line holding {@code m}, the first difference: a line start in both versions,
   * since a {@code \r} right before the difference may end a line in one and not in the other.
   */
  private static int lineStart(byte[] n, int m) {
    int head = m - 1;
    while (head >= 0
        && n[head] != '\n'
        && !(n[head] == '\r' && head + 1 < m && n[head + 1] != '\n')) {
      head--;
    }
    return head + 1;
  }

  /**
   * How many bytes both versions end with, from the first position there that starts a line in both
   * (or none): never reaching back before {@code head}.
   */
  private static int commonLines(byte[] n, byte[] o, int head) {
    int same = HashedLines.commonEnd(n, o, Math.min(n.length, o.length) - head);
    int tailN = n.length - same;
    int tailO = o.length - same;
    if ((tailN == 0 || HashedLines.endsLine(n, tailN - 1))
        && (tailO == 0 || HashedLines.endsLine(o, tailO - 1))) {
      return same;
    }
    return n.length - nextLine(n, tailN);
  }

  /** The start of the line after the one at {@code at} (or the end). */
  private static int nextLine(byte[] b, int at) {
    int e = at;
    while (e < b.length && !HashedLines.endsLine(b, e)) {
      e++;
    }
    return Math.min(e + 1, b.length);
  }

  /** The start of the line that ends right before {@code at} (a line start above 0). */
  private static int lineStartBefore(byte[] b, int at) {
    int j = at - 1; // the terminator: \n (maybe after \r) or a lone \r
    if (b[j] == '\n' && j > 0 && b[j - 1] == '\r') {
      j--;
    }
    while (j > 0 && !HashedLines.endsLine(b, j - 1)) {
      j--;
    }
    return j;
  }

  private static List<Run> runs(HashedLines lines, boolean[] added, int offset) {
    List<Run> out = new ArrayList<>();
    for (int[] r : runs(lines, added)) {
      out.add(new Run(offset + r[0] + 1, lines.slice(r[0], r[1])));
    }
    return out;
  }

  /** One flag per line of {@code now}; an empty {@code befores} list means every line is added. */
  static boolean[] added(HashedLines now, List<LineMultiset> befores) {
    boolean[] added = new boolean[now.count()];
    Arrays.fill(added, true);
    for (LineMultiset before : befores) {
      take(now.hashes(), 0, now.count(), before, added);
    }
    return added;
  }

  /**
   * The flags against old versions given by their line hashes, then against {@code pool} (the lines
   * a commit deleted, when {@code now} is a new path), filling the reusable {@code table} with each
   * old version in turn: for each, the lines both begin with and both end with are not added, and
   * the table holds only the old lines between.
   */
  static boolean[] added(
      HashedLines now, List<long[]> befores, Optional<LineMultiset> pool, LineMultiset table) {
    long[] h = now.hashes();
    boolean[] added = new boolean[h.length];
    Arrays.fill(added, true);
    boolean[] against = befores.size() > 1 ? new boolean[h.length] : added;
    for (long[] before : befores) {
      int p = commonStart(h, before);
      int s = commonEnd(h, before, p);
      if (against != added) {
        Arrays.fill(against, false);
      }
      between(h, before, p, s, table, against);
      if (against != added) {
        for (int i = 0; i < h.length; i++) {
          added[i] &= against[i];
        }
      }
    }
    if (pool.isPresent()) {
      take(h, 0, h.length, pool.get(), added);
    }
    return added;
  }

  private static int commonStart(long[] h, long[] g) {
    int limit = Math.min(h.length, g.length);
    int p = 0;
    while (p < limit && h[p] == g[p]) {
      p++;
    }
    return p;
  }

  /** The lines both end with, not counting the first {@code p} (already common). */
  private static int commonEnd(long[] h, long[] g, int p) {
    int limit = Math.min(h.length, g.length) - p;
    int s = 0;
    while (s < limit && h[h.length - 1 - s] == g[g.length - 1 - s]) {
      s++;
    }
    return s;
  }

  /**
   * Sets {@code added} for {@code h}'s lines between its first {@code p} and last {@code s} (all
   * others false): true when {@code g}'s lines between hold no twin left over.
   */
  private static void between(
      long[] h, long[] g, int p, int s, LineMultiset table, boolean[] added) {
    Arrays.fill(added, false);
    table.reset(g.length - p - s);
    table.addAll(g, p, g.length - s);
    for (int i = p; i < h.length - s; i++) {
      added[i] = !table.take(h[i]);
    }
  }

  private static void take(long[] h, int from, int to, LineMultiset before, boolean[] added) {
    for (int i = from; i < to; i++) {
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
  static List<int[]> runs(HashedLines lines, boolean[] added) {
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
