package dev.sealant.cli;

import dev.sealant.scan.Scanner;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on standard error for long scans: done/total, rate and ETA, redrawn in place at
 * most a few times a second. Only on a terminal; never in CI logs or with {@code --no-progress}.
 */
final class Progress implements Scanner.Listener {

  private final PrintStream err;
  private final String unit;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  Progress(PrintStream err, String unit) {
    this.err = err;
    this.unit = unit;
  }

  static Scanner.Listener forTerminal(Env env, boolean disabled, String unit) {
    boolean tty = Terminal.attached() && env.err() == System.err;
    if (disabled || !tty || env.var("CI").isPresent()) {
      return new Scanner.Listener() {};
    }
    return new Progress(env.err(), unit);
  }

  @Override
  public synchronized void progress(long done, long total) {
    long now = System.nanoTime();
    if (now - lastDraw < 200_000_000L && done != total) {
      return;
    }
    lastDraw = now;
    double secs = Math.max(1e-3, (now - start) / 1e9);
    double rate = done / secs;
    String eta =
        total > 0 && rate > 0
            ? String.format(Locale.ROOT, ", ETA %ds", (long) ((total - done) / rate))
            : "";
    String tot = total > 0 ? "/" + total : "";
    err.print(
        String.format(
            Locale.ROOT, "\r\u001b[Kscanning: %d%s %s (%.0f/s%s)", done, tot, unit, rate, eta));
    err.flush();
    drawn = true;
  }

  /** Clears the line so the report starts on a clean screen. */
  synchronized void finish() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
