package dev.sealant.detect.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.detect.Entropy;
import dev.sealant.detect.syntax.Syntaxes.Syntax;
import dev.sealant.detect.syntax.Syntaxes.Written;
import dev.sealant.kernel.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords as people choose them ({@code Orange2013}, {@code FootballShadow24}, {@code
 * winter825sunshine}, {@code P@ssw0rd123}), which look like identifiers, are found in every syntax
 * once written as text (quoted, or a configuration value); and names written as text ({@code
 * payments-db-credentials}, {@code GITHUB_TOKEN}, {@code passwordInput}) stay quiet.
 */
class HumanPasswordsPropertyTest {

  /** Words people build passwords from; made up for this test, no leaked list. */
  private static final List<String> WORDS =
      List.of(
          "orange",
          "football",
          "shadow",
          "summer",
          "winter",
          "tiger",
          "dragon",
          "monkey",
          "master",
          "sunshine",
          "princess",
          "falcon",
          "rocket",
          "berlin",
          "london",
          "welcome",
          "secure",
          "silver",
          "purple",
          "garden",
          "castle",
          "river",
          "thunder",
          "coffee",
          "pepper",
          "banana");

  /** Words setting names are made of. */
  private static final List<String> NAME_WORDS =
      List.of(
          "payments",
          "db",
          "user",
          "service",
          "input",
          "field",
          "password",
          "token",
          "secret",
          "credentials",
          "config",
          "name",
          "value",
          "admin",
          "client",
          "access",
          "reader",
          "store",
          "vault",
          "primary",
          "backup",
          "session");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {51, 52, 53})
  void humanPasswordsAreFoundExactlyInEverySyntax(long seed) {
    Random r = new Random(seed);
    int found = 0;
    int total = 0;
    List<String> misses = new ArrayList<>();
    for (Syntax s : Syntaxes.ALL) {
      for (int i = 0; i < GenericSyntaxPropertyTest.PER_SYNTAX; i++) {
        String pw = human(r);
        Written w = s.write().apply(Syntaxes.key(s, r), pw);
        boolean ok = GenericSyntaxPropertyTest.exactlyFound(s.path(), w, pw);
        found += ok ? 1 : 0;
        total++;
        if (!ok && misses.size() < 40) {
          misses.add(s.name() + ": " + w.line());
        }
      }
    }
    double recall = found / (double) total;
    String report =
        "seed "
            + seed
            + ": human passwords, exact recall "
            + String.format(Locale.ROOT, "%.4f", recall)
            + " ("
            + found
            + "/"
            + total
            + ")";
    System.out.println(report + "\nfirst misses (synthetic values):\n" + String.join("\n", misses));
    assertTrue(
        recall >= 0.97, report + "\nmisses (synthetic values):\n" + String.join("\n", misses));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {61, 62, 63})
  void namesWrittenAsTextAreNotReported(long seed) {
    Random r = new Random(seed);
    int flagged = 0;
    int total = 0;
    List<String> flaggedLines = new ArrayList<>();
    for (Syntax s : Syntaxes.ALL) {
      for (int i = 0; i < GenericSyntaxPropertyTest.PER_SYNTAX; i++) {
        String line = s.write().apply(Syntaxes.key(s, r), name(r)).line();
        total++;
        if (!GenericSyntaxPropertyTest.DETECTOR
            .scan(Fragment.of(s.path(), line + "\n"))
            .isEmpty()) {
          flagged++;
          if (flaggedLines.size() < 20) {
            flaggedLines.add(s.name() + ": " + line);
          }
        }
      }
    }
    String report = "seed " + seed + ": names written as text flagged " + flagged + "/" + total;
    System.out.println(report);
    assertTrue(flagged == 0, report + "\n" + String.join("\n", flaggedLines));
  }

  /**
   * One of: Word and a year, two Words and two digits, word digits word, Word digits and a sign, a
   * word spelled with @ and 0 plus digits, or mixed-case letters at random. At least eight
   * characters and at least 3.0 bits of entropy (the rule's floor, which {@code Tiger1998} misses).
   */
  static String human(Random r) {
    while (true) {
      String pw =
          switch (r.nextInt(6)) {
            case 0 -> cap(word(r)) + (1960 + r.nextInt(66));
            case 1 -> cap(word(r)) + cap(word(r)) + (10 + r.nextInt(90));
            case 2 -> word(r) + (100 + r.nextInt(900)) + word(r);
            case 3 -> cap(word(r)) + (10 + r.nextInt(90)) + "!?#".charAt(r.nextInt(3));
            case 4 -> cap(word(r)).replace('a', '@').replace('o', '0') + (100 + r.nextInt(900));
            default -> letters(r, 12 + r.nextInt(6));
          };
      if (pw.length() >= 8 && Entropy.shannon(pw) >= 3.0) {
        return pw;
      }
    }
  }

  /** kebab-case, SCREAMING_SNAKE, dotted or camelCase names of two to four distinct words. */
  static String name(Random r) {
    int n = 2 + r.nextInt(3);
    List<String> w = new ArrayList<>();
    while (w.size() < n) {
      String x = NAME_WORDS.get(r.nextInt(NAME_WORDS.size()));
      if (!w.contains(x)) {
        w.add(x); // distinct words: nobody names a setting dbDb
      }
    }
    return switch (r.nextInt(4)) {
      case 0 -> String.join("-", w);
      case 1 -> String.join("_", w).toUpperCase(Locale.ROOT);
      case 2 -> String.join(".", w);
      default -> {
        StringBuilder b = new StringBuilder(w.get(0));
        w.subList(1, n).forEach(x -> b.append(cap(x)));
        yield b.length() >= 8 ? b.toString() : b + "Field";
      }
    };
  }

  private static String word(Random r) {
    return WORDS.get(r.nextInt(WORDS.size()));
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String letters(Random r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      char c = (char) ('a' + r.nextInt(26));
      b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }
}
