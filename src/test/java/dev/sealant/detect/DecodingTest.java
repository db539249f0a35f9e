package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast probes of {@link Decoding} against the plain definitions they stand for: which lines are
 * worth decoding, and which bytes count as printable text.
 */
class DecodingTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void candidateLinesAreExactlyTheLinesTheDefinitionNames(long seed) {
    Random r = new Random(seed);
    String[] parts = {
      "abc",
      "ABC",
      "aB3",
      "_",
      "-",
      "+/",
      "=",
      " ",
      ".",
      "\n",
      "\r\n",
      "\r",
      "%",
      "\\",
      "%41",
      "\\u0041",
      "QUJDREVGR0hJSktMTU5PUA",
      "abcdefghijklmnopqrstu",
      "\u00e9",
      "\uD83D\uDE00"
    };
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(60); k > 0; k--) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      String text = b.toString();
      assertArrayEquals(
          reference(text),
          Decoding.candidateLines(text),
          "seed " + seed + " text " + i + ": " + StartFinderTest.escape(text));
    }
  }

  /**
   * Starts of lines with % or \ before the text's last two characters, or a maximal mixed-case
   * base64 run of 16+.
   */
  static int[] reference(String text) {
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
    List<Integer> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (mark[i] && (out.isEmpty() || out.get(out.size() - 1) != start)) {
        out.add(start);
      }
      if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
        start = i + 1;
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean b64(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '-'
        || c == '_';
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void base64VariantsAreThoseOfEveryLongRun(long seed) {
    Random r = new Random(seed);
    String[] parts = {
      "cGFzc3dvcmQ9aHVudGVyMg",
      "==",
      "=",
      "ab",
      "QUJD",
      "_-",
      "+/",
      " ",
      ":",
      "\u0041",
      "%41",
      "c2VjcmV0X2tleT1zM2NyM3QxMjM0NQ",
      "é",
      "ZXhhbXBsZS5jb20vcGF0aD9x"
    };
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(20); k > 0; k--) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      String line = b.toString();
      List<String> expected = referenceBase64(line);
      List<String> actual = new ArrayList<>();
      for (Decoding.Variant v : Decoding.variants(line)) {
        if (v.encoding().equals("base64")) {
          actual.add(v.decodedFrom() + ":" + v.text());
        }
      }
      assertEquals(expected, actual, "seed " + seed + " line " + StartFinderTest.escape(line));
    }
  }

  /**
   * Base64 variants as the detector first defined them: every run, scanned character by character.
   */
  static List<String> referenceBase64(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < line.length() && out.size() < Decoding.MAX_VARIANTS_PER_LINE) {
      if (!b64(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < line.length() && b64(line.charAt(i))) {
        i++;
      }
      int end = i;
      while (i < line.length() && line.charAt(i) == '=' && i - end < 2) {
        i++;
      }
      int len = i - start;
      if (end - start >= Decoding.MIN_BASE64 && (len % 4 == 0 || i > end)) {
        String token = line.substring(start, i);
        boolean url = token.indexOf('-') >= 0 || token.indexOf('_') >= 0;
        if (url && (token.indexOf('+') >= 0 || token.indexOf('/') >= 0)) {
          continue;
        }
        byte[] bytes;
        try {
          bytes = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(token);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (bytes.length >= 6) {
          int from = start;
          int to = i;
          strictDecoder(bytes)
              .ifPresent(
                  plain ->
                      out.add(from + ":" + line.substring(0, from) + plain + line.substring(to)));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void printableCheckAgreesWithTheJdkStrictDecoder(long seed) {
    Random r = new Random(seed);
    byte[] interesting = {
      0x00,
      0x09,
      0x0a,
      0x1f,
      0x20,
      0x41,
      0x7e,
      0x7f,
      (byte) 0x80,
      (byte) 0x8f,
      (byte) 0x90,
      (byte) 0x9f,
      (byte) 0xa0,
      (byte) 0xbd,
      (byte) 0xbf,
      (byte) 0xc0,
      (byte) 0xc1,
      (byte) 0xc2,
      (byte) 0xdf,
      (byte) 0xe0,
      (byte) 0xe1,
      (byte) 0xec,
      (byte) 0xed,
      (byte) 0xee,
      (byte) 0xef,
      (byte) 0xf0,
      (byte) 0xf1,
      (byte) 0xf3,
      (byte) 0xf4,
      (byte) 0xf5,
      (byte) 0xff
    };
    for (int i = 0; i < 200_000; i++) {
      byte[] b = new byte[6 + r.nextInt(8)];
      for (int k = 0; k < b.length; k++) {
        b[k] =
            r.nextInt(3) == 0 ? (byte) r.nextInt(256) : interesting[r.nextInt(interesting.length)];
      }
      assertEquals(
          strictDecoder(b),
          Decoding.printableUtf8(b),
          "seed " + seed + " bytes " + HexFormat.of().formatHex(b));
    }
  }

  /** What printableUtf8 meant before it had a fast path: the JDK's strict UTF-8 decoder. */
  static Optional<String> strictDecoder(byte[] bytes) {
    String s;
    try {
      s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f || c == 0xfffd) {
        return Optional.empty();
      }
    }
    return Optional.of(s);
  }

  @Test
  void printableTextIsStrictUtf8WithoutControlCharacters() {
    assertEquals(
        "hello world",
        Decoding.printableUtf8("hello world".getBytes(StandardCharsets.UTF_8)).orElseThrow());
    assertEquals(
        "tab\there",
        Decoding.printableUtf8("tab\there".getBytes(StandardCharsets.UTF_8)).orElseThrow());
    assertEquals(
        "caf\u00e9 ok",
        Decoding.printableUtf8("caf\u00e9 ok".getBytes(StandardCharsets.UTF_8)).orElseThrow());
    assertTrue(Decoding.printableUtf8("bell\u0007!".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(Decoding.printableUtf8("del\u007f!!".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(Decoding.printableUtf8(new byte[] {'a', 'b', 'c', 'd', 'e', (byte) 0xC3}).isEmpty());
    assertTrue(
        Decoding.printableUtf8(new byte[] {'a', 'b', 'c', 'd', (byte) 0xC3, 0x01}).isEmpty());
    assertTrue(Decoding.printableUtf8("short".getBytes(StandardCharsets.UTF_8)).isEmpty());
  }
}
