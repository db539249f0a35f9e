package dev.sealant.report;

import dev.sealant.detect.Display;

/**
 * How a report is rendered.
 *
 * @param showSecrets print secrets in full (off by default: reports redact)
 * @param includeSuppressed also list suppressed findings, with who suppressed them and why
 * @param color ANSI colour in the text report (only on a terminal, never with NO_COLOR)
 * @param verbose list skipped inputs in the text report
 * @param display how repository-controlled strings (paths, authors, reasons) are shown: the CLI
 *     passes one that redacts secrets found in them unless {@code --show-secrets}
 */
public record ReportOptions(
    boolean showSecrets,
    boolean includeSuppressed,
    boolean color,
    boolean verbose,
    Display display) {

  public ReportOptions(
      boolean showSecrets, boolean includeSuppressed, boolean color, boolean verbose) {
    this(showSecrets, includeSuppressed, color, verbose, Display.PLAIN);
  }

  public static ReportOptions defaults() {
    return new ReportOptions(false, false, false, false);
  }

  /** These options showing strings through {@code d}. */
  public ReportOptions with(Display d) {
    return new ReportOptions(showSecrets, includeSuppressed, color, verbose, d);
  }

  /** A repository-controlled name (path, author, e-mail, reason) for a structured format. */
  public String name(String s) {
    return display.name(s);
  }
}
