package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.detect.Engine;
import dev.sealant.git.CommitSource;
import dev.sealant.git.ScanCache;
import dev.sealant.kernel.Skipped;
import dev.sealant.kernel.Source;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Scanner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The scanning steps the commands share: select, configure, scan with progress, conclude. */
final class ScanRun {

  private ScanRun() {}

  /** A scan's result with the suppressions it ran under. */
  record Outcome(ScanResult result, Suppressions suppressions) {}

  /** Selects the target, loads its configuration, and scans. */
  static Outcome scan(Env env, TargetOptions t, Catalog catalog, SuppressionOptions suppression) {
    // The configuration lives at the target's root, known once the target is chosen; sources only
    // consult the engine's path allowlist when they run, after it is set.
    AtomicReference<Engine> engine = new AtomicReference<>();
    try (ScanTarget target =
        ScanTarget.select(
            env, t.mode(), t.limits(), t.threads(), p -> engine.get().pathAllowed(p))) {
      Suppressions sup =
          target.repo().isPresent()
              ? suppression.load(env, catalog, target.repo().get())
              : target.nestedConfigs()
                  ? suppression.load(env, catalog, target.root())
                  : suppression.load(env, catalog, target.root(), r -> List.of());
      engine.set(sup.engine());
      Optional<ScanCache> cache =
          target.source() instanceof CommitSource && target.repo().isPresent()
              ? HistoryCache.forScan(env, t, catalog, suppression, target.repo().get())
              : Optional.empty();
      if (cache.isEmpty() || !(target.source() instanceof CommitSource cs)) {
        return new Outcome(run(env, target.source(), target.unit(), sup, t.noProgress), sup);
      }
      Consumer<String> warn = w -> env.err().println("sealant: warning: " + w);
      CommitSource source = HistoryCache.resume(cache.get(), cs, warn);
      ScanResult r = run(env, source, target.unit(), sup, t.noProgress);
      HistoryCache.save(cache.get(), source, r, warn);
      return new Outcome(r, sup);
    }
  }

  /** Runs one source under the suppressions, with a progress line on a terminal. */
  static ScanResult run(Env env, Source source, String unit, Suppressions sup, boolean noProgress) {
    Scanner.Listener listener = Progress.forTerminal(env, noProgress, unit);
    try {
      return Scanner.run(source, sup.engine(), sup.filters(), listener);
    } finally {
      if (listener instanceof Progress p) {
        p.finish();
      }
    }
  }

  /**
   * Prints warnings and the report; returns the exit code: 1 for findings, and for content that
   * could not be scanned unless {@code --allow-unscanned} (see {@link Unscanned}).
   */
  static int conclude(Env env, Outcome o, OutputOptions output, SuppressionOptions suppression) {
    ScanResult result = o.result();
    Engine engine = o.suppressions().engine();
    for (String w : result.warnings()) {
      env.err().println("sealant: warning: " + Messages.safe(engine, w));
    }
    output.write(env, output.format().reporter().render(result, output.reportOptions(env, engine)));
    boolean unusedFail =
        suppression.failOnUnused()
            && o.suppressions().ignore().map(i -> !i.unused().isEmpty()).orElse(false);
    if (unusedFail) {
      env.err()
          .println("sealant: failing because of unused ignore entries (--fail-on-unused-ignores)");
    }
    List<Skipped> unscanned = Unscanned.of(result);
    boolean allowed = output.allowUnscanned(env);
    Unscanned.print(
        env.err(),
        output.display(engine),
        unscanned,
        allowed,
        "not clean",
        "--allow-unscanned (or " + Unscanned.ENV + "=1)");
    boolean unscannedFail = !unscanned.isEmpty() && !allowed;
    return result.findings().isEmpty() && !unusedFail && !unscannedFail
        ? ExitCodes.CLEAN
        : output.findingsExitCode();
  }
}
