package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start finder may list offsets where no match starts, but must never miss one where RE2J finds
 * a match: checked against RE2J itself (anchored at every offset) for random regexes over the
 * syntax the catalog uses, on random text with non-ASCII characters and surrogate pairs.
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
  void regexesThatCanMatchEmptyOrUseUnknownSyntaxHaveNoFinder() {
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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void neverMissesAMatchStart(long seed) {
    Random r = new Random(seed);
    int checked = 0;
    for (int i = Integer.getInteger("sealant.fuzz.iterations", 400); i > 0; i--) {
      String regex = regex(r, 3);
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
      for (int t = 0; t < 20; t++) {
        String text = text(r);
        long[] starts = finder.get().starts(text, 0, text.length());
        for (int k = 0; k < text.length(); k++) {
          Matcher m = k == 0 ? plain.matcher(text) : shifted.matcher(text.substring(k - 1));
          if (m.lookingAt() && !insidePair(text, k)) {
            assertTrue(
                (starts[k >>> 6] >>> k & 1) != 0,
                "seed "
                    + seed
                    + ": /"
                    + regex
                    + "/ on "
                    + escape(text)
                    + " starts a match at "
                    + k
                    + " that the finder missed");
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 100, "too few matches exercised: " + checked);
  }

  private static boolean insidePair(String text, int k) {
    return k > 0
        && Character.isHighSurrogate(text.charAt(k - 1))
        && Character.isLowSurrogate(text.charAt(k));
  }

  static final String[] ATOMS = {
    "a",
    "b",
    "K",
    "s",
    "_",
    "-",
    ".",
    "\\.",
    "\\s",
    "\\S",
    "\\d",
    "\\w",
    "\\W",
    "[a-c]",
    "[^a-c]",
    "[^\\s\"']",
    "[A-Za-z0-9_.-]",
    "(?i:k)",
    "(?-i:S)",
    "\\b",
    "^",
    "$",
    "=",
    ":",
    "\\x41",
    "[[:alpha:]]",
    "[[:^digit:]]",
    "\\pL",
    "[^\\pL]",
    "\u00e9",
    "\uD83D\uDE00",
    "\\Qa.b\\E",
    "{",
    "[\\x{17F}]",
    "[\\]\\-]",
    "[-x]",
    "\\t",
    "[^\\n]"
  };

  static String regex(Random r, int depth) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(4) == 0) {
      b.append(r.nextBoolean() ? "(?i)" : "(?s)");
    }
    int items = 1 + r.nextInt(4);
    for (int i = 0; i < items; i++) {
      if (depth > 0 && r.nextInt(4) == 0) {
        b.append(r.nextBoolean() ? "(?:" : "(").append(regex(r, depth - 1));
        if (r.nextBoolean()) {
          b.append('|').append(regex(r, depth - 1));
        }
        b.append(')');
      } else {
        b.append(ATOMS[r.nextInt(ATOMS.length)]);
      }
      switch (r.nextInt(8)) {
        case 0 -> b.append('*');
        case 1 -> b.append('+');
        case 2 -> b.append('?');
        case 3 ->
            b.append('{').append(r.nextInt(3)).append(',').append(3 + r.nextInt(20)).append('}');
        case 4 -> b.append('{').append(1 + r.nextInt(20)).append('}');
        default -> {}
      }
      if (r.nextInt(10) == 0) {
        b.append('?');
      }
    }
    return b.toString();
  }

  static String text(Random r) {
    String alphabet = "abcKks_-.=: \t\"'AZ09\u00e9\u017F\u212A{";
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(30); i > 0; i--) {
      int k = r.nextInt(20);
      if (k == 0) {
        b.append("\uD83D\uDE00");
      } else if (k == 1) {
        b.append(r.nextBoolean() ? '\uD83D' : '\uDE00');
      } else {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
    }
    return b.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return b.append('"').toString();
  }
}
