package com.google.re2j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Re2jBridge.Alternate;
import com.google.re2j.Re2jBridge.Concat;
import com.google.re2j.Re2jBridge.Node;
import com.google.re2j.Re2jBridge.Repeat;
import com.google.re2j.Re2jBridge.Runes;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Rule;
import dev.sealant.testing.Paths;
import dev.sealant.testing.RandomRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins every use Sealant makes of RE2J's package-private API ({@link Re2jBridge}), so that a new
 * RE2J version that changes it fails here: the one-pass matches equal the public API's, and the
 * parse tree the bridge hands out matches what RE2J compiles. The latter is checked against the
 * program RE2J runs ({@link ProgramStarts}): the tree's possible first runes and its matching the
 * empty string agree with the program's, rune for rune, for every shipped rule and thousands of
 * seeded random regexes.
 */
class Re2jBridgeTest {

  /** Every rune below U+0300, and runes with folds, surrogates, the BMP's and Unicode's edges. */
  static final int[] RUNES =
      IntStream.concat(
              IntStream.range(0, 0x300),
              IntStream.of(
                  0x391, 0x394, 0x3b4, 0x3c3, 0x3c2, 0x400, 0x430, 0x1e9e, 0x2028, 0x212a, 0x3000,
                  0x4e2d, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfeff, 0xff21, 0xffff, 0x10000, 0x1f600,
                  0x10ffff))
          .toArray();

  @Test
  void oneMatchPassEqualsThePublicApi() {
    Pattern p = Pattern.compile("(ab)?(c+)|d");
    for (String in : List.of("abccx", "cc", "dab", "xab", "")) {
      Matcher m = p.matcher(in);
      int[] g = Re2jBridge.lookingAt(p, in);
      if (!m.lookingAt()) {
        assertNull(g, in);
        continue;
      }
      int[] expected = new int[6];
      for (int k = 0; k < 3; k++) {
        expected[2 * k] = m.start(k);
        expected[2 * k + 1] = m.end(k);
      }
      assertArrayEquals(expected, g, in);
    }
    String text = "--x ab c --";
    int[] found = Re2jBridge.find(Pattern.compile("\\bc\\b|\\bab"), text, 2, 9, 3);
    assertArrayEquals(new int[] {2, 4}, found);
    assertNull(Re2jBridge.find(Pattern.compile("c$"), text, 0, text.length(), 0));
  }

  @Test
  void treeShapesArePinned() {
    assertTree(
        "Concat[items=[Runes[61], Repeat[item=Runes[62-63], min=0, max=-1],"
            + " Repeat[item=Runes[64], min=2, max=3]]]",
        "a(b|c)*d{2,3}");
    assertTree("Runes[4b 6b 212a]", "(?i)k");
    assertTree("Concat[items=[Runes[53 73 17f], Runes[41 61], Runes[4b 6b 212a]]]", "(?i)sak");
    assertTree("Runes[0-60 62-10ffff]", "[^a]");
    assertTree("Runes[0-9 b-10ffff]", ".");
    assertTree("Runes[0-10ffff]", "(?s:.)");
    assertTree(
        "Concat[items=[Empty[assertion=true], Empty[assertion=true], Runes[78],"
            + " Empty[assertion=true]]]",
        "^\\bx$");
    assertTree("Repeat[item=Runes[61], min=0, max=1]", "a??");
    assertTree("Runes[]", "[^\\x00-\\x{10FFFF}]");
    assertTree("Alternate[items=[Runes[61], Empty[assertion=false]]]", "a|");
    Runes letters = (Runes) Re2jBridge.parse("\\pL");
    assertTrue(letters.contains('q') && letters.contains(0xe9) && !letters.contains('1'));
    assertThrows(PatternSyntaxException.class, () -> Re2jBridge.parse("(?x)a b"));
    assertThrows(PatternSyntaxException.class, () -> Re2jBridge.parse("\\1"));
  }

  private static void assertTree(String expected, String regex) {
    assertEquals(expected, Re2jBridge.parse(regex).toString(), regex);
  }

  @Test
  void everyShippedRuleHasTheProgramsStartRunes() {
    List<Rule> rules = CatalogLoader.load(Paths.patterns()).rules();
    for (Rule rule : rules) {
      assertAgrees("rule " + rule.id(), rule.regex());
    }
    assertTrue(rules.size() > 100, "only " + rules.size() + " rules");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void randomRegexesHaveTheProgramsStartRunes(long seed) {
    Random r = new Random(seed);
    int checked = 0;
    for (int i = 0; i < 1000; i++) {
      String regex = RandomRegex.regex(r, 3);
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        continue;
      }
      assertAgrees("seed " + seed + ", /" + RandomRegex.escape(regex) + "/", regex);
      checked++;
    }
    assertTrue(checked > 900, "seed " + seed + ": only " + checked + " regexes compiled");
  }

  private static void assertAgrees(String what, String regex) {
    ProgramStarts program = ProgramStarts.of(regex);
    First tree = first(Re2jBridge.parse(regex));
    assertEquals(program.matchesEmpty(), tree.nullable, what + ": matches the empty string");
    for (int rune : RUNES) {
      boolean inTree = tree.runes.stream().anyMatch(rs -> rs.contains(rune));
      assertEquals(
          program.canStartWith(rune),
          inTree,
          what + ": U+" + Integer.toHexString(rune) + " as a first rune");
    }
  }

  /** The runes a tree's match may start with (assertions read as empty), and its nullability. */
  private record First(List<Runes> runes, boolean nullable) {}

  private static First first(Node n) {
    if (n instanceof Runes rs) {
      return new First(List.of(rs), false);
    }
    if (n instanceof Concat c) {
      List<Runes> out = new ArrayList<>();
      for (Node item : c.items()) {
        First f = first(item);
        out.addAll(f.runes);
        if (!f.nullable) {
          return new First(out, false);
        }
      }
      return new First(out, true);
    }
    if (n instanceof Alternate a) {
      List<Runes> out = new ArrayList<>();
      boolean nullable = false;
      for (Node item : a.items()) {
        First f = first(item);
        out.addAll(f.runes);
        nullable |= f.nullable;
      }
      return new First(out, nullable);
    }
    if (n instanceof Repeat r) {
      if (r.max() == 0) {
        return new First(List.of(), true);
      }
      First f = first(r.item());
      return new First(f.runes, f.nullable || r.min() == 0);
    }
    return new First(List.of(), true); // Empty
  }
}
