package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.detect.Engine;
import dev.sealant.error.UsageException;
import dev.sealant.report.ReportOptions;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Scanner;
import dev.sealant.source.FileSource;
import dev.sealant.source.Limits;
import dev.sealant.source.Source;
import dev.sealant.source.StdinSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
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
      "PATH is a directory or file to scan on disk, or '-' for standard input."
    },
    footer = {
      "",
      "Examples:",
      "  sealant scan --no-git .              the files on disk, ignoring git",
      "  cat app.env | sealant scan -         standard input",
      "  sealant scan -f json -o out.json     a JSON report, written with mode 0600"
    })
public final class ScanCommand implements Callable<Integer> {

  private final Env env;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
      description = "What to scan: a directory or file, or '-' for standard input (default: .).")
  String target;

  @Option(names = "--no-git", description = "Scan files on disk even inside a git repository.")
  boolean noGit;

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
    String t = target == null ? "." : target;
    Optional<Path> root = t.equals("-") ? Optional.of(env.cwd()) : Optional.of(env.resolve(t))
        .map(p -> Files.isDirectory(p) ? p : p.getParent());
    Suppressions sup = suppression.load(env, cat, root);
    Source source = source(t, limits, nThreads, sup.engine());
    return report(source, sup);
  }

  private Source source(String t, Limits limits, int nThreads, Engine engine) {
    if (t.equals("-")) {
      return new StdinSource(env.in(), limits);
    }
    return new FileSource(env.resolve(t), limits, nThreads, engine::pathAllowed);
  }

  private int report(Source source, Suppressions sup) {
    Progress progress = null;
    Scanner.Listener listener = Progress.forTerminal(env, noProgress, "files");
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
