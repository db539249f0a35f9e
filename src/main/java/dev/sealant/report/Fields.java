package dev.sealant.report;

import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Suppression;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A finding as named fields, shared by the JSON, CSV and other structured reports so the schema has
 * one definition. The secret is redacted unless {@code showSecrets}.
 */
public final class Fields {

  private Fields() {}

  public static String secret(Finding f, ReportOptions o) {
    return o.showSecrets() ? f.secret() : f.redacted();
  }

  public static String date(CommitInfo c) {
    return DateTimeFormatter.ISO_INSTANT.format(c.date());
  }

  /** {@code inline}, {@code ignore_file} or {@code baseline}: the JSON schema's names. */
  public static String suppressionKind(Suppression s) {
    return s.kind().name().toLowerCase(Locale.ROOT);
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
      s.put("kind", suppressionKind(f.suppression().get()));
      s.put("reason", f.suppression().get().reason());
      m.put("suppressed", s);
    } else if (o.includeSuppressed()) {
      m.put("suppressed", Optional.empty());
    }
    return m;
  }
}
