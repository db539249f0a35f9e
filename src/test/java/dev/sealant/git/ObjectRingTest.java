package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectRingTest {

  private static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  private static byte[] get(ObjectRing ring, long key) {
    ObjectRing.Buffer b = new ObjectRing.Buffer();
    return ring.get(key, b) < 0 ? null : b.copy();
  }

  /**
   * What a worker's buffers keep between objects shrinks with the number of workers: with several
   * buffers each, 48 workers keeping 4 MiB per buffer outgrew a 320 MiB heap.
   */
  @Test
  void whatABufferKeepsIsBoundedByTheHeapAndTheWorkers() {
    long heap = Runtime.getRuntime().maxMemory();
    for (int threads = 1; threads <= 512; threads++) {
      int keep = ObjectRing.Buffer.keep(threads);
      assertTrue(keep >= 64 << 10 && keep <= 4 << 20, threads + " threads: " + keep);
      assertTrue(
          keep == 64 << 10 || (long) keep * threads * 64 <= heap,
          threads + " threads keep " + keep + " each of a " + heap + " heap");
    }
    ObjectRing.Buffer b = new ObjectRing.Buffer(16, 1 << 16);
    b.ensure(1 << 16);
    b.shrink();
    assertEquals(1 << 16, b.bytes.length, "kept: at the bound");
    b.ensure((1 << 16) + 1);
    b.shrink();
    assertTrue(b.bytes.length <= 1 << 16, "let go: over the bound");
  }

  @Test
  void keepsWhatFitsWithItsType() {
    ObjectRing ring = new ObjectRing(4096);
    ring.put(7, 3, bytes(100, 1), 100);
    ObjectRing.Buffer b = new ObjectRing.Buffer();
    assertEquals(3, ring.get(7, b));
    assertArrayEquals(bytes(100, 1), b.copy());
    assertEquals(-1, ring.get(8, b));
  }

  @Test
  void anObjectOverAQuarterIsNotKept() {
    ObjectRing ring = new ObjectRing(4096);
    ring.put(1, 3, bytes(1100, 1), 1100);
    assertEquals(null, get(ring, 1));
  }

  @Test
  void theOldestGoesFirstUnlessReadAgain() {
    ObjectRing ring = new ObjectRing(4096);
    for (int k = 1; k <= 4; k++) {
      ring.put(k, 3, bytes(500, k), 500); // four of about 513 bytes: half the ring
    }
    assertArrayEquals(bytes(500, 1), get(ring, 1)); // read in the older half: written again
    for (int k = 5; k <= 8; k++) {
      ring.put(k, 3, bytes(500, k), 500);
    }
    assertArrayEquals(bytes(500, 1), get(ring, 1), "the object read again survives");
    assertEquals(null, get(ring, 2), "the oldest untouched object is gone");
    assertArrayEquals(bytes(500, 8), get(ring, 8));
  }

  @Test
  void anObjectSpansSlabs() {
    ObjectRing ring = new ObjectRing(4096, 100);
    byte[] b = new byte[700];
    new Random(1).nextBytes(b);
    ring.put(5, 2, b, b.length);
    ring.put(6, 2, b, 350);
    assertArrayEquals(b, get(ring, 5));
    assertArrayEquals(Arrays.copyOf(b, 350), get(ring, 6));
  }

  @Test
  void aPrefixIsStoredBeforeTheBytes() {
    ObjectRing ring = new ObjectRing(4096);
    ring.put(9, 0, new byte[] {1, 2}, new byte[] {3, 4, 5}, 2);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, get(ring, 9));
  }

  /** Whatever the ring returns for a key is the content last put under it, never another's. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void neverReturnsStaleOrForeignContent(long seed) {
    Random rnd = new Random(seed);
    int capacity = 1 << (12 + rnd.nextInt(6));
    ObjectRing ring = new ObjectRing(capacity, 100 + rnd.nextInt(capacity));
    Map<Long, byte[]> last = new HashMap<>();
    int hits = 0;
    for (int step = 0; step < 20_000; step++) {
      long key = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 5000);
      if (rnd.nextInt(3) == 0) {
        byte[] content = new byte[rnd.nextInt(capacity / 8)];
        rnd.nextBytes(content);
        ring.put(key, 3, content, content.length);
        last.put(key, content);
      } else {
        byte[] got = get(ring, key);
        if (got != null) {
          hits++;
          assertArrayEquals(last.get(key), got, "seed " + seed + ", step " + step + ", key " + key);
        }
      }
    }
    assertEquals(true, hits > 0, "seed " + seed + ": some reads hit");
  }
}
