package dev.sealant.report;

import dev.sealant.json.Json;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * GitLab's secret-detection report (schema version {@value #SCHEMA_VERSION}), the file {@code
 * artifacts:reports:secret_detection} takes: findings reach merge-request widgets and the security
 * dashboard. Checked against the published schema by {@code GitLabSchemaReportTest}.
 *
 * <p>The report must say when the scan ran, the one clock reading in any report: the end time comes
 * from a supplier (the system clock by default, a fixed instant in tests) and the start is that
 * minus the scan's elapsed time. Everything else is a function of the result.
 */
public final class GitLabReporter implements Reporter {

  static final String SCHEMA_VERSION = "15.2.1";
  static final String SCHEMA =
      "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v"
          + SCHEMA_VERSION
          + "/dist/secret-detection-report-format.json";

  /** What GitLab's own analyzer records for findings outside git history (files, stdin). */
  static final String NO_COMMIT = "0000000";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private final String version;
  private final Supplier<Instant> end;

  public GitLabReporter() {
    this(ToolVersion.current(), Instant::now);
  }

  public GitLabReporter(String version, Supplier<Instant> end) {
    this.version = version;
    this.end = end;
  }

  @Override
  public String render(ScanResult raw, ReportOptions options) {
    ScanResult result = Displayed.of(raw, options);
    Instant finished = end.get().truncatedTo(ChronoUnit.SECONDS);
    Instant started = finished.minus(result.stats().elapsed()).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("id", "sealant");
    tool.put("name", "Sealant");
    tool.put("version", version);
    tool.put("vendor", Map.of("name", "Sealant"));
    Map<String, Object> scan = new LinkedHashMap<>();
    scan.put("analyzer", tool);
    scan.put("scanner", tool);
    scan.put("type", "secret_detection");
    scan.put("start_time", TIME.format(started));
    scan.put("end_time", TIME.format(finished));
    scan.put("status", "success");
    List<Map<String, Object>> messages = new ArrayList<>();
    for (String w : result.warnings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("level", "warn");
      m.put("value", w);
      messages.add(m);
    }
    scan.put("messages", messages);
    List<Map<String, Object>> vulnerabilities = new ArrayList<>();
    result.findings().forEach(f -> vulnerabilities.add(vulnerability(f, options)));
    if (options.includeSuppressed()) {
      result.suppressed().forEach(f -> vulnerabilities.add(vulnerability(f, options)));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("version", SCHEMA_VERSION);
    report.put("schema", SCHEMA);
    report.put("scan", scan);
    report.put("vulnerabilities", vulnerabilities);
    return Json.write(report);
  }

  private static Map<String, Object> vulnerability(Finding f, ReportOptions o) {
    String sha = f.commit().map(CommitInfo::id).orElse(NO_COMMIT);
    Map<String, Object> v = new LinkedHashMap<>();
    // Stable across runs (GitLab tracks vulnerabilities by it): the finding's fingerprint where it
    // is.
    v.put(
        "id",
        UUID.nameUUIDFromBytes(
                (f.fingerprint() + "\n" + sha + "\n" + f.path() + "\n" + f.line())
                    .getBytes(StandardCharsets.UTF_8))
            .toString());
    v.put("name", f.rule().description());
    v.put(
        "description",
        f.rule().description()
            + " found by Sealant rule "
            + f.ruleId()
            + " in "
            + f.path()
            + " line "
            + f.line()
            + (f.commit().isPresent() ? " (commit " + sha + ")" : "")
            + ". Secret: "
            + Fields.secret(f, o)
            + ". Fingerprint: "
            + f.fingerprint()
            + ".");
    v.put("severity", severity(f));
    v.put(
        "solution",
        "Rotate the secret if it is real, then remove it from the code (and from history: see"
            + " Sealant's docs/GATES.md). For a false positive, add 'sealant:allow "
            + f.ruleId()
            + "' on that line or 'sealant ignore "
            + f.fingerprint()
            + " --reason ...'.");
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("type", "sealant_rule_id");
    id.put("name", "Sealant rule " + f.ruleId());
    id.put("value", f.ruleId());
    v.put("identifiers", List.of(id));
    Map<String, Object> commit = new LinkedHashMap<>();
    f.commit()
        .ifPresent(
            c -> {
              commit.put("author", c.author());
              commit.put("date", Fields.date(c));
            });
    commit.put("sha", sha);
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("file", f.path());
    location.put("start_line", f.line());
    location.put("end_line", f.line());
    location.put("commit", commit);
    v.put("location", location);
    v.put("raw_source_code_extract", Fields.secret(f, o));
    f.suppression()
        .ifPresent(
            s -> {
              Map<String, Object> flag = new LinkedHashMap<>();
              flag.put("type", "flagged-as-likely-false-positive");
              flag.put("origin", "sealant");
              flag.put(
                  "description",
                  "suppressed by "
                      + Fields.suppressionKind(s)
                      + s.reason().map(r -> ": " + r).orElse(""));
              v.put("flags", List.of(flag));
            });
    return v;
  }

  /** GitLab's severity names: Critical, High, Medium, Low, Info. */
  private static String severity(Finding f) {
    String s = f.rule().severity().label();
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
