package dev.sealant.report;

import dev.sealant.detect.Display;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Suppression;
import dev.sealant.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scan result as every reporter shows it: each repository-controlled string (path, author name
 * and e-mail, suppression reason, skipped input, warning) passed through the options' {@link
 * Display}, so a secret planted in a file name or an author field is redacted in every format the
 * same way. Secrets themselves are redacted by {@link Fields#secret}; fingerprints, commit ids and
 * rule ids are Sealant's own and kept.
 */
final class Displayed {

  private Displayed() {}

  static ScanResult of(ScanResult r, ReportOptions o) {
    Display d = o.display();
    if (d == Display.PLAIN) {
      return r;
    }
    List<Skipped> skipped = new ArrayList<>();
    for (Skipped s : r.skipped()) {
      skipped.add(new Skipped(d.name(s.path()), d.name(s.reason()), s.commit()));
    }
    List<String> warnings = new ArrayList<>();
    for (String w : r.warnings()) {
      warnings.add(d.text(w));
    }
    return new ScanResult(
        findings(r.findings(), d), findings(r.suppressed(), d), skipped, warnings, r.stats());
  }

  private static List<Finding> findings(List<Finding> in, Display d) {
    List<Finding> out = new ArrayList<>(in.size());
    for (Finding f : in) {
      Optional<CommitInfo> commit =
          f.commit()
              .map(c -> new CommitInfo(c.id(), d.text(c.author()), d.text(c.email()), c.date()));
      Optional<Suppression> sup =
          f.suppression().map(s -> new Suppression(s.kind(), s.reason().map(d::text)));
      // A user catalog's description and tags are shown in every format: redacted like any other
      // text.
      out.add(
          new Finding(
              f.rule().withShownText(d::text),
              d.name(f.path()),
              f.line(),
              f.column(),
              f.secret(),
              f.entropy(),
              f.fingerprint(),
              commit,
              f.validated(),
              f.encoding(),
              sup));
    }
    return out;
  }
}
