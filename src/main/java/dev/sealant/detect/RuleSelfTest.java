package dev.sealant.detect;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.Examples;
import dev.sealant.catalog.Rule;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs every rule's own examples, each rule alone (so one rule's result never depends on
 * another's): a match example must yield a finding whose secret is exactly the expected one; a
 * no-match example must yield no finding. Also checks the keyword invariants: each match example
 * contains at least one of the rule's keywords (or the prefilter would hide it), and each keyword
 * occurs in at least one match example (no keyword is dead weight).
 */
public final class RuleSelfTest {

  /** The default path examples are scanned under when they name none. */
  public static final String DEFAULT_PATH = "example.txt";

  private RuleSelfTest() {}

  /** One checked example or invariant. */
  public record Result(String ruleId, String what, boolean passed, String message) {
    public String describe() {
      return "rule '" + ruleId + "' " + what + (passed ? "" : ": " + message);
    }
  }

  public static List<Result> run(Catalog catalog) {
    List<Result> out = new ArrayList<>();
    for (Rule r : catalog.rules()) {
      out.addAll(run(r, catalog));
    }
    return out;
  }

  public static List<Result> run(Rule r, Catalog catalog) {
    List<Result> out = new ArrayList<>();
    Detector d = new Detector(new Catalog(List.of(r), catalog.allow()), false);
    String where = " (" + r.origin() + ")";
    for (Examples.Match m : r.examples().match()) {
      String what = "match example at line " + m.line() + where;
      List<Finding> fs = d.scan(Fragment.of(m.path().orElse(DEFAULT_PATH), m.text()));
      boolean ok = fs.stream().anyMatch(f -> f.secret().equals(m.secret()));
      String found =
          fs.isEmpty()
              ? "no finding"
              : "found "
                  + fs.stream().map(f -> "'" + f.secret() + "'").collect(Collectors.joining(", "));
      out.add(new Result(r.id(), what, ok, "expected secret '" + m.secret() + "' but " + found));
      String lower = m.text().toLowerCase(Locale.ROOT);
      // A file-kind rule (no keywords, a path) reads every line of its files: no prefilter to pass.
      boolean hasKeyword =
          r.keywords().isEmpty() || r.keywords().stream().anyMatch(lower::contains);
      out.add(
          new Result(
              r.id(),
              "keywords in " + what,
              hasKeyword,
              "the text contains none of the keywords "
                  + r.keywords()
                  + ", so the prefilter would skip it"));
    }
    for (Examples.NoMatch n : r.examples().noMatch()) {
      String what = "noMatch example at line " + n.line() + where;
      List<Finding> fs = d.scan(Fragment.of(n.path().orElse(DEFAULT_PATH), n.text()));
      out.add(
          new Result(
              r.id(),
              what,
              fs.isEmpty(),
              "expected no finding but found "
                  + fs.stream()
                      .map(f -> "'" + f.secret() + "'")
                      .collect(Collectors.joining(", "))));
    }
    for (String kw : r.keywords()) {
      boolean used =
          r.examples().match().stream()
              .anyMatch(m -> m.text().toLowerCase(Locale.ROOT).contains(kw));
      out.add(
          new Result(
              r.id(),
              "keyword '" + kw + "'" + where,
              used,
              "no match example contains it: add one, or drop the keyword"));
    }
    return out;
  }
}
