package dev.sealant.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions. Golden files live under {@code src/test/resources/golden/}; on a mismatch
 * the actual output is written under {@code target/golden-actual/} (same relative path) and the
 * failure names both files for a diff. {@code -Dsealant.updateGolden=true} rewrites the golden
 * files instead of comparing.
 */
public final class GoldenFiles {

  private GoldenFiles() {}

  public static boolean updating() {
    return Boolean.getBoolean("sealant.updateGolden");
  }

  /** Asserts that {@code actual} equals the golden file {@code relative} (under golden/). */
  public static void assertMatches(String relative, String actual) {
    Path golden = Paths.basedir().resolve("src/test/resources/golden").resolve(relative);
    Path out = Paths.basedir().resolve("target/golden-actual").resolve(relative);
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected =
          Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;
      if (actual.equals(expected)) {
        return;
      }
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
      Path base = Paths.basedir();
      String hint =
          "\n  diff -u "
              + base.relativize(golden)
              + " "
              + base.relativize(out)
              + "\n  (if the change is intended: mvn test -Dsealant.updateGolden=true, then review the diff)";
      if (expected == null) {
        fail(
            "no golden file "
                + base.relativize(golden)
                + "; actual output written to "
                + base.relativize(out)
                + hint);
      }
      fail(
          "output differs from "
              + base.relativize(golden)
              + " "
              + firstDifference(expected, actual)
              + hint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String x = i < e.length ? e[i] : "<end of file>";
      String y = i < a.length ? a[i] : "<end of file>";
      if (!x.equals(y)) {
        return "at line " + (i + 1) + ":\n  expected: " + x + "\n  actual:   " + y;
      }
    }
    return "(line ends differ)";
  }
}
