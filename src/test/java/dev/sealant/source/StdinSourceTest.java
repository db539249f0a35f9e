package dev.sealant.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard input is read whole, within both the size limit and the in-memory bound. */
class StdinSourceTest {

  private static List<String> run(String input, Limits limits, List<Fragment> got) {
    List<String> warnings = new ArrayList<>();
    new StdinSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), limits)
        .run(
            new Sink() {
              @Override
              public void accept(Fragment f) {
                got.add(f);
              }

              @Override
              public void warn(String message) {
                warnings.add(message);
              }

              @Override
              public void skipped(Skipped s) {
                assertTrue(s.unscanned(), s.toString());
                warnings.add(s.reason());
              }
            });
    return warnings;
  }

  @Test
  void inputWithinBothBoundsIsScanned() {
    List<Fragment> got = new ArrayList<>();
    assertEquals(List.of(), run("a\nb\n", new Limits(100, 100), got));
    assertEquals("a\nb\n", got.get(0).text());
  }

  @Test
  void inputOverTheInMemoryBoundIsRefusedAsUnscannedNotRead() {
    List<Fragment> got = new ArrayList<>();
    List<String> warnings = run("x".repeat(500), new Limits(1000, 100), got);
    assertEquals(List.of(), got);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("save it to a file and scan the file"), warnings.get(0));
  }

  @Test
  void inputOverTheSizeLimitIsNotScanned() {
    List<Fragment> got = new ArrayList<>();
    List<String> warnings = run("x".repeat(500), new Limits(100, 1000), got);
    assertEquals(List.of(), got);
    assertTrue(warnings.get(0).contains("larger than --max-file-size"), warnings.get(0));
  }
}
