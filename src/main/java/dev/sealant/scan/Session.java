package dev.sealant.scan;

import dev.sealant.allow.RepoConfig;
import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.Catalog;
import dev.sealant.git.CommitSet;
import dev.sealant.git.CommitSets;
import dev.sealant.git.CommitSource;
import dev.sealant.git.DirectStagedSource;
import dev.sealant.git.HookInput;
import dev.sealant.git.Repos;
import dev.sealant.git.Rewrite;
import dev.sealant.git.StagedSource;
import dev.sealant.git.raw.RawRepo;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.LineLookup;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Source;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Repository;

/**
 * The one entry point of a scan: takes a {@link ScanRequest}, opens what it needs (a repository
 * through {@link Repos}), finds the root the configuration lives at, loads the configuration,
 * ignore file and baseline there ({@link Suppressions}), builds the source on the configured
 * engine, runs the {@link Scanner} and closes what it opened. Commands parse arguments into a
 * request and render the {@link Outcome}; they never build a source themselves.
 *
 * <p>The steps run in that order for every mode: the source is built only once the engine whose
 * path allowlist it consults exists.
 *
 * @param cwd the working directory relative paths and repository discovery start from
 * @param env the environment variables (git's {@code GIT_DIR}, {@code GIT_INDEX_FILE}, quarantine)
 * @param in standard input: scanned for {@link ScanRequest.Stdin}, git's ref lines for the push
 *     hooks
 * @param catalog the catalog before configuration, asked for (once) when the configuration is
 *     loaded: after the repository is opened, so a hook says a missing repository before a broken
 *     catalog, as it always has
 * @param suppressions what the user pointed at explicitly: configuration, ignore file, baseline
 * @param limits what a scan reads ({@code --max-file-size}, the in-memory bound)
 * @param threads worker threads for directory and history scans
 */
