package dev.sealant.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sealant.detect.RuleSelfTest;
import dev.sealant.testing.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example of every shipped rule as its own test, plus the catalog's lint invariants. The
 * catalog is read from the project's {@code patterns/} directory: the very files the jar ships.
 */
class ShippedCatalogTest {

  static Catalog shipped() {
    return CatalogLoader.load(Paths.patterns());
  }

  @TestFactory
  Stream<DynamicTest> everyRuleExampleHolds() {
    Catalog c = shipped();
    return RuleSelfTest.run(c).stream()
        .map(r -> dynamicTest(r.describe(), () -> assertTrue(r.passed(), r.describe())));
  }

  @Test
  void builtInCatalogIsTheShippedDirectory() {
    Catalog fromJar = CatalogLoader.builtIn();
    assertEquals(
        shipped().rules().stream().map(Rule::id).toList(),
        fromJar.rules().stream().map(Rule::id).toList());
  }

  @Test
  void compiledCatalogEqualsTheYamlFieldForField() {
    Catalog yaml = shipped();
    Catalog compiled = CatalogLoader.builtIn();
    assertEquals(describe(yaml), describe(compiled));
  }

  /**
   * Strings outside ASCII anywhere (descriptions, keywords' neighbours, stopwords, regexes) survive
   * the compiled form, beside ASCII ones: the pool keeps them apart.
   */
  @Test
  void compiledFormKeepsStringsOutsideAscii() throws Exception {
    String yaml =
        String.join(
            "\n",
            "rules:",
            "  - id: cafe-token",
            "    description: Caf\u00e9 \u2022 token \uD83D\uDD11 (\u00fc\u00df)",
            "    keywords: [cafe_]",
            "    regex: 'cafe_([a-z0-9]{12})\u00e9?'",
            "    severity: low",
            "    tags: [t\u00e9st]",
            "    allow:",
            "      stopwords: ['\u2022\u2022\u2022\u2022', plain]",
            "      regexes: ['^\u00e9+$']",
            "    examples:",
            "      match: [{text: 'cafe_abcdefabcdef', secret: abcdefabcdef}]",
            "      noMatch: ['cafe_']",
            "allow:",
            "  stopwords: ['\u00a0nbsp', ascii]",
            "");
    Catalog c = CatalogLoader.parse(List.of(new CatalogLoader.Source("t.yaml", yaml)));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    CompiledCatalog.write(c, out);
    Catalog back = CompiledCatalog.read(new java.io.ByteArrayInputStream(out.toByteArray()));
    assertEquals(describe(c), describe(back));
    assertTrue(describe(back).contains("Caf\u00e9 \u2022 token \uD83D\uDD11"), describe(back));
  }

  static String describe(Catalog c) {
    StringBuilder b = new StringBuilder();
    for (Rule r : c.rules()) {
      b.append(
              List.of(
                  r.id(),
                  r.description(),
                  r.keywords(),
                  r.regex(),
                  r.pattern().source(),
                  r.secretGroup(),
                  r.minEntropy(),
                  r.path().map(p -> p.source()),
                  r.allow().stopwords(),
                  r.allow().regexes().stream().map(p -> p.source()).toList(),
                  r.severity(),
                  r.tags(),
                  r.multiline(),
                  r.validate(),
                  r.requireValid(),
                  r.origin().line(),
                  r.syntax()))
          .append('\n');
    }
    b.append(c.allow().paths().stream().map(Glob::glob).toList())
        .append(c.allow().quietPaths().stream().map(Glob::glob).toList())
        .append(c.allow().values().stopwords())
        .append(c.allow().values().regexes().stream().map(p -> p.source()).toList());
    return b.toString();
  }

  @Test
  void everyRuleHasTwoExamplesOfEachKind() {
    for (Rule r : shipped().rules()) {
      assertTrue(r.examples().match().size() >= 2, r.id() + " needs >= 2 match examples");
      assertTrue(r.examples().noMatch().size() >= 2, r.id() + " needs >= 2 noMatch examples");
    }
  }

  @Test
  void idsAreUniqueAndKebabCase() {
    Set<String> seen = new HashSet<>();
    for (Rule r : shipped().rules()) {
      assertTrue(seen.add(r.id()), "duplicate " + r.id());
      assertTrue(r.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.id());
    }
  }

  @Test
  void everyRuleHasDescriptionTagsAndKeywords() {
    List<Rule> rules = shipped().rules();
    for (Rule r : rules) {
      assertTrue(!r.description().isBlank(), r.id());
      assertTrue(!r.tags().isEmpty(), r.id() + " has no tags (its family)");
      assertTrue(
          !r.keywords().isEmpty() || r.path().isPresent(),
          r.id() + ": keywords, or a path (file-kind rule)");
    }
  }
}
