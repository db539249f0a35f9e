package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddedLinesTest {

  private static boolean[] added(String now, String... befores) {
    List<LineCounts> counts = java.util.Arrays.stream(befores).map(b -> LineCounts.of(Lines.of(b))).toList();
    return AddedLines.added(Lines.of(now), counts);
  }

  private static String runs(String now, String... befores) {
    Lines lines = Lines.of(now);
    List<LineCounts> counts = java.util.Arrays.stream(befores).map(b -> LineCounts.of(Lines.of(b))).toList();
    return AddedLines.runs(lines, AddedLines.added(lines, counts)).stream()
        .map(r -> (r[0] + 1) + ":" + lines.slice(r[0], r[1]).replace("\n", "|").replace("\r", "<cr>"))
        .collect(Collectors.joining(" "));
  }

  @Test
  void lineEndsAreNewlineCrlfAndLoneCr() {
    Lines l = Lines.of("a\nb\r\nc\rd");
    assertEquals(4, l.count());
    assertEquals("b\r\n", l.slice(1, 2));
    assertEquals("c\r", l.slice(2, 3));
    assertEquals("d", l.slice(3, 4));
    assertEquals(0, Lines.of("").count());
  }

  @Test
  void movedLinesAddNothing() {
    assertArrayEquals(new boolean[] {false, false, false}, added("c\na\nb\n", "a\nb\nc\n"));
  }

  @Test
  void lineEndingChangeAloneAddsNothing() {
    assertArrayEquals(new boolean[] {false, false}, added("a\r\nb\r\n", "a\nb\n"));
  }

  @Test
  void duplicatesCountAsAMultiset() {
    assertArrayEquals(new boolean[] {false, true}, added("x\nx\n", "x\n"));
  }

  @Test
  void runsCarryTheirNewSideLineNumbers() {
    assertEquals("2:new1|new2| 5:new3|", runs("a\nnew1\nnew2\nb\nnew3\n", "a\nb\n"));
  }

  @Test
  void mergeAddsOnlyLinesMissingFromEveryParent() {
    assertArrayEquals(new boolean[] {false, false, true}, added("ours\ntheirs\nresolution\n", "ours\n", "theirs\n"));
  }

  @Test
  void blankAndArmourLinesKeepAKeyBlockWhole() {
    String old = "-----END RSA PRIVATE KEY-----\n\n";
    String now = "keyA\n\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
    assertEquals("1:keyA||-----BEGIN RSA PRIVATE KEY-----|MIIB|-----END RSA PRIVATE KEY-----|", runs(now, old));
  }

  /** Property: against random edits, lines absent from the old version are always added. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void everyNewLineIsReported(long seed) {
    Random r = new Random(seed);
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    java.util.Set<String> oldLines = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      String line = "l" + r.nextInt(50);
      old.append(line).append(r.nextBoolean() ? "\n" : "\r\n");
      oldLines.add(line);
    }
    for (int i = 0; i < 200; i++) {
      now.append("l").append(r.nextInt(80)).append(r.nextInt(3) == 0 ? "\r" : "\n");
    }
    Lines lines = Lines.of(now.toString());
    boolean[] added = added(now.toString(), old.toString());
    for (int i = 0; i < lines.count(); i++) {
      String text = lines.slice(i, i + 1).strip();
      if (!oldLines.contains(text)) {
        assertEquals(true, added[i], "seed " + seed + " line " + (i + 1) + " '" + text + "'");
      }
    }
  }
}
