package dev.sealant.report;

import dev.sealant.json.Json;
import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON array of findings; the schema is documented in {@code docs/REPORTS.md}. Suppressed
 * findings are included (with a {@code suppressed} object) only when asked for.
 */
public final class JsonReporter implements Reporter {

  @Override
  public String render(ScanResult scan, ReportOptions options) {
    ScanResult result = Displayed.of(scan, options);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding f : result.findings()) {
      out.add(Fields.of(f, options));
    }
    if (options.includeSuppressed()) {
      for (Finding f : result.suppressed()) {
        out.add(Fields.of(f, options));
      }
    }
    return Json.write(out);
  }
}
