package dev.sealant.report;

import dev.sealant.detect.Display;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Skipped;
import dev.sealant.scan.ScanResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The human report: one block per finding (grouped under its commit in history scans), how to
 * suppress a false positive, and a summary line.
 */
public final class TextReporter implements Reporter {

  private static final String RED = "\u001b[31;1m";
  private static final String DIM = "\u001b[2m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  private final boolean ignoreFileHint;

  public TextReporter() {
    this(true);
  }

  /**
   * @param ignoreFileHint whether to suggest {@code sealant ignore}: not where the ignore file is
   *     not read (a server's pre-receive hook reads no configuration from the push)
   */
  public TextReporter(boolean ignoreFileHint) {
    this.ignoreFileHint = ignoreFileHint;
  }

  @Override
  public String render(ScanResult scan, ReportOptions o) {
    ScanResult result = Displayed.of(scan, o);
    StringBuilder b = new StringBuilder();
    Optional<String> lastCommit = Optional.empty();
    List<Finding> shown =
        o.includeSuppressed()
            ? Stream.concat(result.findings().stream(), result.suppressed().stream()).toList()
            : result.findings();
    for (Finding f : shown) {
      Optional<String> commit = f.commit().map(CommitInfo::id);
      if (commit.isPresent() && !commit.equals(lastCommit)) {
        CommitInfo c = f.commit().get();
        b.append(paint(o, YELLOW, "commit " + c.id())).append('\n');
        b.append("Author: ")
            .append(clean(c.author()))
            .append(" <")
            .append(clean(c.email()))
            .append(">\n");
        b.append("Date:   ").append(Fields.date(c)).append("\n\n");
      }
      lastCommit = commit;
      block(b, f, o);
    }
    if (o.verbose()) {
      for (Skipped s : result.skipped()) {
        b.append(
                paint(
                    o,
                    DIM,
                    "skipped "
                        + clean(s.path())
                        + s.commit()
                            .map(c -> " @ " + c.substring(0, Math.min(12, c.length())))
                            .orElse("")
                        + ": "
                        + clean(s.reason())))
            .append('\n');
      }
    }
    b.append(summary(result)).append('\n');
    return b.toString();
  }

  private void block(StringBuilder b, Finding f, ReportOptions o) {
    String head = f.suppressed() ? "Suppressed" : "Secret found";
    b.append(paint(o, f.suppressed() ? DIM : RED, head + ": " + f.ruleId()))
        .append(" (")
        .append(clean(f.rule().description()))
        .append(", ")
        .append(f.rule().severity().label())
        .append(")\n");
    b.append("  Location:    ")
        .append(clean(f.path()))
        .append(':')
        .append(f.line())
        .append(':')
        .append(f.column())
        .append('\n');
    b.append("  Secret:      ").append(clean(Fields.secret(f, o)));
    f.encoding().ifPresent(e -> b.append("  (decoded from ").append(e).append(')'));
    b.append('\n');
    f.validated()
        .ifPresent(
            v ->
                b.append("  Validated:   ")
                    .append(v ? "yes (structure checks out)" : "no (structure does not check out)")
                    .append('\n'));
    b.append("  Fingerprint: ").append(f.fingerprint()).append('\n');
    if (f.suppression().isPresent()) {
      b.append("  Suppressed:  ")
          .append(f.suppression().get().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(f.suppression().get().reason().map(r -> " -- " + clean(r)).orElse(""))
          .append('\n');
    } else {
      b.append("  To allow:    rotate the secret first if it is real; for a false positive add\n")
          .append("               'sealant:allow ")
          .append(f.ruleId())
          .append("' in a comment on that line");
      if (ignoreFileHint) {
        b.append(", or run\n               sealant ignore ")
            .append(f.fingerprint())
            .append(" --reason \"...\"");
      }
      b.append('\n');
    }
    b.append('\n');
  }

  static String summary(ScanResult r) {
    long n = r.findings().size();
    StringBuilder s = new StringBuilder();
    s.append(n == 0 ? "No secrets found" : n + (n == 1 ? " secret found" : " secrets found"));
    s.append(" (").append(r.stats().files()).append(r.stats().files() == 1 ? " file" : " files");
    if (r.stats().commits() > 0) {
      s.append(", ")
          .append(r.stats().commits())
          .append(r.stats().commits() == 1 ? " commit" : " commits");
    }
    if (!r.suppressed().isEmpty()) {
      s.append(", ").append(r.suppressed().size()).append(" suppressed");
    }
    if (!r.skipped().isEmpty()) {
      s.append(", ").append(r.skipped().size()).append(" skipped");
    }
    s.append(String.format(Locale.ROOT, ", %.2fs", r.stats().elapsed().toMillis() / 1000.0));
    return s.append(")").toString();
  }

  /** Repository-controlled text made safe for a terminal: {@link Display#escape}. */
  static String clean(String s) {
    return Display.escape(s);
  }

  private static String paint(ReportOptions o, String color, String s) {
    return o.color() ? color + s + RESET : s;
  }
}
