package dev.sealant.cli;

import dev.sealant.detect.Engine;
import dev.sealant.error.ExitCodes;
import dev.sealant.kernel.Skipped;
import dev.sealant.scan.ScanResult;
import dev.sealant.scan.Session;
import java.util.List;

/** How {@code scan} and {@code ci} end: warnings, the report, and the exit code. */
final class Verdict {

  private Verdict() {}

  /**
   * Prints warnings and the report; returns the exit code: 1 for findings, and for content that
   * could not be scanned unless {@code --allow-unscanned} (see {@link Unscanned}).
   */
  static int conclude(
      Env env, Session.Outcome o, OutputOptions output, SuppressionOptions suppression) {
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
