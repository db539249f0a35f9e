package dev.sealant.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A regex that RE2J would expand into millions of instructions is refused before it compiles. */
class RegexBudgetTest {

  @Test
  void nestedCountedRepetitionOverRe2sLimitIsRefused() {
    assertTrue(
        RegexBudget.check("((((a{50}){50}){50}){50})").orElseThrow().contains("nested repetition"));
    assertTrue(RegexBudget.check("(?:(?:x{10,}){20}){10}").isPresent());
    assertTrue(RegexBudget.check("(?i)(?P<k>[a-z]{40}){30}").isPresent());
  }

  @Test
  void aLongRunOfLargeCountsIsRefusedBySize() {
    assertTrue(RegexBudget.check("a{999}".repeat(200)).orElseThrow().contains("instructions"));
  }

  @Test
  void ordinaryRegexesAndOddSyntaxPass() {
    for (String ok :
        new String[] {
          "ghp_[A-Za-z0-9]{36}",
          "(?:[a-z0-9]{20,40}\\.){2}",
          "a{2,}b{,3}c{x}",
          "[]{}]{5}",
          "\\{100}",
          "[[:alpha:]{]{3}",
          "\\x{10FFFF}{8}\\p{L}{4}",
          "((a{10}){10}){10}",
          "(",
          ")",
          "{"
        }) {
      assertEquals(Optional.empty(), RegexBudget.check(ok), ok);
    }
  }

  @Test
  void everyShippedRuleIsWithinBudget() {
    for (Rule r : CatalogLoader.builtIn().rules()) {
      assertEquals(Optional.empty(), RegexBudget.check(r.regex()), r.id());
      r.allow()
          .regexes()
          .forEach(p -> assertEquals(Optional.empty(), RegexBudget.check(p.source()), r.id()));
    }
  }
}
