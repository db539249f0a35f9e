package dev.sealant.report;

import dev.sealant.detect.CommitInfo;
import dev.sealant.detect.Finding;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A finding as named fields, shared by the JSON, CSV and other structured reports so the schema
 * has one definition. The secret is redacted unless {@code showSecrets}.
 */
public final class Fields {

  private Fields() {}

  public static String secret(Finding f, ReportOptions o) {
    return o.showSecrets() ? f.secret() : f.redacted();
  }

  public static String date(CommitInfo c) {
    return DateTimeFormatter.ISO_INSTANT.format(c.date());
  }

  public static Map<String, Object> of(Finding f, ReportOptions o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleId", f.ruleId());
    m.put("description", f.rule().description());
    m.put("severity", f.rule().severity().label());
    m.put("path", f.path());
    m.put("line", f.line());
    m.put("column", f.column());
    m.put("commit", f.commit().map(CommitInfo::id));
    m.put("author", f.commit().map(CommitInfo::author));
    m.put("email", f.commit().map(CommitInfo::email));
    m.put("date", f.commit().map(Fields::date));
    m.put("fingerprint", f.fingerprint());
    m.put("secret", secret(f, o));
    m.put("entropy", Math.round(f.entropy() * 1000) / 1000.0);
    m.put("tags", f.rule().tags());
    m.put("validated", f.validated());
    m.put("encoding", f.encoding());
    if (f.suppression().isPresent()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("kind", f.suppression().get().kind().name().toLowerCase(java.util.Locale.ROOT));
      s.put("reason", f.suppression().get().reason());
      m.put("suppressed", s);
    } else if (o.includeSuppressed()) {
      m.put("suppressed", Optional.empty());
    }
    return m;
  }
}
