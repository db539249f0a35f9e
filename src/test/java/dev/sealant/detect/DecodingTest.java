package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast probes of {@link Decoding} against the plain definitions they stand for: which lines
 * are worth decoding, and which bytes count as printable text.
 */
class DecodingTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void candidateLinesAreExactlyTheLinesTheDefinitionNames(long seed) {
    Random r = new Random(seed);
    String[] parts = {"abc", "ABC", "aB3", "_", "-", "+/", "=", " ", ".", "\n", "\r\n", "\r", "%", "\\",
      "%41", "\\u0041", "QUJDREVGR0hJSktMTU5PUA", "abcdefghijklmnopqrstu", "\u00e9", "\uD83D\uDE00"};
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(60); k > 0; k--) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      String text = b.toString();
      assertArrayEquals(reference(text), Decoding.candidateLines(text), "seed " + seed + " text " + i
          + ": " + StartFinderTest.escape(text));
    }
  }

  /** Lines with % or \ before the text's last two characters, or a maximal mixed-case base64 run of 16+. */
  static long[] reference(String text) {
    int n = text.length();
    boolean[] mark = new boolean[n];
    for (int i = 0; i + 2 < n; i++) {
      mark[i] = text.charAt(i) == '%' || text.charAt(i) == '\\';
    }
    for (int s = 0; s < n; ) {
      if (!b64(text.charAt(s))) {
        s++;
        continue;
      }
      int e = s;
      boolean upper = false;
      boolean lower = false;
      while (e < n && b64(text.charAt(e))) {
        upper |= Character.isUpperCase(text.charAt(e));
        lower |= Character.isLowerCase(text.charAt(e));
        e++;
      }
      mark[s] |= e - s >= 16 && upper && lower;
      s = e;
    }
    List<Long> out = new ArrayList<>();
    int line = 0;
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (mark[i]) {
        long packed = ((long) line << 32) | start;
        if (out.isEmpty() || out.get(out.size() - 1) != packed) {
          out.add(packed);
        }
      }
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
        line++;
        start = i + 1;
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static boolean b64(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/' || c == '-' || c == '_';
  }

  @Test
  void printableTextIsStrictUtf8WithoutControlCharacters() {
    assertEquals("hello world", Decoding.printableUtf8("hello world".getBytes(StandardCharsets.UTF_8)).orElseThrow());
    assertEquals("tab\there", Decoding.printableUtf8("tab\there".getBytes(StandardCharsets.UTF_8)).orElseThrow());
    assertEquals("caf\u00e9 ok", Decoding.printableUtf8("caf\u00e9 ok".getBytes(StandardCharsets.UTF_8)).orElseThrow());
    assertTrue(Decoding.printableUtf8("bell\u0007!".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(Decoding.printableUtf8("del\u007f!!".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(Decoding.printableUtf8(new byte[] {'a', 'b', 'c', 'd', 'e', (byte) 0xC3}).isEmpty());
    assertTrue(Decoding.printableUtf8(new byte[] {'a', 'b', 'c', 'd', (byte) 0xC3, 0x01}).isEmpty());
    assertTrue(Decoding.printableUtf8("short".getBytes(StandardCharsets.UTF_8)).isEmpty());
  }
}
