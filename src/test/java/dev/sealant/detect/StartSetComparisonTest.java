package dev.sealant.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.Examples;
import dev.sealant.catalog.Rule;
import dev.sealant.testing.Paths;
import dev.sealant.testing.RandomRegex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Selectivity of the start finder built from RE2J's tree against the one built from the old
 * RegexSyntax reader, per shipped rule: start characters, required characters, automaton size, and
 * the offsets each lists over a corpus (the catalog's examples and this project's sources).
 */
class StartSetComparisonTest {

  @Test
  void bridgeIsAtLeastAsSelectiveAsTheOldReaderOnEveryShippedRule() throws IOException {
    List<String> corpus = new ArrayList<>();
    List<Rule> rules = CatalogLoader.load(Paths.patterns()).rules();
    for (Rule rule : rules) {
      rule.examples().match().stream().map(Examples.Match::text).forEach(corpus::add);
      rule.examples().noMatch().stream().map(Examples.NoMatch::text).forEach(corpus::add);
    }
    try (Stream<Path> files = Files.walk(Paths.basedir().resolve("src/main"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        corpus.addAll(Files.readAllLines(f));
      }
    }
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 5000; i++) {
      corpus.add(RandomRegex.text(random, 120));
    }
    int positionsOld = 0, positionsNew = 0, posMore = 0;
    int same = 0, largerStart = 0, smallerStart = 0, lostFinder = 0, gainedFinder = 0;
    int reqSame = 0, reqLost = 0, reqGained = 0, reqChanged = 0, moreOffsets = 0, fewerOffsets = 0;
    long oldTotal = 0, newTotal = 0;
    List<String> worse = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.multiline() || rule.syntax().isPresent()) {
        continue;
      }
      Optional<LegacyStartFinder> old = LegacyStartFinder.of(rule.regex());
      Optional<StartFinder> now = StartFinder.of(rule.regex());
      if (old.isPresent() != now.isPresent()) {
        if (old.isPresent()) {
          lostFinder++;
          worse.add(rule.id() + ": finder lost");
        } else {
          gainedFinder++;
        }
        continue;
      }
      if (old.isEmpty()) {
        continue;
      }
      positionsOld += old.get().positions();
      positionsNew += now.get().positions();
      if (now.get().positions() > old.get().positions()) {
        posMore++;
        worse.add(
            rule.id() + ": positions " + old.get().positions() + " -> " + now.get().positions());
      }
      boolean[] o = old.get().startChars();
      StartFinder.Chars n = now.get().startChars();
      int oc = 0, nc = 0;
      boolean superset = true, subset = true;
      for (int c = 0; c <= 128; c++) {
        boolean inNew = c < 128 ? n.has(c) : n.nonAscii();
        oc += o[c] ? 1 : 0;
        nc += inNew ? 1 : 0;
        superset &= !o[c] || inNew;
        subset &= o[c] || !inNew;
      }
      if (superset && subset) {
        same++;
      } else if (subset) {
        smallerStart++;
        worse.add(rule.id() + ": smaller start set " + oc + " -> " + nc);
      } else {
        largerStart++;
        worse.add(rule.id() + ": start set " + oc + " -> " + nc);
      }
      boolean[] or = old.get().requiredChars();
      Optional<StartFinder.Chars> nr = now.get().requiredChars();
      if (or == null && nr.isEmpty()) {
        reqSame++;
      } else if (or == null) {
        reqGained++;
      } else if (nr.isEmpty()) {
        reqLost++;
        worse.add(rule.id() + ": required set lost");
      } else {
        boolean eq = or[128] == nr.get().nonAscii();
        for (int c = 0; c < 128; c++) {
          eq &= or[c] == nr.get().has(c);
        }
        if (eq) {
          reqSame++;
        } else {
          reqChanged++;
          worse.add(rule.id() + ": required set changed");
        }
      }
      long ot = 0, nt = 0;
      for (String line : corpus) {
        for (long w : old.get().starts(line, 0, line.length())) {
          ot += Long.bitCount(w);
        }
        for (long w : now.get().starts(line, 0, line.length())) {
          nt += Long.bitCount(w);
        }
      }
      oldTotal += ot;
      newTotal += nt;
      if (nt > ot) {
        moreOffsets++;
        worse.add(rule.id() + ": offsets " + ot + " -> " + nt);
      } else if (nt < ot) {
        fewerOffsets++;
      }
    }
    System.out.printf(
        "COMPARISON rules=%d corpusLines=%d startSame=%d startSmaller=%d startLarger=%d"
            + " finderLost=%d finderGained=%d requiredSame=%d requiredGained=%d requiredLost=%d"
            + " requiredChanged=%d offsetsOld=%d offsetsNew=%d rulesFewerOffsets=%d"
            + " rulesMoreOffsets=%d positionsOld=%d positionsNew=%d rulesMorePositions=%d%n  %s%n",
        rules.size(),
        corpus.size(),
        same,
        smallerStart,
        largerStart,
        lostFinder,
        gainedFinder,
        reqSame,
        reqGained,
        reqLost,
        reqChanged,
        oldTotal,
        newTotal,
        fewerOffsets,
        moreOffsets,
        positionsOld,
        positionsNew,
        posMore,
        String.join("\n  ", worse));
    assertTrue(largerStart == 0 && lostFinder == 0 && moreOffsets == 0, String.join("; ", worse));
  }
}
