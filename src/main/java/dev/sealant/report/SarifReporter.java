package dev.sealant.report;

import dev.sealant.json.Json;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.RuleRef;
import dev.sealant.kernel.Suppression;
import dev.sealant.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0, as GitHub code scanning accepts it. The driver lists the rules that produced a
 * reported result (sorted by id, so {@code ruleIndex} is stable for equal input), not the whole
 * catalog: a log stays small and says what this scan found. Messages carry the redacted secret
 * unless {@code --show-secrets}; the fingerprint goes to {@code partialFingerprints} so code
 * scanning tracks an alert across line moves. Columns are UTF-16 code units, as the detector counts
 * them.
 */
public final class SarifReporter implements Reporter {

  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String FINGERPRINT_KEY = "sealantFingerprint/v1";

  private final String version;

  /** Reports the version of the running Sealant. */
  public SarifReporter() {
    this(ToolVersion.current());
  }

  /** Reports {@code version} as the tool's semantic version (golden-file tests pin it). */
  public SarifReporter(String version) {
    this.version = version;
  }

  @Override
  public String render(ScanResult scan, ReportOptions o) {
    ScanResult result = Displayed.of(scan, o);
    List<Finding> shown = new ArrayList<>(result.findings());
    if (o.includeSuppressed()) {
      shown.addAll(result.suppressed());
    }
    TreeMap<String, RuleRef> rules = new TreeMap<>();
    for (Finding f : shown) {
      rules.putIfAbsent(f.ruleId(), f.rule());
    }
    Map<String, Integer> index = new TreeMap<>();
    List<Object> descriptors = new ArrayList<>();
    for (RuleRef r : rules.values()) {
      index.put(r.id(), descriptors.size());
      descriptors.add(SarifRules.descriptor(r));
    }
    List<Object> results = new ArrayList<>();
    for (Finding f : shown) {
      results.add(result(f, index.get(f.ruleId()), o));
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver(descriptors)));
    run.put("invocations", List.of(invocation(result)));
    run.put("columnKind", "utf16CodeUnits");
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    return Json.write(log);
  }

  private Map<String, Object> driver(List<Object> rules) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", "Sealant");
    d.put("semanticVersion", version);
    d.put("rules", rules);
    return d;
  }

  /** Coverage warnings (shallow history, expired ignore entries) become tool notifications. */
  private static Map<String, Object> invocation(ScanResult r) {
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("executionSuccessful", true);
    List<Object> notes = new ArrayList<>();
    for (String w : r.warnings()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("level", "warning");
      n.put("message", Map.of("text", w));
      notes.add(n);
    }
    if (!notes.isEmpty()) {
      inv.put("toolExecutionNotifications", notes);
    }
    return inv;
  }

  private static Map<String, Object> result(Finding f, int ruleIndex, ReportOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", f.ruleId());
    m.put("ruleIndex", ruleIndex);
    m.put("level", Levels.sarif(f.rule().severity()));
    m.put("message", Map.of("text", message(f, o)));
    m.put("locations", List.of(Map.of("physicalLocation", location(f))));
    m.put("partialFingerprints", Map.of(FINGERPRINT_KEY, f.fingerprint()));
    f.suppression().ifPresent(s -> m.put("suppressions", List.of(suppression(s))));
    m.put("properties", properties(f));
    return m;
  }

  private static String message(Finding f, ReportOptions o) {
    StringBuilder b = new StringBuilder();
    b.append(f.rule().description()).append(": ").append(Fields.secret(f, o));
    f.encoding().ifPresent(e -> b.append(" (decoded from ").append(e).append(')'));
    f.commit()
        .ifPresent(
            c ->
                b.append(", added in commit ")
                    .append(shortId(c.id()))
                    .append(" by ")
                    .append(c.author()));
    b.append(". Rotate it if it is real; otherwise allow it with 'sealant:allow ")
        .append(f.ruleId())
        .append("' on the line or 'sealant ignore ")
        .append(f.fingerprint())
        .append(" --reason ...'.");
    return b.toString();
  }

  private static Map<String, Object> location(Finding f) {
    Map<String, Object> region = new LinkedHashMap<>();
    region.put("startLine", f.line());
    region.put("startColumn", f.column());
    if (f.encoding().isEmpty()) {
      end(region, f);
    }
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("uri", Uris.relative(f.path()));
    artifact.put("uriBaseId", "%SRCROOT%");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("artifactLocation", artifact);
    p.put("region", region);
    return p;
  }

  /**
   * Where the secret ends. A decoded secret's length says nothing about the text it was found in,
   * so callers skip this for those.
   */
  private static void end(Map<String, Object> region, Finding f) {
    String s = f.secret();
    int lines = 0;
    int lastLineStart = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
        lines++;
        lastLineStart = i + 1;
      }
    }
    if (lines == 0) {
      region.put("endColumn", f.column() + s.length());
    } else {
      region.put("endLine", f.line() + lines);
      region.put("endColumn", s.length() - lastLineStart + 1);
    }
  }

  private static Map<String, Object> suppression(Suppression s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", s.kind() == Suppression.Kind.INLINE ? "inSource" : "external");
    m.put("status", "accepted");
    s.reason().ifPresent(r -> m.put("justification", r));
    m.put("properties", Map.of("sealantKind", Fields.suppressionKind(s)));
    return m;
  }

  private static Map<String, Object> properties(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", f.rule().severity().label());
    f.commit()
        .ifPresent(
            c -> {
              m.put("commit", c.id());
              m.put("author", c.author());
              m.put("date", Fields.date(c));
            });
    f.validated().ifPresent(v -> m.put("validated", v));
    f.encoding().ifPresent(e -> m.put("encoding", e));
    return m;
  }

  private static String shortId(String id) {
    return id.substring(0, Math.min(12, id.length()));
  }
}
