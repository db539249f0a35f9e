package dev.sealant.scan;

import dev.sealant.detect.Engine;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.FindingFilter;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import dev.sealant.kernel.Suppression;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one orchestrator: source, then detector, then suppression filters, then a deterministic sort.
 * Knows nothing of the command line; the CLI turns the result into output and an exit code.
 */
public final class Scanner {

  /** Callbacks for what a user watches while a scan runs. */
  public interface Listener {
    default void progress(long done, long total) {}

    default void skipped(Skipped s) {}

    default void warn(String message) {}
  }

  private Scanner() {}

  public static ScanResult run(
      Source source, Engine detector, List<FindingFilter> filters, Listener listener) {
    Instant start = Instant.now();
    Collector c = new Collector(detector, listener);
    source.run(c);
    List<Finding> findings = new ArrayList<>();
    List<Finding> suppressed = new ArrayList<>();
    for (Finding f : dedupe(c.found)) {
      Finding g = f;
      if (!g.suppressed()) {
        for (FindingFilter filter : filters) {
          Optional<Suppression> s = filter.suppress(g);
          if (s.isPresent()) {
            g = g.withSuppression(s.get());
            break;
          }
        }
      }
      (g.suppressed() ? suppressed : findings).add(g);
    }
    List<String> warnings = new ArrayList<>(c.warnings);
    for (FindingFilter filter : filters) {
      warnings.addAll(filter.diagnostics());
    }
    List<Skipped> skipped = new ArrayList<>(c.skipped);
    skipped.sort(
        (a, b) -> {
          int k = a.path().compareTo(b.path());
          return k != 0 ? k : a.commit().orElse("").compareTo(b.commit().orElse(""));
        });
    Stats stats =
        new Stats(
            c.paths.size(),
            c.commits.size(),
            c.bytes.get(),
            Duration.between(start, Instant.now()));
    return new ScanResult(sorted(findings), sorted(suppressed), skipped, warnings, stats);
  }

  /**
   * Newest commit first (grouped by commit), then path, line, column and rule id. Spelled out:
   * Comparator's combinators spin lambda classes at run time that no start-up archive holds.
   */
  public static final Comparator<Finding> ORDER =
      (a, b) -> {
        int c =
            b.commit()
                .map(CommitInfo::date)
                .orElse(Instant.MAX)
                .compareTo(a.commit().map(CommitInfo::date).orElse(Instant.MAX));
        if (c == 0) {
          c =
              a.commit()
                  .map(CommitInfo::id)
                  .orElse("")
                  .compareTo(b.commit().map(CommitInfo::id).orElse(""));
        }
        if (c == 0) {
          c = a.path().compareTo(b.path());
        }
        if (c == 0) {
          c = Integer.compare(a.line(), b.line());
        }
        if (c == 0) {
          c = Integer.compare(a.column(), b.column());
        }
        return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
      };

  private static List<Finding> sorted(List<Finding> in) {
    List<Finding> out = new ArrayList<>(in);
    out.sort(ORDER);
    return out;
  }

  private static List<Finding> dedupe(ConcurrentLinkedQueue<Finding> found) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Finding> out = new ArrayList<>();
    for (Finding f : found) {
      String key =
          f.ruleId()
              + '\0'
              + f.path()
              + '\0'
              + f.line()
              + '\0'
              + f.column()
              + '\0'
              + f.commit().map(CommitInfo::id).orElse("");
      if (seen.add(key)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The sink every source feeds: runs the detector and gathers results from any thread. */
  private static final class Collector implements Sink {
    final Engine detector;
    final Listener listener;
    final ConcurrentLinkedQueue<Finding> found = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Skipped> skipped = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    final Set<String> paths = ConcurrentHashMap.newKeySet();
    final Set<String> commits = ConcurrentHashMap.newKeySet();
    final AtomicLong bytes = new AtomicLong();

    Collector(Engine detector, Listener listener) {
      this.detector = detector;
      this.listener = listener;
    }

    @Override
    public void accept(Fragment fragment) {
      fragment.commit().ifPresent(ci -> commits.add(ci.id()));
      if (!fragment.path().equals(Fragment.COMMIT_MESSAGE) && !fragment.binary()) {
        paths.add(fragment.path());
        bytes.addAndGet(fragment.text().length());
      }
      found.addAll(detector.scan(fragment));
    }

    @Override
    public void scannedCommit(String id) {
      commits.add(id);
    }

    @Override
    public void skipped(Skipped s) {
      skipped.add(s);
      listener.skipped(s);
    }

    @Override
    public void progress(long done, long total) {
      listener.progress(done, total);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
      listener.warn(message);
    }
  }
}
