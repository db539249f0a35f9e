package dev.sealant.report;

import dev.sealant.detect.Display;
import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 4180 CSV: a header row of the JSON report's field names, one row per finding, CRLF line ends,
 * and a field quoted when it holds a comma, quote, CR or LF (quotes doubled).
 *
 * <p>Spreadsheets run a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR
 * as a formula, and paths, author names and secrets come from the scanned repository: such a field
 * gets a leading {@code '} so it shows as text. The JSON {@code suppressed} object becomes two
 * columns, {@code suppressed.kind} and {@code suppressed.reason}; {@code tags} are joined with
 * {@code ;}; an absent value is an empty field.
 */
public final class CsvReporter implements Reporter {

  static final List<String> HEADER =
      List.of(
          "ruleId",
          "description",
          "severity",
          "path",
          "line",
          "column",
          "commit",
          "author",
          "email",
          "date",
          "fingerprint",
          "secret",
          "entropy",
          "tags",
          "validated",
          "encoding",
          "suppressed.kind",
          "suppressed.reason");

  @Override
  public String render(ScanResult scan, ReportOptions o) {
    ScanResult result = Displayed.of(scan, o);
    StringBuilder b = new StringBuilder();
    row(b, HEADER);
    List<Finding> shown = new ArrayList<>(result.findings());
    if (o.includeSuppressed()) {
      shown.addAll(result.suppressed());
    }
    for (Finding f : shown) {
      row(b, values(f, o));
    }
    return b.toString();
  }

  private static List<String> values(Finding f, ReportOptions o) {
    Map<String, Object> m = Fields.of(f, o);
    List<String> out = new ArrayList<>(HEADER.size());
    for (String name : HEADER.subList(0, HEADER.size() - 2)) {
      out.add(text(m.get(name)));
    }
    out.add(f.suppression().map(Fields::suppressionKind).orElse(""));
    out.add(f.suppression().flatMap(s -> s.reason()).orElse(""));
    return out;
  }

  private static String text(Object v) {
    if (v instanceof Optional<?> opt) {
      return opt.map(CsvReporter::text).orElse("");
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder();
      for (Object x : l) {
        b.append(b.length() == 0 ? "" : ";").append(x);
      }
      return b.toString();
    }
    return v == null ? "" : String.valueOf(v);
  }

  private static void row(StringBuilder b, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      field(b, defuse(controls(fields.get(i))));
    }
    b.append("\r\n");
  }

  /**
   * Control characters other than tab and line ends (which CSV quotes), and bidirectional controls,
   * shown as {@code \\uXXXX} escapes: CSV has no escaping of its own, and the report is often
   * printed to a terminal, where a file or author name holding {@code ESC ] 0;} could retitle it or
   * {@code ESC [ 2J} clear it.
   */
  static String controls(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean keep = c == '\t' || c == '\n' || c == '\r';
      String one = String.valueOf(c);
      String shown = keep ? one : Display.escape(one);
      if (!shown.equals(one) && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (b != null) {
        b.append(shown);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Prefixes {@code '} to a value a spreadsheet would evaluate as a formula. */
  static String defuse(String s) {
    if (s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }

  static void field(StringBuilder b, String s) {
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      b.append(s);
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c == '"' ? "\"\"" : String.valueOf(c));
    }
    b.append('"');
  }
}
