package dev.sealant.cli;

import dev.sealant.detect.Trace;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Suppression;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Renders one line's decision trace as text; secrets redacted unless asked otherwise. */
final class ExplainRender {

  /** A post-detection filter by name; empty when none is configured. */
  record Filter(String name, Optional<Function<Finding, Optional<Suppression>>> suppress) {}

  /** Findings shown per line; a line repeating one secret thousands of times shows the first. */
  static final int MAX_FINDINGS = 20;

  private final PrintStream out;
  private final boolean showSecrets;

  ExplainRender(PrintStream out, boolean showSecrets) {
    this.out = out;
    this.showSecrets = showSecrets;
  }

  void render(
      int line,
      List<Trace.Step> steps,
      long hiddenSteps,
      List<Finding> findings,
      List<Filter> filters) {
    boolean ran = false;
    for (Trace.Step s : steps) {
      if (s.kind() == Trace.Kind.PATH) {
        out.println("  path      " + s.detail());
      } else if (s.line() == 0 && s.kind() == Trace.Kind.RULE) {
        out.println("  rule      " + ruleName(s) + ": " + s.detail());
      } else if (s.line() == 0) {
        out.println("  " + pad(s.kind()) + s.detail());
      } else if (s.line() == line) {
        ran |= s.kind() == Trace.Kind.RULE;
        out.println("  " + pad(s.kind()) + describe(s));
      }
    }
    if (hiddenSteps > 0) {
      out.println(
          "  ... " + hiddenSteps + " more steps not shown (the first " + steps.size() + " are)");
    }
    if (!ran) {
      out.println("  rules     no rule's keyword occurs on line " + line + ": no rule ran there");
    }
    if (findings.isEmpty()) {
      out.println("  verdict   nothing reported on line " + line);
      return;
    }
    for (Finding f : findings.subList(0, Math.min(findings.size(), MAX_FINDINGS))) {
      out.println(
          "  finding   "
              + f.ruleId()
              + " at column "
              + f.column()
              + " '"
              + ExplainCommand.show(f.secret(), showSecrets)
              + "' (severity "
              + f.rule().severity().name().toLowerCase(Locale.ROOT)
              + ", fingerprint "
              + f.fingerprint()
              + ")");
      Optional<Suppression> by = f.suppression();
      for (Filter filter : filters) {
        if (filter.suppress().isEmpty()) {
          out.println("    " + filter.name() + ": none configured");
          continue;
        }
        Optional<Suppression> s = filter.suppress().get().apply(f);
        out.println(
            "    "
                + filter.name()
                + ": "
                + (s.isPresent()
                    ? "an entry for this fingerprint suppresses it"
                    : "no entry for this fingerprint"));
        if (by.isEmpty()) {
          by = s;
        }
      }
      out.println(
          "    verdict: "
              + by.map(s -> "suppressed by " + ExplainCommand.kind(s)).orElse("reported"));
    }
    if (findings.size() > MAX_FINDINGS) {
      out.println(
          "  ... "
              + (findings.size() - MAX_FINDINGS)
              + " more findings on line "
              + line
              + " not shown");
    }
  }

  private String describe(Trace.Step s) {
    String at = s.column() > 0 ? "column " + s.column() + " " : "";
    String secret =
        s.secret().isEmpty() ? "" : "'" + ExplainCommand.show(s.secret(), showSecrets) + "' ";
    return switch (s.kind()) {
      case RULE -> ruleName(s) + ": " + s.detail();
      case MATCH -> ruleName(s) + " " + at + secret + s.detail();
      case CHECK -> ruleName(s) + " " + (s.pass() ? "pass " : "FAIL ") + s.detail();
      case DECODED, PATH -> s.detail();
      case RESOLVE -> ruleName(s) + " " + at + secret + s.detail();
    };
  }

  private static String ruleName(Trace.Step s) {
    return s.rule()
        .map(
            r ->
                r.id()
                    + (r.generic() ? " (generic)" : r.highConfidence() ? " (high-confidence)" : ""))
        .orElse("-");
  }

  private static String pad(Trace.Kind k) {
    String n = k.name().toLowerCase(Locale.ROOT);
    return n + " ".repeat(Math.max(1, 10 - n.length()));
  }
}
