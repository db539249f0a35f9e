package dev.sealant.scan;

import dev.sealant.allow.Suppressions;
import dev.sealant.error.ScanIoException;
import dev.sealant.git.CommitSet;
import dev.sealant.git.CommitSets;
import dev.sealant.git.Repos;
import dev.sealant.git.TreeLineLookup;
import dev.sealant.kernel.LineLookup;
import dev.sealant.source.FileSource;
import dev.sealant.source.PathListSource;
import dev.sealant.source.StdinSource;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * {@link Session}'s cases for what is named on the command line: files and directories on disk (or,
 * in a repository with no path given, its full history), and standard input. The root the
 * configuration is read at: the directory scanned, a single file's own directory (nothing beside it
 * searched), the repository's work tree; for standard input the working directory's repository
 * root.
 */
final class DiskScan {

  private DiskScan() {}

  static Session.Outcome files(Session session, ScanRequest.OnDisk f, Session.Listener listener) {
    List<String> paths = f.paths();
    if (paths.size() > 1) {
      Suppressions sup = session.configuration(session.cwd());
      return session.scan(
          new PathListSource(
              session.cwd(), paths, session.limits(), session.threads(), sup.engine()::pathAllowed),
          "files",
          sup,
          listener);
    }
    Path root = session.cwd().resolve(paths.isEmpty() ? "." : paths.get(0)).normalize();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      // Said before any configuration is looked for: a missing path has no directory to search.
      throw new ScanIoException(paths.get(0) + ": no such file or directory");
    }
    if (!f.noGit() && (paths.isEmpty() || isRepositoryTop(root))) {
      Optional<Session.Outcome> history = history(session, f, root, listener);
      if (history.isPresent()) {
        return history.get();
      }
    }
    return tree(session, root, listener);
  }

  /**
   * The full history of the repository at {@code root}, through the history cache when the request
   * allows it and named no path; empty when {@code root} is in no repository.
   */
  private static Optional<Session.Outcome> history(
      Session session, ScanRequest.OnDisk f, Path root, Session.Listener listener) {
    Optional<Repository> found = Repos.find(root, session.env());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (Repository repo = found.get()) {
      CommitSet all = CommitSets.all(repo, f.includeStash());
      if (all.include().isEmpty()) {
        listener.noHistory(repo.getDirectory().toString());
      }
      Suppressions sup = session.configuration(repo);
      if (!f.cache() || !f.paths().isEmpty()) {
        return Optional.of(session.scan(session.history(repo, all, sup), "commits", sup, listener));
      }
      return Optional.of(
          HistoryCache.scan(session, repo, session.history(repo, all, sup), sup, listener));
    }
  }

  /** The files at {@code root} as they are on disk: a directory's tree, or one file. */
  private static Session.Outcome tree(Session session, Path root, Session.Listener listener) {
    Suppressions sup;
    if (Files.isDirectory(root)) {
      sup = session.configuration(root);
    } else {
      // One file: the configuration of its own directory, which its reported path is relative to;
      // nothing beside it is searched.
      Path dir = Optional.ofNullable(root.getParent()).orElse(session.cwd());
      sup =
          Suppressions.load(
              session.catalog().get(), Optional.of(dir), session.suppressions(), r -> List.of());
    }
    return session.scan(
        new FileSource(root, session.limits(), session.threads(), sup.engine()::pathAllowed),
        "files",
        sup,
        listener);
  }

  static Session.Outcome stdin(Session session, Session.Listener listener) {
    // Standard input has no path: the configuration is the current repository's root one (or the
    // working directory's), and no directory below is searched.
    Path top =
        Repos.find(session.cwd(), session.env())
            .map(
                r -> {
                  try (r) {
                    return Repos.workTree(r).orElse(session.cwd());
                  }
                })
            .orElse(session.cwd());
    Suppressions sup =
        Suppressions.load(
            session.catalog().get(), Optional.of(top), session.suppressions(), r -> List.of());
    return session.scan(new StdinSource(session.in(), session.limits()), "files", sup, listener);
  }

  private static boolean isRepositoryTop(Path dir) {
    return Files.exists(dir.resolve(".git"))
        || (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects")));
  }

  static LineLookup committedLines(Path cwd) {
    return new TreeLineLookup(cwd);
  }
}
