package dev.sealant.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Content}'s word-at-a-time tests against their byte-at-a-time definitions. */
class ContentTest {

  /** Every length to 40, a NUL at every place or none, bytes near zero (0x01, 0x80) around it. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void indexOfNulFindsTheFirstNulAndHasNulAgrees(long seed) {
    Random r = new Random(seed);
    byte[] nasty = {1, (byte) 0x80, (byte) 0x81, (byte) 0xff, 0x7f};
    for (int to = 0; to <= 40; to++) {
      for (int from = 0; from <= Math.min(to, 9); from++) {
        for (int at = -1; at < to + 2; at++) {
          byte[] b = new byte[to + 2];
          for (int i = 0; i < b.length; i++) {
            b[i] = r.nextBoolean() ? nasty[r.nextInt(nasty.length)] : (byte) (1 + r.nextInt(255));
          }
          if (at >= 0) {
            b[at] = 0;
          }
          if (r.nextInt(4) == 0) {
            b[r.nextInt(b.length)] = 0;
          }
          int expected = -1;
          for (int i = from; i < to && expected < 0; i++) {
            expected = b[i] == 0 ? i : -1;
          }
          assertEquals(
              expected,
              Content.indexOfNul(b, from, to),
              "seed " + seed + ", [" + from + ", " + to + "), NUL at " + at);
          if (from == 0) {
            assertEquals(expected >= 0, Content.hasNul(b, to));
          }
        }
      }
    }
  }

  /** Every set of flagged bytes: the multiply gives the lowest one's index, as a bit count does. */
  @Test
  void lowestFlaggedByteIsTheLowestForEverySetOfFlags() {
    for (int set = 1; set < 256; set++) {
      long flags = 0;
      for (int k = 0; k < 8; k++) {
        flags |= (set >>> k & 1L) << (8 * k + 7);
      }
      assertEquals(
          Long.numberOfTrailingZeros(flags) >>> 3,
          Content.lowestFlaggedByte(flags),
          Long.toHexString(flags));
    }
  }
}
