package dev.sealant.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Large texts scanned in overlapping chunks: every line once at its number, blocks kept whole. */
class ChunksTest {

  @TempDir Path dir;

  /** The lines of a text the way the detector counts them, terminators included. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static List<Fragment> chunk(byte[] bytes, int chunk, int overlapLines, int overlapChars)
      throws IOException {
    List<Fragment> got = new ArrayList<>();
    int probe = Math.min(bytes.length, Content.BINARY_PROBE);
    new Chunks("big.txt", chunk, overlapLines, overlapChars, got::add)
        .scan(bytes, probe, new ByteArrayInputStream(bytes, probe, bytes.length - probe));
    return got;
  }

  private static String randomText(Random r, int lines) {
    String[] ends = {"\n", "\n", "\n", "\r\n", "\r"};
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int len = r.nextInt(10) == 0 ? r.nextInt(300) : r.nextInt(40);
      for (int k = 0; k < len; k++) {
        s.append((char) ('a' + r.nextInt(26)));
      }
      if (r.nextInt(50) == 0) {
        s.append('é');
      }
      s.append(ends[r.nextInt(ends.length)]);
    }
    if (r.nextBoolean()) {
      s.append("last line without an end");
    }
    return s.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyLineIsScannedAtItsNumberAndShortBlocksStayWhole(long seed) throws IOException {
    Random r = new Random(seed);
    String text = randomText(r, 2000 + r.nextInt(2000));
    List<String> expected = lines(text);
    int overlapLines = 5 + r.nextInt(10);
    List<Fragment> got =
        chunk(text.getBytes(StandardCharsets.UTF_8), 500 + r.nextInt(2000), overlapLines, 400);
    assertTrue(got.size() > 5, "seed " + seed + ": " + got.size() + " fragments");
    Map<Integer, String> seen = new HashMap<>();
    for (Fragment f : got) {
      List<String> fl = lines(f.text());
      for (int i = 0; i < fl.size(); i++) {
        int n = f.firstLine() + i;
        String want = expected.get(n - 1);
        // A fragment's last line may be cut only where the text has no more line end before it.
        assertEquals(want, fl.get(i), "seed " + seed + ", line " + n);
        seen.put(n, fl.get(i));
      }
    }
    assertEquals(expected.size(), seen.size(), "seed " + seed + ": every line scanned");
    // Any run of consecutive short lines no longer than the overlap lies whole in one fragment.
    for (int start = 1; start + overlapLines - 1 <= expected.size(); start += 37) {
      int from = start;
      int to = start + overlapLines - 1;
      int chars = 0;
      for (int n = from; n <= to; n++) {
        chars += expected.get(n - 1).length();
      }
      if (chars > 400) {
        continue;
      }
      boolean whole =
          got.stream()
              .anyMatch(
                  f -> f.firstLine() <= from && f.firstLine() + lines(f.text()).size() - 1 >= to);
      assertTrue(whole, "seed " + seed + ": lines " + from + "-" + to + " split");
    }
  }

  @Test
  void decodesAsTheWholeFileWouldBe() throws IOException {
    String text = randomText(new Random(9), 3000);
    byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
    byte[] malformed = (text + "\n").getBytes(StandardCharsets.UTF_8);
    malformed[malformed.length / 2] = (byte) 0xC3; // a broken sequence mid-file
    for (byte[] bytes : List.of(utf16, malformed)) {
      List<String> expected = lines(Content.decode(bytes));
      Map<Integer, String> seen = new HashMap<>();
      for (Fragment f : chunk(bytes, 700, 8, 300)) {
        List<String> fl = lines(f.text());
        for (int i = 0; i < fl.size(); i++) {
          seen.put(f.firstLine() + i, fl.get(i));
        }
      }
      for (int n = 1; n <= expected.size(); n++) {
        assertEquals(expected.get(n - 1), seen.get(n), "line " + n);
      }
    }
  }

  @Test
  void aFileOverTheInMemoryBoundIsScannedInChunks() throws IOException {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i < 20_000; i++) {
      s.append("line ").append(i).append('\n');
    }
    s.append("the last line\n");
    Files.writeString(dir.resolve("big.txt"), s);
    List<Fragment> got = Collections.synchronizedList(new ArrayList<>());
    new FileSource(dir, new Limits(1 << 20, 10_000), 1, p -> false).run(got::add);
    assertTrue(got.size() == 1, "one fragment: 4 MiB chunks");
    assertEquals(1, got.get(0).firstLine());
    assertEquals(s.toString(), got.get(0).text());
  }
}
