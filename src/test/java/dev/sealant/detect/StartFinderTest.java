package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.google.re2j.ProgramStarts;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Rule;
import dev.sealant.detect.PositionAutomaton.Chars;
import dev.sealant.testing.Paths;
import dev.sealant.testing.RandomRegex;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start finder may list offsets where no match starts, but must never miss one where RE2J finds
 * a match: checked against RE2J itself (anchored at every offset) for random regexes over the whole
 * RE2 syntax ({@link RandomRegex}), on random text with non-ASCII characters and surrogate pairs;
 * and its start characters are exactly those of the program RE2J compiles ({@link ProgramStarts}),
 * for every shipped rule and thousands of random regexes.
 */
class StartFinderTest {

  @Test
  void listsOnlyOffsetsWhereTheLiteralCanStart() {
    StartFinder f = StartFinder.of("\\b(pat[A-Za-z0-9]{14}\\.[a-f0-9]{8})\\b").orElseThrow();
    String text = "path pattern xpatABCDEFGHIJKLMN.deadbeef pat";
    long[] starts = f.starts(text, 0, text.length());
    assertEquals(1L << text.indexOf("patA"), starts[0]);
  }

  @Test
  void caseInsensitiveLettersIncludeTheirUnicodeFolds() {
    StartFinder f = StartFinder.of("(?i)secret=").orElseThrow();
    String text = "\u017Fecret=";
    assertEquals(1L, f.starts(text, 0, text.length())[0]);
    assertTrue(Pattern.compile("(?i)secret=").matcher(text).find());
  }

  @Test
  void regexesThatCanMatchEmptyOrThatRe2jRejectsHaveNoFinder() {
    assertFalse(StartFinder.of("a*").isPresent());
    assertFalse(StartFinder.of("(?:x|)").isPresent());
    assertFalse(StartFinder.of("\\1").isPresent());
    assertFalse(StartFinder.of("(?x)a b").isPresent());
  }

  @Test
  void aBraceThatIsNoRepetitionIsALiteral() {
    StartFinder f = StartFinder.of("a{,2}").orElseThrow();
    assertEquals(1L, f.starts("a{,2}", 0, 5)[0]);
  }

  @Test
  void everyShippedRuleStartsWithExactlyTheProgramsAsciiStartCharacters() {
    List<Rule> rules = CatalogLoader.load(Paths.patterns()).rules();
    int finders = 0;
    for (Rule rule : rules) {
      finders += assertStartsAsTheProgram("rule " + rule.id(), rule.regex()) ? 1 : 0;
    }
    assertTrue(finders > rules.size() / 2, "only " + finders + " rules have a finder");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24})
  void randomRegexesStartWithExactlyTheProgramsAsciiStartCharacters(long seed) {
    Random r = new Random(seed);
    int finders = 0;
    for (int i = 0; i < 1000; i++) {
      String regex = RandomRegex.regex(r, 3);
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        continue;
      }
      finders +=
          assertStartsAsTheProgram("seed " + seed + ", /" + escape(regex) + "/", regex) ? 1 : 0;
    }
    assertTrue(finders > 300, "seed " + seed + ": only " + finders + " regexes have a finder");
  }

  /**
   * The finder's start characters against RE2J's compiled program: the same ASCII characters, and
   * the non-ASCII flag wherever the program can start with a non-ASCII rune. Returns whether the
   * regex has a finder (it has none exactly when the program matches the empty string, or when the
   * automaton is too large).
   */
  private static boolean assertStartsAsTheProgram(String what, String regex) {
    ProgramStarts program = ProgramStarts.of(regex);
    Optional<StartFinder> finder = StartFinder.of(regex);
    if (program.matchesEmpty()) {
      assertTrue(finder.isEmpty(), what + ": matches the empty string, yet has a finder");
    }
    if (finder.isEmpty()) {
      return false;
    }
    Chars starts = finder.get().startChars();
    for (int c = 0; c < 128; c++) {
      assertEquals(program.canStartWith(c), starts.has(c), what + ": start character " + c);
    }
    for (int rune : new int[] {0x80, 0xe9, 0x17f, 0x212a, 0x394, 0xd800, 0xdc00, 0x1f600}) {
      if (program.canStartWith(rune)) {
        assertTrue(starts.nonAscii(), what + ": start rune U+" + Integer.toHexString(rune));
      }
    }
    return true;
  }

  /**
   * Soundness on random regexes and text: wherever RE2J's anchored match succeeds, the finder lists
   * the offset, the character there is a start character, and the match holds a required character.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void neverMissesAMatchStart(long seed) {
    Random r = new Random(seed);
    int checked = 0;
    for (int i = Integer.getInteger("sealant.fuzz.iterations", 400); i > 0; i--) {
      String regex = RandomRegex.regex(r, 3);
      Pattern plain;
      Pattern shifted;
      try {
        plain = Pattern.compile(regex);
        shifted = Pattern.compile("(?s:.)(?:" + regex + ")");
      } catch (PatternSyntaxException e) {
        continue;
      }
      Optional<StartFinder> finder = StartFinder.of(regex);
      if (finder.isEmpty()) {
        continue;
      }
      Chars startChars = finder.get().startChars();
      Optional<Chars> required = finder.get().requiredChars();
      for (int t = 0; t < 20; t++) {
        String text = t % 2 == 0 ? RandomRegex.text(r, 30) : RandomRegex.textFor(r, regex, 40);
        long[] starts = finder.get().starts(text, 0, text.length());
        for (int k = 0; k < text.length(); k++) {
          Matcher m = k == 0 ? plain.matcher(text) : shifted.matcher(text.substring(k - 1));
          if (!m.lookingAt() || insidePair(text, k)) {
            continue;
          }
          String where = "seed " + seed + ": /" + escape(regex) + "/ on " + escape(text);
          assertTrue(
              (starts[k >>> 6] >>> k & 1) != 0,
              where + " starts a match at " + k + " that the finder missed");
          char c = text.charAt(k);
          assertTrue(
              c < 128 ? startChars.has(c) : startChars.nonAscii(),
              where + ": a match starts with " + (int) c + ", not a start character");
          if (required.isPresent()) {
            String match = text.substring(k, k == 0 ? m.end() : k - 1 + m.end());
            assertTrue(
                match
                    .chars()
                    .anyMatch(ch -> ch < 128 ? required.get().has(ch) : required.get().nonAscii()),
                where + ": the match at " + k + " holds no required character");
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, "too few matches exercised: " + checked);
  }

  private static boolean insidePair(String text, int k) {
    return k > 0
        && Character.isHighSurrogate(text.charAt(k - 1))
        && Character.isLowSurrogate(text.charAt(k));
  }

  static String escape(String s) {
    return RandomRegex.escape(s);
  }
}
