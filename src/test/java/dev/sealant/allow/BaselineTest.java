package dev.sealant.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ConfigException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineTest {

  static Baseline.Entry e(String fpDigit, String path) {
    return new Baseline.Entry(fpDigit.repeat(32), "github-pat-classic", path);
  }

  @Test
  void writeIsSortedStableAndRoundTrips() {
    Set<Baseline.Entry> a = Set.of(e("b", "z.py"), e("a", "a.py"), e("c", "m.py"));
    String once = Baseline.write(a);
    assertEquals(once, Baseline.write(Baseline.parse("b.json", once)));
    assertTrue(
        once.indexOf("a.py") < once.indexOf("m.py") && once.indexOf("m.py") < once.indexOf("z.py"));
    assertTrue(!once.contains("line") && !once.contains("date"), once);
  }

  @Test
  void threeWayMergeKeepsAdditionsAndHonoursRemovals() {
    Set<Baseline.Entry> base = Set.of(e("a", "a.py"), e("b", "b.py"));
    Set<Baseline.Entry> ours = Set.of(e("a", "a.py"), e("b", "b.py"), e("c", "c.py"));
    Set<Baseline.Entry> theirs = Set.of(e("a", "a.py"), e("d", "d.py"));
    Set<Baseline.Entry> merged = Baseline.merge(base, ours, theirs);
    assertEquals(Set.of(e("a", "a.py"), e("c", "c.py"), e("d", "d.py")), Set.copyOf(merged));
  }

  @Test
  void malformedBaselineIsAConfigError() {
    assertThrows(ConfigException.class, () -> Baseline.parse("b.json", "{"));
    assertThrows(
        ConfigException.class,
        () -> Baseline.parse("b.json", "{\"version\": 1, \"findings\": [{}]}"));
    assertThrows(
        ConfigException.class,
        () -> Baseline.parse("b.json", "{\"version\": 9, \"findings\": []}"));
  }
}