public record Session(
    Path cwd,
    Map<String, String> env,
    InputStream in,
    Supplier<Catalog> catalog,
    Suppressions.Request suppressions,
    Limits limits,
    int threads) {

  public Session {
    env = Map.copyOf(env);
    catalog = new Once<>(catalog);
  }

  /** A supplier asked once: the catalog is loaded when first needed, and only once. */
  private static final class Once<T> implements Supplier<T> {
    private final Supplier<T> from;
    private T value;

    Once(Supplier<T> from) {
      this.from = from;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = from.get();
      }
      return value;
    }
  }

  /** What a command watches while a session runs, besides the scanner's own callbacks. */
  public interface Listener extends Scanner.Listener {

    /** The scan starts, counting {@code unit} ("files" or "commits"). */
    default void started(String unit) {}

    /** The scan is over (or failed); anything after this is not progress. */
    default void finished() {}

    /** A full-history scan of a repository that has no commit yet ({@code gitDir}). */
    default void noHistory(String gitDir) {}

    /** A note from the history cache: unreadable, damaged or not written. */
    default void cacheWarning(String message) {}

    /** {@code sealant ci}: the range {@code what} holds {@code commits} commits. */
    default void range(int commits, String what) {}

    /**
     * {@code sealant ci}: the change weakens its base's scan policy; {@code accepted} with {@code
     * --accept-policy-change}, else the scan runs under the base's policy.
     */
    default void policyWeakened(List<String> weakenings, boolean accepted) {}
  }

  /**
   * A finished scan.
   *
   * @param result the findings, sorted
   * @param suppressions the configuration it ran under (its engine redacts what reports show)
   * @param rewrite for the push hooks with findings: the commit a rewrite starts at
   * @param policyRefused {@code sealant ci}: the change weakens its base's policy and was scanned
   *     under the base's instead
   */
  public record Outcome(
      ScanResult result,
      Suppressions suppressions,
      Optional<Rewrite> rewrite,
      boolean policyRefused) {

    Outcome(ScanResult result, Suppressions suppressions) {
      this(result, suppressions, Optional.empty(), false);
    }
  }

  /**
   * Runs the scan the request asks for. Empty when it selects nothing to scan (a {@code sealant ci}
   * range that adds no commits, after {@link Listener#range} said so).
   */
  public Optional<Outcome> run(ScanRequest request, Listener listener) {
    Session session = this;
    return request.accept(
        new ScanRequest.Modes<Optional<Outcome>>() {
          @Override
          public Optional<Outcome> onDisk(ScanRequest.OnDisk r) {
            return Optional.of(DiskScan.files(session, r, listener));
          }

          @Override
          public Optional<Outcome> stdin(ScanRequest.Stdin r) {
            return Optional.of(DiskScan.stdin(session, listener));
          }

          @Override
          public Optional<Outcome> staged(ScanRequest.Staged r) {
            return Optional.of(r.hook() ? session.preCommit(listener) : session.staged(listener));
          }

          @Override
          public Optional<Outcome> commits(ScanRequest.Commits r) {
            return Optional.of(session.commits(r, listener));
          }

          @Override
          public Optional<Outcome> prePush(ScanRequest.PrePush r) {
            return Optional.of(session.prePush(r, listener));
          }

          @Override
          public Optional<Outcome> preReceive(ScanRequest.PreReceive r) {
            return Optional.of(session.preReceive(listener));
          }

          @Override
          public Optional<Outcome> ciRange(ScanRequest.CiRange r) {
            return CiScan.run(session, r, listener);
          }
        });
  }

  /**
   * The configuration that applies at {@code root} (its {@code .sealant.yaml} files, ignore file
   * and baseline), as a scan of that directory loads it.
   */
  public Suppressions configuration(Path root) {
    return Suppressions.load(catalog.get(), Optional.of(root), suppressions);
  }

  /**
   * Where the configuration of one file on disk lives: the nearest directory above it holding a
   * {@code .git} (the work tree of the repository it is in), else the current directory.
   */
  public Path configurationRootOf(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    for (Path p = abs.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return cwd.toAbsolutePath().normalize();
  }

  /** One line of a file as committed (or in the working tree), for the importers. */
  public LineLookup committedLines() {
    return DiskScan.committedLines(cwd);
  }

  private Outcome staged(Listener listener) {
    try (Repository repo = Repos.open(cwd, env, "--staged")) {
      Suppressions sup = configuration(repo);
      return scan(
          new StagedSource(repo, limits, sup.engine()::pathAllowed), "files", sup, listener);
    }
  }

  /**
   * The pre-commit hook's staged changes. The common layout is read directly (no JGit set-up: most
   * of a hook's start-up); anything unusual, and every error message, is JGit's.
   */
  private Outcome preCommit(Listener listener) {
    Optional<DirectStagedSource.Opened> direct =
        RawRepo.open(cwd, env).flatMap(DirectStagedSource::open);
    if (direct.isPresent()) {
      DirectStagedSource.Opened staged = direct.get();
      Suppressions sup =
          Suppressions.load(
              catalog.get(),
              Optional.of(staged.workTree()),
              suppressions,
              root -> staged.trackedFiles(RepoConfig.FILE_NAME));
      Source s = staged.source(limits, sup.engine()::pathAllowed, () -> jgitStaged(sup));
      return scan(s, "files", sup, listener);
    }
    try (Repository repo = Repos.open(cwd, env, "the pre-commit hook")) {
      Suppressions sup = configuration(repo);
      return scan(
          new StagedSource(repo, limits, sup.engine()::pathAllowed), "files", sup, listener);
    }
  }

  /** The JGit staged source, opening (and closing) the repository around its run. */
  private Source jgitStaged(Suppressions sup) {
    return new Source() {
      @Override
      public void run(Sink sink) {
        try (Repository repo = Repos.open(cwd, env, "the pre-commit hook")) {
          new StagedSource(repo, limits, sup.engine()::pathAllowed).run(sink);
        }
      }

      @Override
      public String describe() {
        return "staged changes";
      }
    };
  }

  private Outcome commits(ScanRequest.Commits c, Listener listener) {
    boolean range = c.kind() == ScanRequest.Commits.Kind.RANGE;
    try (Repository repo = Repos.open(cwd, env, range ? "--range" : "--since")) {
      CommitSet set =
          range
              ? CommitSets.range(repo, c.revision())
              : CommitSets.since(repo, c.revision(), c.includeStash());
      Suppressions sup = configuration(repo);
      return scan(history(repo, set, sup), "commits", sup, listener);
    }
  }

  private Outcome prePush(ScanRequest.PrePush p, Listener listener) {
    try (Repository repo = Repos.open(cwd, env, "the pre-push hook")) {
      Suppressions sup = configuration(repo);
      CommitSet set = HookInput.prePush(repo, p.remote(), in);
      ScanResult r = run(history(repo, set, sup), "commits", sup, listener);
      return new Outcome(r, sup, Rewrite.forPush(repo, commitIds(r)), false);
    }
  }

  private Outcome preReceive(Listener listener) {
    try (Repository repo = Repos.open(cwd, env, "the pre-receive hook")) {
      // A bare repository has no work tree: only an explicit --config (or SEALANT_CONFIG)
      // applies, never a .sealant.yaml from the pushed content.
      Suppressions sup = configuration(repo);
      CommitSet set = HookInput.preReceive(repo, in);
      ScanResult r = run(history(repo, set, sup), "commits", sup, listener);
      return new Outcome(r, sup, Rewrite.forReceive(repo, set, commitIds(r)), false);
    }
  }

  /** The commits the findings name, in the findings' order. */
  private static List<String> commitIds(ScanResult r) {
    return r.findings().stream()
        .flatMap(f -> f.commit().stream())
        .map(c -> c.id())
        .distinct()
        .toList();
  }

  /** The configuration of a repository: its work tree's, with the nested files the index tracks. */
  Suppressions configuration(Repository repo) {
    return Suppressions.load(
        catalog.get(),
        Repos.workTree(repo),
        suppressions,
        root -> Repos.trackedFiles(repo, RepoConfig.FILE_NAME));
  }

  /** The history of {@code set}, read by {@link #threads} workers. */
  CommitSource history(Repository repo, CommitSet set, Suppressions sup) {
    Repos.tuneCache(threads);
    return new CommitSource(repo, set, limits, threads, sup.engine()::pathAllowed);
  }

  Outcome scan(Source source, String unit, Suppressions sup, Listener listener) {
    return new Outcome(run(source, unit, sup, listener), sup);
  }

  /** Runs one source under the configuration, telling the listener when it starts and ends. */
  static ScanResult run(Source source, String unit, Suppressions sup, Listener listener) {
    listener.started(unit);
    try {
      return Scanner.run(source, sup.engine(), sup.filters(), listener);
    } finally {
      listener.finished();
    }
  }
}
