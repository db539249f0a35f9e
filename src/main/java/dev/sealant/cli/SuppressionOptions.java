package dev.sealant.cli;

import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.kernel.Limits;
import dev.sealant.scan.Session;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Configuration and suppression options shared by the scanning commands. */
public final class SuppressionOptions {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Repository configuration (default: $SEALANT_CONFIG, else .sealant.yaml at the root).")
  String config;

  @Option(
      names = "--ignore-file",
      paramLabel = "FILE",
      description =
          "Ignore file of fingerprints with reasons (default: .sealantignore at the root).")
  String ignoreFile;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Suppress findings recorded in this baseline (see 'sealant baseline').")
  String baseline;

  @Option(
      names = "--no-inline-allow",
      description = "Ignore 'sealant:allow' annotations in scanned text (for audits).")
  boolean noInlineAllow;

  @Option(
      names = "--report-unused-ignores",
      description = "List ignore-file entries that matched nothing.")
  boolean reportUnused;

  @Option(
      names = "--fail-on-unused-ignores",
      description = "Fail (exit 1) when ignore-file entries matched nothing; for CI hygiene.")
  boolean failOnUnused;

  public boolean failOnUnused() {
    return failOnUnused;
  }

  /**
   * The session a command hands its request to: these options' configuration, ignore file and
   * baseline, the catalog (loaded when the session first needs it), limits and threads.
   */
  Session session(Env env, Supplier<Catalog> catalog, Limits limits, int threads) {
    return new Session(env.cwd(), env.vars(), env.in(), catalog, request(env), limits, threads);
  }

  /** The configuration file named by {@code --config} or {@code SEALANT_CONFIG}, if any. */
  Optional<Path> configPath(Env env) {
    return Optional.ofNullable(config).or(() -> env.var("SEALANT_CONFIG")).map(env::resolve);
  }

  private Suppressions.Request request(Env env) {
    Optional<Path> cfg = configPath(env);
    // Expiry dates in the ignore file are the user's calendar days: today in the local zone.
    return new Suppressions.Request(
        cfg,
        Optional.ofNullable(ignoreFile).map(env::resolve),
        Optional.ofNullable(baseline).map(env::resolve),
        !noInlineAllow,
        reportUnused || failOnUnused,
        () -> LocalDate.now(ZoneId.systemDefault()));
  }
}
