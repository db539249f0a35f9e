package dev.sealant.cli;

import dev.sealant.scan.Session;
import java.io.PrintStream;
import java.util.Locale;

/**
 * What a scan command shows on standard error while its session runs: the warnings the session
 * raises before the report, and a progress line for long scans (done/total, rate and ETA, redrawn
 * in place at most a few times a second), only on a terminal; never in CI logs or with {@code
 * --no-progress}.
 */
class Progress implements Session.Listener {

  private final Env env;
  private final boolean disabled;
  private PrintStream err;
  private String unit = "";
  private long start;
  private long lastDraw;
  private boolean drawn;

  Progress(Env env, boolean disabled) {
    this.env = env;
    this.disabled = disabled;
  }

  @Override
  public synchronized void started(String unit) {
    boolean tty = Terminal.attached() && env.err() == System.err;
    if (!disabled && tty && env.var("CI").isEmpty()) {
      this.err = env.err();
      this.unit = unit;
      this.start = System.nanoTime();
    }
  }

  @Override
  public synchronized void progress(long done, long total) {
    if (err == null) {
      return;
    }
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
  @Override
  public synchronized void finished() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
    err = null;
  }

  @Override
  public void noHistory(String gitDir) {
    env.err()
        .println(
            "sealant: warning: "
                + Messages.safe(gitDir)
                + " has no commits yet, so there is no"
                + " history to scan; 'sealant scan --staged' scans what is staged, 'sealant scan"
                + " --no-git .' the files on disk");
  }

  @Override
  public void cacheWarning(String message) {
    env.err().println("sealant: warning: " + message);
  }
}
