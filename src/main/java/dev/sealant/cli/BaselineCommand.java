package dev.sealant.cli;

import dev.sealant.allow.Baseline;
import dev.sealant.detect.Display;
import dev.sealant.error.ConfigException;
import dev.sealant.error.ScanIoException;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Suppression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealant baseline}: record accepted findings; {@code baseline merge}: the git merge driver.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Record the current findings as accepted, so that only new ones block. Scans like 'sealant",
      "scan' (same targets and options) and writes fingerprints, rule ids and paths: sorted, no",
      "line numbers, no timestamps, no secrets. Apply it with --baseline FILE or 'baseline:' in",
      ".sealant.yaml. Re-running it on an unchanged repository rewrites the same bytes."
    },
    subcommands = {BaselineCommand.Merge.class},
    footer = {
      "",
      "Examples:",
      "  sealant baseline                    record this repository's history",
      "  sealant scan --baseline .sealant-baseline.json   then only new findings count"
    })
public final class BaselineCommand implements Callable<Integer> {

  private final Env env;

  @Mixin TargetOptions target;

  @Mixin CatalogOptions catalog;

  @Mixin SuppressionOptions suppression;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = Baseline.DEFAULT_FILE,
      description = "Where to write the baseline (default: ${DEFAULT-VALUE}).")
  String output;

  public BaselineCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    OutputOptions.checkWritable("--output", output, env.resolve(output));
    ScanRun.Outcome o = ScanRun.scan(env, target, catalog.load(env), suppression);
    // Findings the current baseline accepts stay accepted: re-creating it must not drop them.
    List<Finding> accepted = new ArrayList<>(o.result().findings());
    o.result().suppressed().stream()
        .filter(f -> f.suppression().map(s -> s.kind() == Suppression.Kind.BASELINE).orElse(false))
        .forEach(accepted::add);
    Path p = env.resolve(output);
    try {
      // The baseline is committed: paths as every report shows them (a token in a file name
      // redacted,
      // control characters escaped). Entries match by fingerprint alone, so nothing is lost.
      Display d = Display.redacting(o.suppressions().engine());
      List<Finding> shown = new ArrayList<>(accepted.size());
      for (Finding f : accepted) {
        shown.add(
            new Finding(
                f.rule(),
                Display.escape(d.name(f.path())),
                f.line(),
                f.column(),
                f.secret(),
                f.entropy(),
                f.fingerprint(),
                f.commit(),
                f.validated(),
                f.encoding(),
                f.suppression()));
      }
      OutputOptions.writeNoFollow(p, Baseline.write(Baseline.of(shown)), false);
    } catch (IOException e) {
      throw new ScanIoException("cannot write " + p + ": " + OutputOptions.reason(e), e);
    }
    for (String w : o.result().warnings()) {
      env.err().println("sealant: warning: " + Messages.safe(o.suppressions().engine(), w));
    }
    env.out()
        .println(
            Messages.safe(
                "Wrote "
                    + output
                    + ": "
                    + accepted.size()
                    + (accepted.size() == 1 ? " finding" : " findings")
                    + " accepted. Apply it with --baseline "
                    + output
                    + " or 'baseline: "
                    + output
                    + "' in .sealant.yaml."));
    return ExitCodes.CLEAN;
  }

  /** {@code sealant baseline merge BASE OURS THEIRS}: a three-way merge, written to OURS. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Three-way merge of baseline files, for git's merge driver: entries added on either side are",
        "kept, entries removed on either side are removed. Writes the result to OURS. Set it up with:",
        "  git config merge.sealant-baseline.driver 'sealant baseline merge %%O %%A %%B'",
        "  echo '.sealant-baseline.json merge=sealant-baseline' >> .gitattributes"
      })
  static final class Merge implements Callable<Integer> {
    private final Env env;

    @Parameters(index = "0", paramLabel = "BASE")
    String base;

    @Parameters(index = "1", paramLabel = "OURS")
    String ours;

    @Parameters(index = "2", paramLabel = "THEIRS")
    String theirs;

    Merge(Env env) {
      this.env = env;
    }

    @Override
    public Integer call() {
      Set<Baseline.Entry> merged = Baseline.merge(read(base), read(ours), read(theirs));
      try {
        Files.writeString(env.resolve(ours), Baseline.write(merged), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ScanIoException("cannot write " + ours + ": " + e.getMessage(), e);
      }
      return ExitCodes.CLEAN;
    }

    private Set<Baseline.Entry> read(String file) {
      Path p = env.resolve(file);
      try {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        return text.isBlank() ? Set.of() : Baseline.parse(file, text);
      } catch (IOException e) {
        throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
  }
}
