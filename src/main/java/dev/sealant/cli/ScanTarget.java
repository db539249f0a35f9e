package dev.sealant.cli;

import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import dev.sealant.git.CommitSet;
import dev.sealant.git.CommitSets;
import dev.sealant.git.CommitSource;
import dev.sealant.git.Repos;
import dev.sealant.git.StagedSource;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Source;
import dev.sealant.source.FileSource;
import dev.sealant.source.PathListSource;
import dev.sealant.source.StdinSource;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Repository;

/**
 * The source a scan command line selects, and the repository it holds open (closed with it).
 *
 * <p>Selection: {@code -} is standard input; {@code --no-git} scans files on disk (one path or
 * several); {@code --staged}, {@code --range} and {@code --since} need a repository; with none of
 * those, a repository at or above the working directory (or a PATH that is a repository's top
 * directory) gets a full-history scan, anything else a scan of the files on disk.
 *
 * <p>Configuration is looked for at {@link #root} only, never above it; below it only when {@link
 * #nestedConfigs} (a directory scan), not for standard input or a single file.
 */
record ScanTarget(
    Source source,
    Optional<Repository> repo,
    String unit,
    Optional<Path> root,
    boolean nestedConfigs)
    implements AutoCloseable {

  ScanTarget(Source source, Optional<Repository> repo, String unit, Optional<Path> root) {
    this(source, repo, unit, root, true);
  }

  /** The scan modes as parsed from the command line. */
  record Mode(
      List<String> paths,
      boolean noGit,
      boolean staged,
      Optional<String> range,
      Optional<String> since,
      boolean includeStash) {}

  static ScanTarget select(
      Env env, Mode m, Limits limits, int threads, Predicate<String> pathAllowed) {
    int gitModes =
        (m.staged() ? 1 : 0) + (m.range().isPresent() ? 1 : 0) + (m.since().isPresent() ? 1 : 0);
    if (gitModes > 1) {
      throw new UsageException("choose one of --staged, --range and --since");
    }
    if (gitModes == 1) {
      if (m.noGit() || !m.paths().isEmpty()) {
        throw new UsageException(
            "--staged, --range and --since scan the repository; they take no PATH"
                + " and cannot be combined with --no-git");
      }
      return git(env, m, limits, threads, pathAllowed);
    }
    if (m.paths().contains("-")) {
      if (m.paths().size() > 1) {
        throw new UsageException("'-' (standard input) cannot be combined with other paths");
      }
      // Standard input has no path: the configuration is the current repository's root one
      // (or the working directory's), and no directory below is searched.
      Path top =
          Repos.find(env.cwd(), env.vars())
              .map(
                  r -> {
                    try (r) {
                      return r.isBare() ? env.cwd() : r.getWorkTree().toPath();
                    }
                  })
              .orElse(env.cwd());
      return new ScanTarget(
          new StdinSource(env.in(), limits), Optional.empty(), "files", Optional.of(top), false);
    }
    if (m.paths().size() > 1) {
      return files(
          new PathListSource(env.cwd(), m.paths(), limits, threads, pathAllowed), env.cwd());
    }
    Path root = env.resolve(m.paths().isEmpty() ? "." : m.paths().get(0));
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      // Said before any configuration is looked for: a missing path has no directory to search.
      throw new ScanIoException(m.paths().get(0) + ": no such file or directory");
    }
    if (!m.noGit() && (m.paths().isEmpty() || isRepositoryTop(root))) {
      Optional<Repository> repo = Repos.find(root, env.vars());
      if (repo.isPresent()) {
        CommitSet all = CommitSets.all(repo.get(), m.includeStash());
        if (all.include().isEmpty()) {
          env.err()
              .println(
                  "sealant: warning: "
                      + Messages.safe(repo.get().getDirectory() + "")
                      + " has no commits yet, so there is no"
                      + " history to scan; 'sealant scan --staged' scans what is staged, 'sealant scan --no-git .' the"
                      + " files on disk");
        }
        return history(repo.get(), all, limits, threads, pathAllowed);
      }
    }
    if (!Files.isDirectory(root)) {
      // One file: the configuration of its own directory, which its reported path is relative to;
      // nothing beside it is searched.
      return new ScanTarget(
          new FileSource(root, limits, threads, pathAllowed),
          Optional.empty(),
          "files",
          Optional.of(Optional.ofNullable(root.getParent()).orElse(env.cwd())),
          false);
    }
    return files(new FileSource(root, limits, threads, pathAllowed), root);
  }

  private static ScanTarget git(
      Env env, Mode m, Limits limits, int threads, Predicate<String> pathAllowed) {
    String flag = m.staged() ? "--staged" : m.range().isPresent() ? "--range" : "--since";
    Repository repo = Repos.open(env.cwd(), env.vars(), flag);
    try {
      if (m.staged()) {
        return new ScanTarget(
            new StagedSource(repo, limits, pathAllowed),
            Optional.of(repo),
            "files",
            workTree(repo));
      }
      CommitSet set =
          m.range().isPresent()
              ? CommitSets.range(repo, m.range().get())
              : CommitSets.since(repo, m.since().get(), m.includeStash());
      return history(repo, set, limits, threads, pathAllowed);
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  static ScanTarget history(
      Repository repo, CommitSet set, Limits limits, int threads, Predicate<String> pathAllowed) {
    Repos.tuneCache(threads);
    return new ScanTarget(
        new CommitSource(repo, set, limits, threads, pathAllowed),
        Optional.of(repo),
        "commits",
        workTree(repo));
  }

  private static ScanTarget files(Source s, Path root) {
    return new ScanTarget(s, Optional.empty(), "files", Optional.of(root));
  }

  /** Where configuration is read from: the work tree; a bare repository has none. */
  static Optional<Path> workTree(Repository repo) {
    return repo.isBare() ? Optional.empty() : Optional.of(repo.getWorkTree().toPath());
  }

  private static boolean isRepositoryTop(Path dir) {
    return Files.exists(dir.resolve(".git"))
        || (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects")));
  }

  @Override
  public void close() {
    repo.ifPresent(Repository::close);
  }
}
