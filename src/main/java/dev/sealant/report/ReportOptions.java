package dev.sealant.report;

/**
 * How a report is rendered.
 *
 * @param showSecrets print secrets in full (off by default: reports redact)
 * @param includeSuppressed also list suppressed findings, with who suppressed them and why
 * @param color ANSI colour in the text report (only on a terminal, never with NO_COLOR)
 * @param verbose list skipped inputs in the text report
 */
public record ReportOptions(boolean showSecrets, boolean includeSuppressed, boolean color, boolean verbose) {

  public static ReportOptions defaults() {
    return new ReportOptions(false, false, false, false);
  }
}
