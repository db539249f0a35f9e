package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Examples;
import dev.sealant.catalog.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accelerated matcher reports exactly what plain RE2J {@code find()} reports, for every shipped
 * rule: on its own examples, the examples with text around them, seeded mutations of them, and
 * other rules' examples (near misses), each also scanned through a window that starts mid-line.
 */
class RuleMatcherTest {

  static final Catalog CATALOG = CatalogLoader.load(Path.of("patterns"));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void acceleratedMatchesAreExactlyPlainMatches(long seed) {
    Random r = new Random(seed);
    List<String> pool = new ArrayList<>();
    for (Rule rule : CATALOG.rules()) {
      rule.examples().match().stream().map(Examples.Match::text).forEach(pool::add);
      rule.examples().noMatch().stream().map(Examples.NoMatch::text).forEach(pool::add);
    }
    int accelerated = 0;
    for (Rule rule : CATALOG.rules()) {
      RuleMatcher m = new RuleMatcher(rule);
      if (!m.accelerated()) {
        continue;
      }
      accelerated++;
      List<String> texts = new ArrayList<>();
      rule.examples().match().stream().map(Examples.Match::text).forEach(texts::add);
      rule.examples().noMatch().stream().map(Examples.NoMatch::text).forEach(texts::add);
      for (String t : List.copyOf(texts)) {
        texts.add("x" + t + "y " + t);
        texts.add("\"" + t + "\", \u00e9\uD83D\uDE00" + t);
        for (int k = 0; k < 8; k++) {
          texts.add(mutate(r, t));
        }
      }
      for (int k = 0; k < 20; k++) {
        texts.add(pool.get(r.nextInt(pool.size())) + " " + pool.get(r.nextInt(pool.size())));
      }
      for (String t : texts) {
        int from = t.isEmpty() ? 0 : r.nextInt(Math.min(4, t.length()));
        assertSame(seed, rule, m, t, 0, t.length());
        assertSame(seed, rule, m, t, from, t.length());
      }
    }
    assertTrue(
        accelerated > CATALOG.rules().size() / 2, "only " + accelerated + " rules accelerated");
  }

  private static void assertSame(
      long seed, Rule rule, RuleMatcher m, String text, int from, int to) {
    List<String> fast = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    m.findAll(text, from, to, (at, secret) -> fast.add(at + ":" + secret));
    m.findPlain(text, from, to, (at, secret) -> plain.add(at + ":" + secret));
    assertEquals(
        plain,
        fast,
        "seed "
            + seed
            + ", rule "
            + rule.id()
            + ", window "
            + from
            + ".."
            + to
            + " of "
            + StartFinderTest.escape(text));
  }

  static String mutate(Random r, String s) {
    StringBuilder b = new StringBuilder(s);
    for (int m = 1 + r.nextInt(3); m > 0 && b.length() > 0; m--) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(5)) {
        case 0 -> b.setCharAt(at, " =:\"'_-.aZ9\u00e9".charAt(r.nextInt(12)));
        case 1 -> b.insert(at, b.substring(at, Math.min(b.length(), at + r.nextInt(12))));
        case 2 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(4)));
        case 3 ->
            b.setCharAt(
                at,
                Character.isUpperCase(b.charAt(at))
                    ? Character.toLowerCase(b.charAt(at))
                    : Character.toUpperCase(b.charAt(at)));
        default -> b.insert(at, r.nextBoolean() ? " " : "\uD83D\uDE00");
      }
    }
    return b.toString();
  }
}
