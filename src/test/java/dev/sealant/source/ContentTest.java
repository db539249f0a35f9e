package dev.sealant.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Content}'s word-at-a-time tests against their byte-at-a-time definitions. */
class ContentTest {

  /**
   * Every length up to 40 and a NUL (or none) at every place, within a larger array and with bytes
   * of every value around it, including 0x01 and 0x80 that a careless zero-byte test confuses with
   * NUL.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void hasNulIsTrueExactlyWhenTheProbeHoldsANul(long seed) {
    Random r = new Random(seed);
    byte[] nasty = {1, (byte) 0x80, (byte) 0x81, (byte) 0xff, 0x7f, 1, 1};
    for (int n = 0; n <= 40; n++) {
      for (int at = -1; at < n + 3; at++) {
        byte[] b = new byte[n + 3];
        for (int i = 0; i < b.length; i++) {
          b[i] = r.nextBoolean() ? nasty[r.nextInt(nasty.length)] : (byte) (1 + r.nextInt(255));
        }
        if (at >= 0) {
          b[at] = 0;
        }
        boolean expected = false;
        for (int i = 0; i < n; i++) {
          expected |= b[i] == 0;
        }
        assertEquals(
            expected, Content.hasNul(b, n), "seed " + seed + ", n " + n + ", NUL at " + at);
      }
    }
  }
}
