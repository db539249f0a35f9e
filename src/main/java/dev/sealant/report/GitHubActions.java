package dev.sealant.report;

import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;

/**
 * What {@code sealant ci} adds to a GitHub Actions job: one workflow-command annotation per finding
 * (shown on the file and line in the pull request and the run's summary) and a Markdown table for
 * {@code $GITHUB_STEP_SUMMARY}. Secrets are always redacted here, whatever the report's options:
 * job logs and summaries are read by everyone with access to the repository. Pure.
 */
public final class GitHubActions {

  private GitHubActions() {}

  /** {@code ::error file=PATH,line=N,col=C,title=RULE::message}, one line per finding. */
  public static String annotations(ScanResult scan, ReportOptions options) {
    ScanResult result = Displayed.of(scan, options);
    StringBuilder b = new StringBuilder();
    for (Finding f : result.findings()) {
      b.append("::error file=")
          .append(property(f.path()))
          .append(",line=")
          .append(f.line())
          .append(",col=")
          .append(f.column())
          .append(",title=")
          .append(property("Sealant: " + f.ruleId()))
          .append("::")
          .append(data(message(f)))
          .append('\n');
    }
    return b.toString();
  }

  private static String message(Finding f) {
    return f.rule().description()
        + " ("
        + f.rule().severity().label()
        + "), secret "
        + f.redacted()
        + f.commit().map(c -> ", added in commit " + c.id()).orElse("")
        + ". Rotate it if it is real; fingerprint "
        + f.fingerprint()
        + ".";
  }

  /** The step summary: a heading and a table of the findings, redacted, every cell escaped. */
  public static String summary(ScanResult scan, String what, ReportOptions options) {
    ScanResult result = Displayed.of(scan, options);
    StringBuilder b = new StringBuilder();
    int n = result.findings().size();
    if (n == 0) {
      return b.append("### Sealant: no secrets found\n\nScanned ")
          .append(cell(what))
          .append(".\n\n")
          .toString();
    }
    b.append("### Sealant: ")
        .append(n)
        .append(n == 1 ? " secret" : " secrets")
        .append(" found\n\n")
        .append("Scanned ")
        .append(cell(what))
        .append(".\n\n")
        .append("| Rule | Severity | File | Line | Commit | Secret |\n")
        .append("|---|---|---|---:|---|---|\n");
    for (Finding f : result.findings()) {
      b.append("| ")
          .append(cell(f.ruleId()))
          .append(" | ")
          .append(cell(f.rule().severity().label()))
          .append(" | ")
          .append(cell(f.path()))
          .append(" | ")
          .append(f.line())
          .append(" | ")
          .append(
              f.commit()
                  .map(CommitInfo::id)
                  .map(id -> id.substring(0, Math.min(12, id.length())))
                  .map(GitHubActions::cell)
                  .orElse(""))
          .append(" | ")
          .append(cell(f.redacted()))
          .append(" |\n");
    }
    return b.append('\n').toString();
  }

  /** A workflow command's message: GitHub's escapes for {@code %}, CR and LF. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A workflow command's property value: the message escapes plus {@code :} and {@code ,}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Text in a Markdown table cell: control characters become {@code ?}, and every character that
   * Markdown or HTML would read as syntax (pipes, emphasis, links, tags, code spans) is escaped, so
   * a file name cannot break the table or inject markup.
   */
  static String cell(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append('?');
              } else if (c == '<') {
                b.append("&lt;");
              } else if (c == '>') {
                b.append("&gt;");
              } else if (c == '&') {
                b.append("&amp;");
              } else if ("\\|`*_[]()#!~{}".indexOf(c) >= 0) {
                b.append('\\').appendCodePoint(c);
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
