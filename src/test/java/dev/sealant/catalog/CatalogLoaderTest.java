package dev.sealant.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.CatalogException;
import dev.sealant.kernel.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

  static final String GOOD =
      """
      rules:
        - id: demo-token
          description: Demo token
          keywords: [demo_]
          regex: '\\b(demo_[a-z0-9]{8})\\b'
          examples:
            match:
              - text: 'x = demo_abcd1234'
                secret: demo_abcd1234
            noMatch:
              - 'demo_short'
      """;

  static Catalog parse(String text) {
    return CatalogLoader.parse(List.of(new CatalogLoader.Source("rules.yaml", text)));
  }

  static String error(String text) {
    return assertThrows(CatalogException.class, () -> parse(text)).getMessage();
  }

  @Test
  void goodRuleLoadsWithDefaults() {
    Rule r = parse(GOOD).rules().get(0);
    assertEquals("demo-token", r.id());
    assertEquals(1, r.secretGroup());
    assertEquals(Severity.HIGH, r.severity());
    assertEquals(new Origin("rules.yaml", 2), r.origin());
  }

  @Test
  void unknownKeyNamesFileLineAndKey() {
    String m = error(GOOD.replace("    description: Demo token", "    descripton: Demo token"));
    assertTrue(m.startsWith("rules.yaml:3:"), m);
    assertTrue(m.contains("unknown key 'descripton'"), m);
  }

  @Test
  void missingFieldNamesRule() {
    String m = error(GOOD.replace("    description: Demo token\n", ""));
    assertTrue(m.contains("rule 'demo-token'") && m.contains("'description'"), m);
  }

  @Test
  void lookaroundIsExplainedAndNamesRule() {
    String m = error(GOOD.replace("'\\b(demo_[a-z0-9]{8})\\b'", "'(?=demo_)(demo_[a-z0-9]{8})'"));
    assertTrue(m.startsWith("rules.yaml:5:"), m);
    assertTrue(m.contains("rule 'demo-token'") && m.contains("lookaround"), m);
  }

  @Test
  void backreferenceIsExplained() {
    String m = error(GOOD.replace("'\\b(demo_[a-z0-9]{8})\\b'", "'(demo_)\\1'"));
    assertTrue(m.contains("backreferences"), m);
  }

  @Test
  void secretGroupBeyondGroupsIsAnError() {
    String m = error(GOOD.replace("    examples:", "    secretGroup: 2\n    examples:"));
    assertTrue(m.contains("secretGroup 2") && m.contains("1 capture group"), m);
  }

  @Test
  void duplicateIdsAcrossFilesNameBothPlaces() {
    CatalogException e =
        assertThrows(
            CatalogException.class,
            () ->
                CatalogLoader.parse(
                    List.of(
                        new CatalogLoader.Source("a.yaml", GOOD),
                        new CatalogLoader.Source("b.yaml", GOOD))));
    assertTrue(
        e.getMessage().startsWith("b.yaml:2:") && e.getMessage().contains("a.yaml:2"),
        e.getMessage());
  }

  @Test
  void wrongTypeIsAnError() {
    String m = error(GOOD.replace("keywords: [demo_]", "keywords: {a: b}"));
    assertTrue(m.contains("'keywords' must be a list"), m);
  }

  @Test
  void shortKeywordIsRejected() {
    String m = error(GOOD.replace("keywords: [demo_]", "keywords: [de]"));
    assertTrue(m.contains("shorter than 3"), m);
  }

  @Test
  void ruleWithoutExamplesOfBothKindsIsRejected() {
    String m = error(GOOD.replace("      noMatch:\n        - 'demo_short'\n", ""));
    assertTrue(m.contains("noMatch"), m);
  }

  @Test
  void malformedYamlNamesLine() {
    String m = error("rules:\n  - id: x\n    description: [unclosed\n");
    assertTrue(m.startsWith("rules.yaml:"), m);
    assertTrue(m.contains("invalid YAML"), m);
  }

  @Test
  void emptyFileIsAnEmptyCatalog() {
    assertEquals(0, parse("").rules().size());
    assertEquals(0, parse("# only a comment\n").rules().size());
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 40; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    String m = error(b.toString());
    assertTrue(m.startsWith("rules.yaml:"), m);
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "rules: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    String m = error(deep);
    assertTrue(m.contains("invalid YAML") || m.contains("must be"), m);
  }

  @Test
  void arbitraryTypesAreNeverInstantiated() {
    String m =
        error(
            "rules: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
    assertTrue(m.startsWith("rules.yaml:"), m);
  }
}
