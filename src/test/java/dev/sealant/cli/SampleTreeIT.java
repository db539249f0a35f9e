package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Examples;
import dev.sealant.catalog.Rule;
import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule family end to end through the real command line: each rule's match examples are
 * planted as files of a sample tree and must be reported by that rule with {@code sealant scan
 * --no-git}; each no-match example, planted the same way, must not be.
 */
class SampleTreeIT {

  @TempDir Path tree;

  @Test
  void everyPlantedExampleIsCaughtAndNoNegativeIs() throws Exception {
    Catalog c = CatalogLoader.builtInWithExamples();
    List<String[]> positives = new ArrayList<>();
    List<String[]> negatives = new ArrayList<>();
    for (Rule r : c.rules()) {
      int i = 0;
      for (Examples.Match m : r.examples().match()) {
        String p = plant(r, "match" + i++, m.path().orElse("example.txt"), m.text());
        positives.add(new String[] {r.id(), p});
      }
      i = 0;
      for (Examples.NoMatch n : r.examples().noMatch()) {
        String p = plant(r, "nomatch" + i++, n.path().orElse("example.txt"), n.text());
        negatives.add(new String[] {r.id(), p});
      }
    }
    Cli.Run run = Cli.run(tree, "scan", "--no-git", "--no-inline-allow", "-f", "json", ".");
    String json = run.out();
    assertTrue(run.code() == ExitCodes.FINDINGS, run.err());
    List<String> missed = new ArrayList<>();
    for (String[] p : positives) {
      if (!findingOf(json, p[0], p[1])) {
        missed.add(p[0] + " in " + p[1]);
      }
    }
    assertTrue(missed.isEmpty(), "not caught: " + missed);
    List<String> wrong = new ArrayList<>();
    for (String[] n : negatives) {
      if (findingOf(json, n[0], n[1])) {
        wrong.add(n[0] + " in " + n[1]);
      }
    }
    assertTrue(wrong.isEmpty(), "negative examples reported by their own rule: " + wrong);
    assertTrue(
        positives.size() >= 2 * c.rules().size() && c.rules().size() >= 150, "catalog shrank");
  }

  /**
   * Plants an example at {@code rule/kind/PATH}, keeping the example's own path (rules may filter
   * on it).
   */
  private String plant(Rule r, String kind, String path, String text) throws Exception {
    String rel = r.id() + "/" + kind + "/" + path;
    Path f = tree.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return rel;
  }

  /** True when the JSON report holds a finding of {@code rule} in {@code path}. */
  private static boolean findingOf(String json, String rule, String path) {
    int at = 0;
    while ((at = json.indexOf("\"ruleId\": \"" + rule + "\",", at)) >= 0) {
      int end = json.indexOf("\n  }", at);
      if (json.substring(at, end < 0 ? json.length() : end)
          .contains("\"path\": \"" + path + "\"")) {
        return true;
      }
      at++;
    }
    return false;
  }
}
