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
      assertEquals(naive(text), found(index, text), "seed " + seed + " text " + i);
    }
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

  private static List<String> naive(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (int end = 0; end < text.length(); end++) {
      for (int rule = 0; rule < KEYWORDS.size(); rule++) {
        for (String kw : KEYWORDS.get(rule)) {
          int start = end - kw.length() + 1;
          if (start >= 0
              && lower.startsWith(kw, start)
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
