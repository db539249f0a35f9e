package dev.sealant.cli;

import dev.sealant.scan.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

  @Mixin TargetOptions target;

  @Mixin CatalogOptions catalog;

  @Mixin SuppressionOptions suppression;

  @Mixin OutputOptions output;

  public ScanCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    output.checkOutput(env);
    Session session = target.session(env, catalog.load(env), suppression);
    Session.Outcome o =
        session.run(target.request(), new Progress(env, target.noProgress)).orElseThrow();
    return Verdict.conclude(env, o, output, suppression);
  }
}
