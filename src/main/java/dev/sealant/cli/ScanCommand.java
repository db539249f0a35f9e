package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.detect.Engine;
import dev.sealant.error.UsageException;
import dev.sealant.report.ReportOptions;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Scanner;
import dev.sealant.source.Limits;
import dev.sealant.source.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sealant scan}: files, standard input, or git (staged changes, a range, full history). */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan for secrets and report them; exit 1 when any is found.",
      "",
      "In a git repository with no PATH: every commit on every branch and tag (full history),",
      "reporting each secret once, at the commit that added it. Elsewhere, or with --no-git: the",
      "files on disk. '-' scans standard input."
    },
    footer = {
      "",
      "Examples:",
      "  sealant scan                         this repository's full history",
      "  sealant scan --staged                what 'git commit' would record now",
      "  sealant scan --range origin/main..HEAD   the commits a pull request adds",
      "  sealant scan --no-git .              the files on disk, ignoring git",
      "  sealant scan --no-git a.py b.env     several files (the pre-commit framework's way)",
      "  cat app.env | sealant scan -         standard input",
      "  sealant scan -f json -o out.json     a JSON report, written with mode 0600"
    })
public final class ScanCommand implements Callable<Integer> {

  private final Env env;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "What to scan: directories or files, or '-' for standard input (default: the"
          + " repository's history inside a git repository, else the files under .).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--no-git", description = "Scan files on disk even inside a git repository.")
  boolean noGit;

  @Option(names = "--staged",
      description = "Scan what 'git commit' would record now: the index against HEAD (not the working tree).")
  boolean staged;

  @Option(names = "--range", paramLabel = "A..B",
      description = "Scan the commits reachable from B and not from A, e.g. origin/main..HEAD.")
  String range;

  @Option(names = "--since", paramLabel = "REV",
      description = "Scan the commits of every ref that are not reachable from REV.")
  String since;

  @Option(names = "--include-stash", description = "Also scan refs/stash in history scans.")
  boolean includeStash;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "20m",
      description = "Skip (and report) files and blobs larger than SIZE (default: ${DEFAULT-VALUE}).")
  String maxFileSize;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--no-progress", description = "No progress line on standard error.")
  boolean noProgress;

  @Mixin CatalogOptions catalog;

  @Mixin SuppressionOptions suppression;

  @Mixin OutputOptions output;

  public ScanCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    output.checkOutput(env);
    Limits limits = new Limits(Sizes.parse("--max-file-size", maxFileSize));
    int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (nThreads < 1 || nThreads > 256) {
      throw new UsageException("--threads must be between 1 and 256");
    }
    Catalog cat = catalog.load(env);
    ScanTarget.Mode mode = new ScanTarget.Mode(targets, noGit, staged, Optional.ofNullable(range),
        Optional.ofNullable(since), includeStash);
    // The configuration lives at the target's root, known once the target is chosen; sources only
    // consult the engine's path allowlist when they run, after it is set.
    AtomicReference<Engine> engine = new AtomicReference<>();
    try (ScanTarget target = ScanTarget.select(env, mode, limits, nThreads, p -> engine.get().pathAllowed(p))) {
      Suppressions sup = suppression.load(env, cat, target.root());
      engine.set(sup.engine());
      return report(target.source(), target.unit(), sup);
    }
  }

  private int report(Source source, String unit, Suppressions sup) {
    Progress progress = null;
    Scanner.Listener listener = Progress.forTerminal(env, noProgress, unit);
    if (listener instanceof Progress p) {
      progress = p;
    }
    ScanResult result;
    try {
      result = Scanner.run(source, sup.engine(), sup.filters(), listener);
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
    ReportOptions ro = output.reportOptions(env);
    for (String w : result.warnings()) {
      env.err().println("sealant: warning: " + w);
    }
    output.write(env, output.format().reporter().render(result, ro));
    boolean unusedFail = suppression.failOnUnused()
        && sup.ignore().map(i -> !i.unused().isEmpty()).orElse(false);
    if (unusedFail) {
      env.err().println("sealant: failing because of unused ignore entries (--fail-on-unused-ignores)");
    }
    return result.findings().isEmpty() && !unusedFail ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
  }
}
