package dev.sealant.allow;

import dev.sealant.kernel.Finding;
import dev.sealant.kernel.FindingFilter;
import dev.sealant.kernel.Suppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies {@code .sealantignore} entries to findings. Expired entries never suppress and are always
 * reported; entries that matched nothing are reported when asked for.
 */
public final class IgnoreFilter implements FindingFilter {

  private final List<IgnoreFile.Entry> entries;
  private final List<AtomicBoolean> used;
  private final LocalDate today;
  private final boolean reportUnused;

  public IgnoreFilter(List<IgnoreFile.Entry> entries, LocalDate today, boolean reportUnused) {
    this.entries = List.copyOf(entries);
    this.used = entries.stream().map(e -> new AtomicBoolean()).toList();
    this.today = today;
    this.reportUnused = reportUnused;
  }

  @Override
  public Optional<Suppression> suppress(Finding f) {
    for (int i = 0; i < entries.size(); i++) {
      IgnoreFile.Entry e = entries.get(i);
      if (e.fingerprint().equals(f.fingerprint())
          && e.path().map(g -> g.matches(f.path())).orElse(true)) {
        used.get(i).set(true);
        if (!e.expiredOn(today)) {
          return Optional.of(
              new Suppression(Suppression.Kind.IGNORE_FILE, Optional.of(e.reason())));
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> diagnostics() {
    List<String> out = new ArrayList<>();
    for (IgnoreFile.Entry e : entries) {
      if (e.expiredOn(today)) {
        out.add(
            e.where()
                + ": ignore entry "
                + e.fingerprint()
                + " expired on "
                + e.expires().get()
                + " and no longer suppresses (renew it or rotate the secret)");
      }
    }
    if (reportUnused) {
      out.addAll(unused());
    }
    return out;
  }

  /** Entries that matched no finding in this scan. */
  public List<String> unused() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!used.get(i).get()) {
        IgnoreFile.Entry e = entries.get(i);
        out.add(
            e.where()
                + ": unused ignore entry "
                + e.fingerprint()
                + " (matched nothing in this scan)");
      }
    }
    return out;
  }
}
