package dev.sealant.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A rule's own test cases, kept beside it in the catalog. Every match example names the exact
 * secret the rule must extract; every no-match example is text the rule must stay silent on.
 */
public record Examples(List<Match> match, List<NoMatch> noMatch) {

  public Examples {
    match = List.copyOf(match);
    noMatch = List.copyOf(noMatch);
  }

  /** Text that must produce a finding whose secret is exactly {@code secret}. */
  public record Match(String text, String secret, Optional<String> path, int line) {}

  /** Text that must produce no finding from this rule. */
  public record NoMatch(String text, Optional<String> path, int line) {}
}
