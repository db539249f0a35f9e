package dev.sealant.cli;

import dev.sealant.detect.Display;
import dev.sealant.kernel.Skipped;
import dev.sealant.scan.ScanResult;
import java.io.PrintStream;
import java.util.List;

/**
 * Content a scan could not read (over {@code --max-file-size} or another size bound, unreadable,
 * beyond the path length limit) never passes as clean: the hooks and {@code sealant ci} block and
 * {@code sealant scan} exits 1, each with one line per input naming it and how to let it through.
 * Letting it through is explicit: {@code --allow-unscanned} on {@code scan} and {@code ci}, or
 * {@value #ENV}{@code =1} in the environment (the only way for hooks git runs).
 */
final class Unscanned {

  static final String ENV = "SEALANT_ALLOW_UNSCANNED";

  /** At most this many inputs are named one per line; the rest are counted. */
  static final int MAX_LINES = 20;

  private Unscanned() {}

  static List<Skipped> of(ScanResult r) {
    return r.skipped().stream().filter(Skipped::unscanned).toList();
  }

  static boolean allowedByEnv(Env env) {
    String v = env.var(ENV).orElse("");
    return v.equals("1") || v.equalsIgnoreCase("true");
  }

  /**
   * Prints one line per unscanned input. {@code blocking}: what happens (e.g. {@code COMMIT
   * BLOCKED}) and how to allow it; otherwise a warning that it was allowed.
   */
  static void print(
      PrintStream err,
      Display d,
      List<Skipped> unscanned,
      boolean allowed,
      String verdict,
      String howToAllow) {
    int n = 0;
    for (Skipped s : unscanned) {
      if (++n > MAX_LINES) {
        err.println(
            "sealant: ... and "
                + (unscanned.size() - MAX_LINES)
                + " more inputs not scanned (-v lists them)");
        break;
      }
      String what =
          d.terminal(s.path())
              + s.commit()
                  .map(c -> " in commit " + c.substring(0, Math.min(12, c.length())))
                  .orElse("")
              + " was not scanned ("
              + Display.escape(d.name(s.reason()))
              + ")";
      err.println(
          allowed
              ? "sealant: warning: "
                  + what
                  + "; allowed unscanned ("
                  + ENV
                  + " or --allow-unscanned)"
              : "sealant: "
                  + verdict
                  + ": "
                  + what
                  + "; to let it through unscanned: "
                  + howToAllow
                  + (s.reason().contains("--max-file-size") ? "; or raise --max-file-size" : ""));
    }
  }
}
