package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keyword pass finds every occurrence of every keyword, once, in text order, whatever the text
 * length (short texts take one automaton, longer ones three with lead-ins): checked against a naive
 * search.
 */
class KeywordIndexTest {

  static final List<List<String>> KEYWORDS =
      List.of(
          List.of("pass", "password"),
          List.of("key"),
          List.of("api_key", "ab"),
          List.of("word"),
          List.of("-----begin rsa private key-----"),
          List.of("aaa"),
          List.of("://"));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void findsEveryOccurrenceOnceInOrder(long seed) {
    KeywordIndex index = new KeywordIndex(KEYWORDS);
    Random r = new Random(seed);
    String[] parts = {
      "pass",
      "PassWord",
      "word",
      "KEY",
      "api_key",
      "ab",
      "aaaa",
      "://",
      " ",
      "\n",
      "-----BEGIN RSA PRIVATE KEY-----",
      "x",
      "\u00e9",
      "\uD83D\uDE00",
      "API_KEY",
      "pas"
    };
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(i < 100 ? 200 : 3000);
      while (b.length() < len) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      String text = b.toString();
      assertEquals(naive(KEYWORDS, text), found(index, text), "seed " + seed + " text " + i);
    }
  }

  /**
   * Random keyword sets (shared prefixes and suffixes, duplicates, keywords inside keywords, rules
   * without any, upper case) over a small alphabet, so keywords overlap in every way the failure
   * links must get right.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void anyKeywordSetFindsWhatANaiveSearchFinds(long seed) {
    Random r = new Random(seed);
    String alphabet = "abAB_-:/ .x0";
    for (int round = 0; round < 200; round++) {
      List<List<String>> keywords = new ArrayList<>();
      int rules = 1 + r.nextInt(10);
      for (int rule = 0; rule < rules; rule++) {
        List<String> kws = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          kws.add(random(r, alphabet, 1 + r.nextInt(5)));
        }
        keywords.add(kws);
      }
      KeywordIndex index = new KeywordIndex(keywords);
      String text = random(r, alphabet + "\u00e9\n", r.nextInt(400));
      assertEquals(
          naive(keywords, text),
          found(index, text),
          "seed " + seed + " round " + round + " keywords " + keywords + " text " + text);
    }
  }

  private static String random(Random r, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static List<String> found(KeywordIndex index, String text) {
    List<String> out = new ArrayList<>();
    for (long hit : index.hits(text)) {
      int end = (int) (hit >>> 32);
      for (int rule : index.rulesAt[(int) hit]) {
        out.add(end + ":" + rule);
      }
    }
    return out;
  }

  private static List<String> naive(List<List<String>> keywords, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (int end = 0; end < text.length(); end++) {
      for (int rule = 0; rule < keywords.size(); rule++) {
        for (String kw : keywords.get(rule)) {
          int start = end - kw.length() + 1;
          if (start >= 0
              && lower.startsWith(kw.toLowerCase(Locale.ROOT), start)
              && text.substring(start, end + 1).chars().allMatch(c -> c < 128)) {
            out.add(end + ":" + rule);
            break;
          }
        }
      }
    }
    return out;
  }
}
