package dev.sealant.quality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Examples;
import dev.sealant.catalog.Rule;
import dev.sealant.detect.Detector;
import dev.sealant.detect.KeyBody;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import dev.sealant.testing.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key-body floor, both ways, on the shipped catalog: random keys of every provider family (as
 * {@link Kinds} writes them from the providers' formats) are all still found, and keys whose body
 * is repeated, one long run, a sequence or two symbols are reported neither by their rule nor, as
 * that value, by any other.
 */
class KeyBodyPropertyTest {

  private static final Catalog CATALOG = CatalogLoader.load(Paths.patterns());
  private static final Detector DETECTOR = new Detector(CATALOG);
  private static final List<String> PREFIXES = KeyBody.prefixes(CATALOG.rules());
  private static final int KEYS_PER_KIND = 100;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomRealShapedKeysOfEveryFamilyAreFound(long seed) {
    Random r = new Random(seed);
    Map<String, Integer> perFamily = new TreeMap<>();
    for (Kind k : Kinds.SECRETS) {
      if (k.family().equals("generic")) {
        continue; // passwords are the generic reader's business, keys are this floor's
      }
      for (int i = 0; i < KEYS_PER_KIND; i++) {
        String value = k.value().apply(r);
        String line =
            k.keys().get(r.nextInt(k.keys().size())).toUpperCase(Locale.ROOT)
                + "=\""
                + value
                + "\"\n";
        List<Finding> found = DETECTOR.scan(Fragment.of("deploy/app.env", line));
        assertTrue(
            found.stream().anyMatch(f -> value.contains(f.secret())),
            "seed "
                + seed
                + ", kind "
                + k.name()
                + ": a random key was not found; its body is "
                + (KeyBody.isFake(value, PREFIXES) ? "judged a fake" : "not judged a fake"));
        perFamily.merge(k.family(), 1, Integer::sum);
      }
    }
    assertTrue(perFamily.values().stream().allMatch(n -> n >= KEYS_PER_KIND), perFamily::toString);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void repeatedOrLowVarietyBodiesAreReportedByNoRule(long seed) {
    Random r = new Random(seed);
    int checked = 0;
    for (Rule rule : CATALOG.rules()) {
      if (rule.generic() || rule.multiline()) {
        continue;
      }
      for (Examples.Match m : rule.examples().match()) {
        String secret = m.secret();
        String body = body(secret);
        if (body.length() < KeyBody.MIN_BODY || !m.text().contains(secret)) {
          continue;
        }
        for (int shape = 0; shape < 5; shape++) {
          if ((shape == 2 && body.length() > 52) || (shape == 4 && body.length() > 100)) {
            continue; // a counting sequence over half of it needs more than one alphabet
          }
          String fake =
              secret.substring(0, secret.length() - body.length()) + fakeBody(r, body, shape);
          String text = m.text().replace(secret, fake);
          String where =
              "seed " + seed + ", rule " + rule.id() + ", shape " + shape + ", fake " + fake;
          assertTrue(KeyBody.isFake(fake, PREFIXES), where + ": not judged a fake");
          List<Finding> found = DETECTOR.scan(Fragment.of(m.path().orElse("example.txt"), text));
          // Neither the rule itself nor any other rule reports the fake as the secret (a generic
          // rule may still report a longer value around it: the assignment reader's business).
          // A value that also reads as base64 is judged again, decoded, on its own merits.
          assertFalse(
              found.stream()
                  .anyMatch(
                      f ->
                          f.encoding().isEmpty()
                              && (f.ruleId().equals(rule.id()) || f.secret().equals(fake))),
              () -> where + ": reported by " + found.stream().map(Finding::ruleId).toList());
          checked++;
        }
      }
    }
    assertTrue(checked > 500, "only " + checked + " fakes checked");
  }

  @Test
  void aHeldDownSequenceAfterAnAuthSchemeIsAFake() {
    // gin's masking test (found by bench/realworld.sh): the scheme is no part of the key body
    assertTrue(KeyBody.isFake("Bearer aaaabbbbccccddddeeeeffff", PREFIXES));
    assertTrue(KeyBody.isFake("token 112233445566778899", PREFIXES));
    assertFalse(KeyBody.isFake("Bearer q8ZmR3vL9pXw2kT7nJ4s", PREFIXES));
  }

  /** The body as the floor sees it: the secret after its provider prefix and separators. */
  private static String body(String secret) {
    String cut = secret;
    for (String p : PREFIXES) {
      if (secret.regionMatches(true, 0, p, 0, p.length())
          && secret.length() - p.length() < cut.length()) {
        cut = secret.substring(p.length());
      }
    }
    int i = 0;
    while (i < cut.length() && !Character.isLetterOrDigit(cut.charAt(i))) {
      i++;
    }
    return cut.substring(i);
  }

  /** A filler body of the same length, drawn from the real body's own characters. */
  private static String fakeBody(Random r, String body, int shape) {
    String alphabet =
        body.chars()
            .filter(Character::isLetterOrDigit)
            .distinct()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    int n = body.length();
    StringBuilder b = new StringBuilder(n);
    switch (shape) {
      case 0 -> { // one short unit, repeated: TESTTEST..., 0000...
        String unit = Values.of(r, alphabet, 1 + r.nextInt(Math.min(4, n / 3)));
        while (b.length() < n) {
          b.append(unit);
        }
        b.setLength(n);
      }
      case 1 -> { // one character over at least half, the rest random
        int run = (n + 1) / 2 + r.nextInt(n / 2);
        int at = r.nextInt(n - run + 1);
        b.append(Values.of(r, alphabet, at))
            .append(String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))).repeat(run))
            .append(Values.of(r, alphabet, n - run - at));
      }
      case 2 -> { // a counting sequence over at least half: 0123456789..., abcdef...
        int run = Math.min((n + 1) / 2 + r.nextInt(4), 26); // n <= 52
        String seq =
            (Character.isDigit(alphabet.charAt(0)) && run <= 10 ? Values.DIGITS : Values.LOWER)
                .substring(0, run);
        b.append(seq).append(Values.of(r, alphabet, n - run));
      }
      case 4 -> { // a counting sequence, each character held down 2-4 times: aaaabbbbcccc...
        int k = 2 + r.nextInt(3);
        int from = r.nextInt(26);
        for (int i = 0; b.length() < n; i++) {
          b.append(String.valueOf(Values.LOWER.charAt((from + i) % 26)).repeat(k));
        }
        b.setLength(n);
      }
      default -> { // two symbols: at most one bit per character
        String two = Values.of(r, alphabet, 2);
        b.append(Values.of(r, two, n));
      }
    }
    return b.toString();
  }
}
