package dev.sealant.cli;

import dev.sealant.allow.IgnoreFile;
import dev.sealant.allow.RepoConfig;
import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.error.ConfigException;
import dev.sealant.git.Repos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.Repository;
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
   * Loads configuration, ignore file and baseline for a scan rooted at {@code root}.
   *
   * @param root the repository work tree or scanned directory; empty for stdin or a bare repository
   */
  public Suppressions load(Env env, Catalog base, Optional<Path> root) {
    return Suppressions.load(base, root, request(env));
  }

  /** The same, with a given way to list the nested configuration files below the root. */
  public Suppressions load(
      Env env, Catalog base, Optional<Path> root, Function<Path, List<Path>> nested) {
    return Suppressions.load(base, root, request(env), nested);
  }

  /** The same, for a repository: nested configurations are the tracked ones (no work-tree walk). */
  public Suppressions load(Env env, Catalog base, Repository repo) {
    return Suppressions.load(
        base,
        ScanTarget.workTree(repo),
        request(env),
        r -> Repos.trackedFiles(repo, RepoConfig.FILE_NAME));
  }

  /**
   * Loads the configuration from {@code policyRoot} (where the base commit's {@code .sealant.yaml}
   * files were written, {@code nested} among them) and the ignore file and baseline from the work
   * tree, at the paths the base's configuration names. Explicit options still win.
   */
  public Suppressions loadFrom(
      Env env,
      Catalog base,
      Path policyRoot,
      List<Path> nested,
      Optional<Path> baseConfig,
      Optional<Path> workTree,
      RepoConfig baseRoot) {
    Suppressions.Request r = request(env);
    Path rootConfig = policyRoot.resolve(RepoConfig.FILE_NAME);
    Optional<Path> cfg =
        baseConfig.or(r::config).or(() -> Optional.of(rootConfig).filter(Files::isRegularFile));
    // An explicit configuration file names the ignore file and baseline, as it does outside ci.
    RepoConfig named =
        baseConfig
            .or(r::config)
            .filter(Files::isRegularFile)
            .map(p -> RepoConfig.parse(p.getFileName().toString(), readConfig(p), ""))
            .orElse(baseRoot);
    Optional<Path> ignore =
        r.ignoreFile()
            .or(
                () ->
                    workTree
                        .map(w -> w.resolve(named.ignoreFile().orElse(IgnoreFile.FILE_NAME)))
                        .filter(Files::isRegularFile));
    Optional<Path> baseline =
        r.baseline().or(() -> workTree.flatMap(w -> named.baseline().map(w::resolve)));
    Suppressions.Request req =
        new Suppressions.Request(
            cfg, ignore, baseline, r.inlineAllow(), r.reportUnused(), r.today());
    return Suppressions.load(base, Optional.of(policyRoot), req, p -> nested);
  }

  private static String readConfig(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(p + ": cannot read: " + e.getMessage(), e);
    }
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
