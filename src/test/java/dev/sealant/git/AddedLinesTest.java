package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddedLinesTest {

  private static boolean[] added(String now, String... befores) {
    List<LineMultiset> counts =
        Arrays.stream(befores).map(b -> LineMultiset.of(HashedLines.of(b))).toList();
    return AddedLines.added(HashedLines.of(now), counts);
  }

  private static String runs(String now, String... befores) {
    HashedLines lines = HashedLines.of(now);
    List<LineMultiset> counts =
        Arrays.stream(befores).map(b -> LineMultiset.of(HashedLines.of(b))).toList();
    return AddedLines.runs(lines, AddedLines.added(lines, counts)).stream()
        .map(
            r ->
                (r[0] + 1) + ":" + lines.slice(r[0], r[1]).replace("\n", "|").replace("\r", "<cr>"))
        .collect(Collectors.joining(" "));
  }

  @Test
  void lineEndsAreNewlineCrlfAndLoneCr() {
    HashedLines l = HashedLines.of("a\nb\r\nc\rd");
    assertEquals(4, l.count());
    assertEquals("b\r\n", l.slice(1, 2));
    assertEquals("c\r", l.slice(2, 3));
    assertEquals("d", l.slice(3, 4));
    assertEquals(0, HashedLines.of("").count());
  }

  @Test
  void movedLinesAddNothing() {
    assertArrayEquals(new boolean[] {false, false, false}, added("c\na\nb\n", "a\nb\nc\n"));
  }

  @Test
  void lineEndingChangeAloneAddsNothing() {
    assertArrayEquals(new boolean[] {false, false}, added("a\r\nb\r\n", "a\nb\n"));
  }

  @Test
  void duplicatesCountAsAMultiset() {
    assertArrayEquals(new boolean[] {false, true}, added("x\nx\n", "x\n"));
  }

  @Test
  void runsCarryTheirNewSideLineNumbers() {
    assertEquals("2:new1|new2| 5:new3|", runs("a\nnew1\nnew2\nb\nnew3\n", "a\nb\n"));
  }

  @Test
  void mergeAddsOnlyLinesMissingFromEveryParent() {
    assertArrayEquals(
        new boolean[] {false, false, true},
        added("ours\ntheirs\nresolution\n", "ours\n", "theirs\n"));
  }

  @Test
  void blankAndArmourLinesKeepAKeyBlockWhole() {
    String old = "-----END RSA PRIVATE KEY-----\n\n";
    String now = "keyA\n\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
    assertEquals(
        "1:keyA||-----BEGIN RSA PRIVATE KEY-----|MIIB|-----END RSA PRIVATE KEY-----|",
        runs(now, old));
  }

  /** Property: against random edits, lines absent from the old version are always added. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void everyNewLineIsReported(long seed) {
    Random r = new Random(seed);
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    Set<String> oldLines = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String line = "l" + r.nextInt(50);
      old.append(line).append(r.nextBoolean() ? "\n" : "\r\n");
      oldLines.add(line);
    }
    for (int i = 0; i < 200; i++) {
      now.append("l").append(r.nextInt(80)).append(r.nextInt(3) == 0 ? "\r" : "\n");
    }
    HashedLines lines = HashedLines.of(now.toString());
    boolean[] added = added(now.toString(), old.toString());
    for (int i = 0; i < lines.count(); i++) {
      String text = lines.slice(i, i + 1).strip();
      if (!oldLines.contains(text)) {
        assertEquals(true, added[i], "seed " + seed + " line " + (i + 1) + " '" + text + "'");
      }
    }
  }

  /**
   * Random text over a small alphabet of lines, blank and armour lines among them, mixed line ends.
   */
  private static String randomText(Random r, int lines) {
    String[] pool = {
      "a", "b", "c", "key = v", "", "  ", "-----END X-----", "x".repeat(9), "é", "y".repeat(17)
    };
    String[] ends = {"\n", "\r\n", "\r"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append(pool[r.nextInt(pool.length)]);
      if (i + 1 < lines || r.nextBoolean()) {
        b.append(ends[r.nextInt(ends.length)]);
      }
    }
    return b.toString();
  }

  /**
   * The definition, written plainly: against each old version, the lines both begin and end with
   * are not added, and a line between is added when the old lines between hold no twin left over
   * (counted in a map); against several, only what is added against all; then the pool.
   */
  private static boolean[] reference(HashedLines now, List<HashedLines> befores, HashedLines pool) {
    int n = now.count();
    boolean[] added = new boolean[n];
    Arrays.fill(added, true);
    for (HashedLines old : befores) {
      int m = old.count();
      int p = 0;
      while (p < Math.min(n, m) && now.hash(p) == old.hash(p)) {
        p++;
      }
      int s = 0;
      while (s < Math.min(n, m) - p && now.hash(n - 1 - s) == old.hash(m - 1 - s)) {
        s++;
      }
      Map<Long, Integer> left = new HashMap<>();
      for (int i = p; i < m - s; i++) {
        left.merge(old.hash(i), 1, Integer::sum);
      }
      for (int i = 0; i < n; i++) {
        boolean here = false;
        if (i >= p && i < n - s) {
          int k = left.getOrDefault(now.hash(i), 0);
          here = k == 0;
          left.put(now.hash(i), Math.max(0, k - 1));
        }
        added[i] &= here;
      }
    }
    if (pool != null) {
      Map<Long, Integer> left = new HashMap<>();
      for (int i = 0; i < pool.count(); i++) {
        left.merge(pool.hash(i), 1, Integer::sum);
      }
      for (int i = 0; i < n; i++) {
        int k = left.getOrDefault(now.hash(i), 0);
        if (k > 0) {
          added[i] = false;
          left.put(now.hash(i), k - 1);
        }
      }
    }
    return added;
  }

  /** An edit of {@code old}'s lines: some inserted, deleted, replaced or re-terminated. */
  private static String edit(Random r, String old) {
    HashedLines lines = HashedLines.of(old);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= lines.count(); i++) {
      if (r.nextInt(8) == 0) {
        b.append(randomText(r, 1 + r.nextInt(3))).append(r.nextBoolean() ? "\n" : "\r\n");
      }
      if (i == lines.count()) {
        break;
      }
      String line = lines.slice(i, i + 1);
      int k = r.nextInt(12);
      if (k == 0) {
        continue; // deleted
      } else if (k == 1) {
        b.append(randomText(r, 1)).append("\n"); // replaced
      } else if (k == 2) {
        b.append(line.strip()).append(r.nextBoolean() ? "\r\n" : "\r"); // re-terminated
      } else {
        b.append(line);
      }
    }
    return b.toString();
  }

  /**
   * Property: the flags against old versions' hashes (one reusable table) and the runs from raw
   * bytes (the common beginning and end compared as bytes, only the rest split) equal the plain
   * definition's flags and its runs (every boring line looked at), with line numbers of the whole
   * file.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 77, 2024})
  void comparingFromBothEndsChangesNothing(long seed) {
    Random r = new Random(seed);
    LineMultiset table = new LineMultiset(16);
    for (int round = 0; round < 600; round++) {
      String now = randomText(r, r.nextInt(40));
      int kind = r.nextInt(6);
      int parents = kind == 0 ? 0 : kind == 1 ? 2 : kind == 2 ? 3 : 1;
      String[] befores = new String[parents];
      for (int p = 0; p < parents; p++) {
        // Mostly an edit of the new version, sometimes a shared beginning only, or unrelated text.
        int k = r.nextInt(6);
        befores[p] =
            k == 0
                ? randomText(r, r.nextInt(40))
                : k == 1
                    ? now.substring(0, r.nextInt(now.length() + 1)) + randomText(r, r.nextInt(5))
                    : edit(r, now);
      }
      String pool = r.nextInt(6) == 0 ? randomText(r, r.nextInt(10)) : null;
      HashedLines lines = HashedLines.of(now);
      List<HashedLines> plain = new ArrayList<>();
      List<long[]> hashes = new ArrayList<>();
      List<byte[]> texts = new ArrayList<>();
      for (String b : befores) {
        plain.add(HashedLines.of(b));
        hashes.add(HashedLines.of(b).hashes());
        texts.add(b.getBytes(StandardCharsets.UTF_8));
      }
      Optional<LineMultiset> poolCounts =
          pool == null ? Optional.empty() : Optional.of(LineMultiset.of(HashedLines.of(pool)));
      boolean[] expected = reference(lines, plain, pool == null ? null : HashedLines.of(pool));
      String where = "seed " + seed + " round " + round;
      assertArrayEquals(
          expected,
          AddedLines.added(
              lines,
              hashes,
              pool == null ? Optional.empty() : Optional.of(LineMultiset.of(HashedLines.of(pool))),
              table),
          where);
      List<String> runs = plainRuns(lines, expected);
      List<String> expectedRuns = new ArrayList<>();
      for (String run : runs) {
        String[] ends = run.substring(1, run.length() - 1).split(", ");
        int from = Integer.parseInt(ends[0]);
        int to = Integer.parseInt(ends[1]);
        expectedRuns.add((from + 1) + ":" + lines.slice(from, to));
      }
      if (parents == 0 && pool == null) {
        expectedRuns = now.isEmpty() ? List.of() : List.of("1:" + now);
      }
      assertEquals(
          expectedRuns,
          AddedLines.runs(now.getBytes(StandardCharsets.UTF_8), texts, poolCounts, table).stream()
              .map(x -> x.line() + ":" + x.text())
              .collect(Collectors.toList()),
          where + "\nnow: " + now + "\nbefores: " + Arrays.toString(befores));
    }
  }

  /** The runs as first defined: every maximal block of boring lines is looked at. */
  private static List<String> plainRuns(HashedLines lines, boolean[] added) {
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
      if ((i > 0 && in[i - 1]) || (j < n && in[j])) {
        Arrays.fill(in, i, j, true);
      }
      i = j;
    }
    List<String> runs = new ArrayList<>();
    for (int k = 0; k < n; ) {
      if (!in[k]) {
        k++;
        continue;
      }
      int from = k;
      while (k < n && in[k]) {
        k++;
      }
      runs.add(Arrays.toString(new int[] {from, k}));
    }
    return runs;
  }

  /** Property: the one-pass split hashes each line as the reference hash does, on every length. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99})
  void onePassHashesEqualTheReference(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 500; round++) {
      byte[] b = new byte[r.nextInt(100)];
      for (int i = 0; i < b.length; i++) {
        int k = r.nextInt(12);
        b[i] = k == 0 ? (byte) '\n' : k == 1 ? (byte) '\r' : (byte) (32 + r.nextInt(200));
      }
      HashedLines lines = HashedLines.of(b);
      int start = 0;
      for (int line = 0; line < lines.count(); line++) {
        int end = start;
        while (end < b.length && b[end] != '\n' && b[end] != '\r') {
          end++;
        }
        assertEquals(
            HashedLines.hash(b, start, end),
            lines.hash(line),
            "seed " + seed + " round " + round + " line " + line);
        start =
            end < b.length && b[end] == '\r' && end + 1 < b.length && b[end + 1] == '\n'
                ? end + 2
                : end + 1;
      }
    }
  }

  /** Property: the word-at-a-time line count and common end equal a byte-by-byte count. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99})
  void countingAndCommonEndsEqualTheBytewiseOnes(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 500; round++) {
      byte[] b = new byte[r.nextInt(300)];
      for (int i = 0; i < b.length; i++) {
        int k = r.nextInt(10);
        b[i] = k == 0 ? (byte) '\n' : k == 1 ? (byte) '\r' : (byte) (32 + r.nextInt(200));
      }
      for (int to = 0; to <= b.length; to++) {
        int lines = 0;
        for (int i = 0; i < to; i++) {
          lines += HashedLines.endsLine(b, i) ? 1 : 0;
        }
        assertEquals(lines, HashedLines.countBefore(b, to), "seed " + seed + " round " + round);
      }
      byte[] c = new byte[r.nextInt(300)];
      for (int i = 0; i < c.length; i++) {
        c[i] = r.nextInt(20) == 0 ? (byte) 'x' : (byte) 'y';
      }
      byte[] a = Arrays.copyOf(c, c.length);
      if (a.length > 0 && r.nextBoolean()) {
        a[r.nextInt(a.length)] = 'z';
      }
      int max = r.nextInt(c.length + 1);
      int same = 0;
      while (same < max && a[a.length - 1 - same] == c[c.length - 1 - same]) {
        same++;
      }
      assertEquals(same, HashedLines.commonEnd(a, c, max), "seed " + seed + " round " + round);
    }
  }

  @Test
  void aReusedTableForgetsWhatItHeld() {
    LineMultiset t = new LineMultiset(4);
    t.addAll(HashedLines.of("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n").hashes());
    t.reset(2);
    assertEquals(false, t.take(HashedLines.of("a").hash(0)));
    t.add(HashedLines.of("z").hash(0));
    assertEquals(true, t.take(HashedLines.of("z").hash(0)));
  }

  @Test
  void longSetAddsEachKeyOnce() {
    LongSet s = new LongSet();
    Random r = new Random(5);
    Set<Long> ref = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long k = r.nextInt(3) == 0 ? r.nextInt(100) : r.nextLong();
      assertEquals(ref.add(k), s.add(k), "key " + i);
    }
    assertEquals(ref.size(), s.size());
  }
}
