package dev.sealant.detect;

import dev.sealant.catalog.Rule;
import dev.sealant.detect.syntax.AssignmentReader;
import dev.sealant.detect.syntax.Dialect;
import dev.sealant.detect.syntax.UrlCredentials;

/**
 * Runs a rule's syntax reader ({@code syntax: assignment}) instead of a regex over a window of a
 * keyword line. The reader reports the decoded value and where its encoded form starts, so a
 * finding points at the literal's exact column.
 */
final class SyntaxMatcher {

  private SyntaxMatcher() {}

  static void findAll(
      Rule rule, String path, String text, int from, int to, RuleMatcher.Sink sink) {
    String syntax = rule.syntax().orElse("");
    if (syntax.equals("assignment")) {
      AssignmentReader.credentials(
          text, from, to, Dialect.of(path), a -> sink.match(a.start(), a.value()));
    } else if (syntax.equals("url")) {
      UrlCredentials.find(text, from, to, a -> sink.match(a.start(), a.value()));
    }
  }
}
