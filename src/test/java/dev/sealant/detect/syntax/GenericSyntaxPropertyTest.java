package dev.sealant.detect.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import dev.sealant.detect.syntax.Syntaxes.Syntax;
import dev.sealant.detect.syntax.Syntaxes.Written;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.testing.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords as password managers make them (14-24 characters from all of printable ASCII but the
 * space), written in each syntax as its authors escape them under a password-named key, are found
 * by the shipped catalog with exactly that secret at the literal's column; and values that are not
 * literals (references, code, paths, placeholders) are not reported, in every syntax.
 */
class GenericSyntaxPropertyTest {

  static final Detector DETECTOR = new Detector(CatalogLoader.load(Paths.patterns()));
  static final int PER_SYNTAX = 120;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void printablePasswordsAreFoundExactlyInEverySyntax(long seed) {
    Random r = new Random(seed);
    assertTrue(Syntaxes.ALL.size() >= 20, "seed " + seed + ": fewer than 20 syntaxes");
    assertExactRecall(
        seed,
        "exact recall",
        r,
        GenericSyntaxPropertyTest::password,
        (s, pw) -> s.write().apply(Syntaxes.key(s, r), pw));
  }

  /**
   * Writes {@link #PER_SYNTAX} generated passwords in every syntax and asserts that at least 97 %
   * are reported with exactly that secret; the report lists the recall per syntax and the first
   * misses (synthetic values), with the seed.
   */
  private static void assertExactRecall(
      long seed,
      String what,
      Random r,
      Function<Random, String> passwords,
      BiFunction<Syntax, String, Written> writer) {
    Map<String, int[]> bySyntax = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int found = 0;
    int total = 0;
    for (Syntax s : Syntaxes.ALL) {
      int[] counts = bySyntax.computeIfAbsent(s.name(), k -> new int[2]);
      for (int i = 0; i < PER_SYNTAX; i++) {
        String pw = passwords.apply(r);
        Written w = writer.apply(s, pw);
        boolean ok = exactlyFound(s.path(), w, pw);
        counts[0] += ok ? 1 : 0;
        counts[1]++;
        found += ok ? 1 : 0;
        total++;
        if (!ok && misses.size() < 60) {
          misses.add(s.name() + ": " + w.line());
        }
      }
    }
    double recall = found / (double) total;
    StringBuilder report =
        new StringBuilder(
            "seed "
                + seed
                + ": "
                + what
                + " "
                + String.format("%.4f", recall)
                + " ("
                + found
                + "/"
                + total
                + ", "
                + Syntaxes.ALL.size()
                + " syntaxes)");
    bySyntax.forEach(
        (k, c) ->
            report.append("\n  ").append(k).append(' ').append(c[0]).append('/').append(c[1]));
    System.out.println(report + "\nfirst misses (synthetic values):\n" + String.join("\n", misses));
    assertTrue(
        recall >= 0.97, report + "\nmisses (synthetic values):\n" + String.join("\n", misses));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23})
  void nonLiteralValuesAreNotReportedInAnySyntax(long seed) {
    Random r = new Random(seed);
    assertFlaggedAtMost2Percent(
        seed,
        "non-literal values flagged",
        (s, rr) -> {
          String shape = NonLiterals.shape(rr);
          String key = Syntaxes.key(s, rr);
          return NonLiterals.bare(s, key, shape)
              .orElseGet(() -> s.write().apply(key, shape).line());
        },
        r);
  }

  /**
   * Writes {@link #PER_SYNTAX} generated lines in every syntax and asserts that at most 2 % are
   * reported; the report gives the rate and the first flagged lines (synthetic), with the seed.
   */
  private static void assertFlaggedAtMost2Percent(
      long seed, String what, BiFunction<Syntax, Random, String> lines, Random r) {
    int flagged = 0;
    int total = 0;
    List<String> flaggedLines = new ArrayList<>();
    for (Syntax s : Syntaxes.ALL) {
      for (int i = 0; i < PER_SYNTAX; i++) {
        String line = lines.apply(s, r);
        total++;
        if (!DETECTOR.scan(Fragment.of(s.path(), line + "\n")).isEmpty()) {
          flagged++;
          if (flaggedLines.size() < 15) {
            flaggedLines.add(s.name() + ": " + line);
          }
        }
      }
    }
    double rate = flagged / (double) total;
    String report =
        "seed "
            + seed
            + ": "
            + what
            + " "
            + String.format("%.4f", rate)
            + " ("
            + flagged
            + "/"
            + total
            + ")";
    System.out.println(report);
    assertTrue(rate <= 0.02, report + "\n" + String.join("\n", flaggedLines));
  }

  /**
   * A password holding {@code $} before a letter, a brace or a parenthesis (first or anywhere),
   * written by an author who does not escape the {@code $} (in shell it even expands), is still
   * reported, with the value as written, in every syntax.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {31, 32, 33})
  void passwordsHoldingADollarSignAreFoundExactlyInEverySyntax(long seed) {
    Random r = new Random(seed);
    assertExactRecall(
        seed,
        "passwords with $, exact recall",
        r,
        GenericSyntaxPropertyTest::dollarPassword,
        (s, pw) -> Syntaxes.carelessly(s, Syntaxes.key(s, r), pw));
  }

  /**
   * Values that are only references joined by glue ({@code ${DB_USER}:${DB_PASS}}, {@code
   * jdbc:postgresql://${HOST}:5432/${DB}?sslmode=require}), written unescaped so that they expand,
   * are not reported in any syntax.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {41, 42, 43})
  void pureTemplatesAreNotReportedInAnySyntax(long seed) {
    Random r = new Random(seed);
    assertFlaggedAtMost2Percent(
        seed,
        "pure templates flagged",
        (s, rr) -> Syntaxes.carelessly(s, Syntaxes.key(s, rr), NonLiterals.template(rr)).line(),
        r);
  }

  static boolean exactlyFound(String path, Written w, String pw) {
    for (Finding f : DETECTOR.scan(Fragment.of(path, "# settings\n" + w.line() + "\n"))) {
      if (f.line() == 2 && f.secret().equals(pw) && f.column() == w.valueAt() + 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * 14-24 characters drawn uniformly from printable ASCII less the space ({@code !} to {@code ~}).
   */
  static String password(Random r) {
    int n = 14 + r.nextInt(11);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('!' + r.nextInt(94)));
    }
    return b.toString();
  }

  /**
   * A {@link #password} in which one or two places (the first in a quarter of cases) hold {@code $}
   * and then a letter (three in five), an opening brace or an opening parenthesis.
   */
  static String dollarPassword(Random r) {
    char[] pw = password(r).toCharArray();
    int dollars = 1 + r.nextInt(2);
    for (int k = 0; k < dollars; k++) {
      int at = k == 0 && r.nextInt(4) == 0 ? 0 : r.nextInt(pw.length - 1);
      int kind = r.nextInt(5);
      pw[at] = '$';
      pw[at + 1] =
          kind == 3
              ? '{'
              : kind == 4 ? '(' : (char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(26));
    }
    return new String(pw);
  }
}
