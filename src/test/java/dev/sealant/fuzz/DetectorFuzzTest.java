package dev.sealant.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random and mutated text through the full detector: no exception, every finding inside the input
 * (its line exists, its secret is a real substring at its column or a decoded value), and the same
 * input always gives the same findings.
 */
class DetectorFuzzTest {

  static final Detector DETECTOR = new Detector(CatalogLoader.builtIn());

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomTextNeverBreaksTheDetector(long seed) {
    Random r = new Random(seed);
    int n = Fuzz.iterations(150);
    for (int i = 0; i < n; i++) {
      String text = i % 2 == 0 ? Fuzz.text(r, 4000) : Fuzz.mutate(r, Fuzz.text(r, 2000));
      check(seed, i, text);
    }
  }

  static void check(long seed, int i, String text) {
    Fuzz.TRIED.incrementAndGet();
    List<Finding> fs;
    try {
      fs = DETECTOR.scan(Fragment.of("fuzz.txt", text));
    } catch (RuntimeException | StackOverflowError e) {
      fail("seed " + seed + " input " + i + ": " + e, e);
      return;
    }
    List<String> lines = text.lines().toList();
    for (Finding f : fs) {
      assertTrue(
          f.line() >= 1 && f.line() <= Math.max(1, countLines(text)),
          "seed " + seed + " input " + i + ": line " + f.line() + " outside the input");
      assertTrue(f.column() >= 1, "seed " + seed + " input " + i + ": column " + f.column());
      // A syntax reader reports the literal with its escapes undone: it need not appear verbatim.
      if (f.encoding().isEmpty() && f.rule().syntax().isEmpty()) {
        assertTrue(
            text.contains(f.secret()), "seed " + seed + " input " + i + ": secret not in input");
      }
    }
    assertEquals(
        fs,
        DETECTOR.scan(Fragment.of("fuzz.txt", text)),
        "seed " + seed + " input " + i + ": not deterministic");
    assertTrue(lines.size() >= 0);
  }

  static int countLines(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  @AfterAll
  static void report() {
    System.out.println(
        "DetectorFuzzTest: "
            + Fuzz.TRIED.get()
            + " inputs tried (set -Dsealant.fuzz.iterations for more)");
  }
}
