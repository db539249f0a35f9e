package dev.sealant.report;

import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML, the report every CI server renders: one test case per rule and file (class name the
 * rule id, name the path), holding a {@code <failure>} per finding. {@code tests} counts test cases
 * and {@code failures} the failing ones, so "passed" never goes negative in a CI summary.
 * Suppressed findings, when asked for, are skipped test cases. A scan without findings is one
 * passing test case, so CI shows a result rather than "no tests".
 */
public final class JunitReporter implements Reporter {

  private static final String SUITE = "sealant";

  /** Findings of one rule in one file, in report order. */
  private record Case(String ruleId, String path, boolean suppressed, List<Finding> findings) {}

  @Override
  public String render(ScanResult scan, ReportOptions o) {
    ScanResult result = Displayed.of(scan, o);
    List<Case> cases = new ArrayList<>(group(result.findings(), false));
    if (o.includeSuppressed()) {
      cases.addAll(group(result.suppressed(), true));
    }
    int failures = 0;
    int skipped = 0;
    for (Case c : cases) {
      failures += c.suppressed() ? 0 : 1;
      skipped += c.suppressed() ? 1 : 0;
    }
    boolean clean = result.findings().isEmpty();
    int tests = cases.size() + (clean ? 1 : 0);
    String time = String.format(Locale.ROOT, "%.3f", result.stats().elapsed().toMillis() / 1000.0);
    String counts =
        "tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\" skipped=\""
            + skipped
            + "\" time=\""
            + time
            + "\"";
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"").append(SUITE).append("\" ").append(counts).append(">\n");
    b.append("  <testsuite name=\"").append(SUITE).append("\" ").append(counts).append(">\n");
    properties(b, result);
    if (clean) {
      b.append("    <testcase classname=\"sealant\" name=\"no secrets found\" time=\"")
          .append(time)
          .append("\"/>\n");
    }
    for (Case c : cases) {
      testcase(b, c, o);
    }
    b.append("  </testsuite>\n</testsuites>\n");
    return b.toString();
  }

  /** Cases sorted by path, then rule id: stable for equal input whatever the scan order. */
  private static List<Case> group(List<Finding> findings, boolean suppressed) {
    Map<String, Case> byKey = new TreeMap<>();
    for (Finding f : findings) {
      byKey
          .computeIfAbsent(
              f.path() + '\0' + f.ruleId(),
              k -> new Case(f.ruleId(), f.path(), suppressed, new ArrayList<>()))
          .findings()
          .add(f);
    }
    return new ArrayList<>(byKey.values());
  }

  private static void testcase(StringBuilder b, Case c, ReportOptions o) {
    b.append("    <testcase classname=\"")
        .append(Xml.attr(c.ruleId()))
        .append("\" name=\"")
        .append(Xml.attr(c.path()))
        .append("\" time=\"0\">\n");
    if (c.suppressed()) {
      StringBuilder m = new StringBuilder();
      for (Finding f : c.findings()) {
        m.append(m.length() == 0 ? "suppressed: " : "; ")
            .append(headline(f, o))
            .append(" (")
            .append(Fields.suppressionKind(f.suppression().get()))
            .append(f.suppression().get().reason().map(r -> " -- " + r).orElse(""))
            .append(')');
      }
      b.append("      <skipped message=\"").append(Xml.attr(m.toString())).append("\"/>\n");
    }
    for (Finding f : c.suppressed() ? List.<Finding>of() : c.findings()) {
      b.append("      <failure type=\"")
          .append(Xml.attr(f.ruleId()))
          .append("\" message=\"")
          .append(Xml.attr(headline(f, o)))
          .append("\">")
          .append(Xml.text(details(f, o)))
          .append("</failure>\n");
    }
    b.append("    </testcase>\n");
  }

  /** {@code path:line:column rule: redacted secret}, the line a CI summary shows. */
  private static String headline(Finding f, ReportOptions o) {
    return f.path()
        + ":"
        + f.line()
        + ":"
        + f.column()
        + " "
        + f.ruleId()
        + ": "
        + oneLine(Fields.secret(f, o));
  }

  private static String details(Finding f, ReportOptions o) {
    StringBuilder b = new StringBuilder();
    b.append(f.rule().description()).append(" (").append(f.rule().severity().label()).append(")\n");
    b.append("Location:    ")
        .append(f.path())
        .append(':')
        .append(f.line())
        .append(':')
        .append(f.column())
        .append('\n');
    f.commit()
        .ifPresent(
            c ->
                b.append("Commit:      ")
                    .append(c.id())
                    .append(" by ")
                    .append(c.author())
                    .append(" <")
                    .append(c.email())
                    .append("> on ")
                    .append(Fields.date(c))
                    .append('\n'));
    b.append("Secret:      ").append(oneLine(Fields.secret(f, o)));
    f.encoding().ifPresent(e -> b.append(" (decoded from ").append(e).append(')'));
    b.append('\n');
    b.append("Fingerprint: ").append(f.fingerprint()).append('\n');
    b.append("To allow:    rotate it first if it is real; for a false positive add 'sealant:allow ")
        .append(f.ruleId())
        .append("' on the line, or run sealant ignore ")
        .append(f.fingerprint())
        .append(" --reason \"...\"\n");
    return b.toString();
  }

  private static String oneLine(String s) {
    return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static void properties(StringBuilder b, ScanResult r) {
    b.append("    <properties>\n");
    prop(b, "files", Long.toString(r.stats().files()));
    prop(b, "commits", Long.toString(r.stats().commits()));
    prop(b, "suppressed", Integer.toString(r.suppressed().size()));
    prop(b, "skipped", Integer.toString(r.skipped().size()));
    for (String w : r.warnings()) {
      prop(b, "warning", w);
    }
    b.append("    </properties>\n");
  }

  private static void prop(StringBuilder b, String name, String value) {
    b.append("      <property name=\"")
        .append(name)
        .append("\" value=\"")
        .append(Xml.attr(value))
        .append("\"/>\n");
  }
}
