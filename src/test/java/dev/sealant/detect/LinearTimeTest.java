package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Rule;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Matching cost is O(line length x rules) whatever the line: the detector's matchers count the
 * characters they hand to RE2J and the start finder (no clock is read), and that count must grow
 * linearly, ten times the input costing at most twelve times the work, from 10 KB to 10 MB on lines
 * built to defeat windowing (one keyword repeated, unterminated PEM headers, a nested quantifier on
 * a run of one letter, every keyword of the catalog interleaved).
 */
class LinearTimeTest {

  /** A user rule whose regex backtracks exponentially in a backtracking engine. */
  static final String NESTED =
      """
      rules:
        - id: nested-a
          description: nested quantifier anchored at the end
          keywords: [aaaa]
          regex: '((a+)+$)'
          examples:
            match: [{text: 'aaaa', secret: aaaa}]
            noMatch: ['bbbb']
      """;

  private static long work(Detector d, String text) {
    long before = d.charactersExamined();
    d.scan(Fragment.of("f.txt", text));
    return d.charactersExamined() - before;
  }

  private static String repeat(String unit, int size) {
    StringBuilder sb = new StringBuilder(size + unit.length());
    while (sb.length() < size) {
      sb.append(unit);
    }
    return sb.toString();
  }

  /** Work at each size from {@code min} to {@code max} (x10 steps) grows at most 12x a step. */
  private static void assertLinear(
      String name, Detector d, IntFunction<String> input, int min, int max) {
    long prev = -1;
    List<String> seen = new ArrayList<>();
    for (int size = min; size <= max; size *= 10) {
      long w = work(d, input.apply(size));
      seen.add(size + "->" + w);
      assertTrue(
          w <= 64L * size * d.catalog().rules().size() + 1_000_000,
          name + ": work beyond O(length x rules): " + seen);
      if (prev > 0) {
        assertTrue(w <= 12 * prev, name + ": work grew more than linearly: " + seen);
      }
      prev = Math.max(w, 1);
    }
  }

  private static Detector builtIn() {
    return new Detector(CatalogLoader.builtIn());
  }

  @Test
  void oneKeywordRepeatedOnOneLineIsLinear() {
    Detector d = builtIn();
    assertLinear("AKIA repeated", d, n -> repeat("AKIA", n), 10_000, 10_000_000);
    assertLinear("ghp_ repeated", d, n -> repeat("ghp_", n), 10_000, 1_000_000);
    assertLinear("password= repeated", d, n -> repeat("password=", n), 10_000, 1_000_000);
  }

  @Test
  void unterminatedPemHeadersAreLinear() {
    Detector d = builtIn();
    assertLinear(
        "PEM headers", d, n -> repeat("-----BEGIN RSA PRIVATE KEY-----\n", n), 10_000, 10_000_000);
    assertLinear(
        "PEM headers on one line",
        d,
        n -> repeat("-----BEGIN RSA PRIVATE KEY-----", n),
        10_000,
        10_000_000);
  }

  @Test
  void nestedQuantifierOnARunOfOneLetterIsLinear() {
    Detector d = DetectorTest.detector(NESTED);
    assertLinear("a run", d, n -> "a".repeat(n), 10_000, 10_000_000);
    assertLinear("a run then b", d, n -> "a".repeat(n) + "b", 10_000, 10_000_000);
  }

  @Test
  void everyKeywordOfTheCatalogInterleavedIsLinear() {
    Catalog c = CatalogLoader.builtIn();
    StringBuilder unit = new StringBuilder();
    for (Rule r : c.rules()) {
      for (String k : r.keywords()) {
        unit.append(k).append("=x ");
      }
    }
    Detector d = new Detector(c);
    assertLinear("every keyword", d, n -> repeat(unit.toString(), n), 10_000, 1_000_000);
  }

  /** A nested quantifier anchored at the line's end, over lower-case letters and digits. */
  static final String TAIL =
      """
      rules:
        - id: nested-tail
          description: nested quantifier anchored at the end
          keywords: [aaaa]
          regex: '((?:[a-z0-9]+)+$)'
          examples:
            match: [{text: 'aaaa', secret: aaaa}]
            noMatch: ['BBBB']
      """;

  @Test
  void endOfLineAnchorNeverMatchesAtAWindowEdge() {
    Detector d = DetectorTest.detector(TAIL);
    Random r = new Random(17);
    StringBuilder line = new StringBuilder();
    while (line.length() < 6000) {
      line.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(36)));
    }
    line.replace(100, 104, "aaaa");
    // The line goes on past every keyword window with a character the regex does not take:
    // '$' must not match where a window ends.
    assertEquals(List.of(), d.scan(Fragment.of("f.txt", line + "B\n")), "seed 17");
    List<Finding> whole = d.scan(Fragment.of("f.txt", line + "\n"));
    assertEquals(1, whole.size(), "seed 17: " + whole);
    assertEquals(6000, whole.get(0).secret().length(), "seed 17");
  }
}
