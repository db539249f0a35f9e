package dev.sealant.cli;

import dev.sealant.catalog.Catalog;
import dev.sealant.error.UsageException;
import dev.sealant.kernel.Limits;
import dev.sealant.scan.ScanRequest;
import dev.sealant.scan.Session;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to scan and how hard: shared by {@code scan} and {@code baseline}. */
public final class TargetOptions {

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description =
          "What to scan: directories or files, or '-' for standard input (default: the"
              + " repository's history inside a git repository, else the files under .).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--no-git", description = "Scan files on disk even inside a git repository.")
  boolean noGit;

  @Option(
      names = "--staged",
      description =
          "Scan what 'git commit' would record now: the index against HEAD (not the working tree).")
  boolean staged;

  @Option(
      names = "--range",
      paramLabel = "A..B",
      description = "Scan the commits reachable from B and not from A, e.g. origin/main..HEAD.")
  String range;

  @Option(
      names = "--since",
      paramLabel = "REV",
      description = "Scan the commits of every ref that are not reachable from REV.")
  String since;

  @Option(names = "--include-stash", description = "Also scan refs/stash in history scans.")
  boolean includeStash;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      defaultValue = "20m",
      description =
          "Skip (and report) files and blobs larger than SIZE (default: ${DEFAULT-VALUE}).")
  String maxFileSize;

  @Option(
      names = "--no-cache",
      description =
          "Scan the whole history even when an earlier scan's cache"
              + " (.git/sealant/) says which commits are already covered; the cache is not written either.")
  boolean noCache;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--no-progress",
      description =
          "No progress line on standard error (none is shown"
              + " when standard error is not a terminal or CI is set).")
  boolean noProgress;

  /**
   * The scan these options ask for. {@code -} is standard input; {@code --no-git} scans files on
   * disk (one path or several); {@code --staged}, {@code --range} and {@code --since} need a
   * repository; with none of those, the session scans a repository's full history or the files on
   * disk (see {@link ScanRequest.OnDisk}).
   */
  ScanRequest request() {
    int gitModes = (staged ? 1 : 0) + (range != null ? 1 : 0) + (since != null ? 1 : 0);
    if (gitModes > 1) {
      throw new UsageException("choose one of --staged, --range and --since");
    }
    if (gitModes == 1) {
      if (noGit || !targets.isEmpty()) {
        throw new UsageException(
            "--staged, --range and --since scan the repository; they take no PATH"
                + " and cannot be combined with --no-git");
      }
      if (staged) {
        return new ScanRequest.Staged(false);
      }
      return range != null
          ? new ScanRequest.Commits(ScanRequest.Commits.Kind.RANGE, range, includeStash)
          : new ScanRequest.Commits(ScanRequest.Commits.Kind.SINCE, since, includeStash);
    }
    if (targets.contains("-")) {
      if (targets.size() > 1) {
        throw new UsageException("'-' (standard input) cannot be combined with other paths");
      }
      return new ScanRequest.Stdin();
    }
    return new ScanRequest.OnDisk(targets, noGit, includeStash, !noCache);
  }

  /** The session to run {@link #request} in, with these options' limits and threads. */
  Session session(Env env, Catalog catalog, SuppressionOptions suppression) {
    return suppression.session(env, () -> catalog, limits(), threads());
  }

  Limits limits() {
    return new Limits(Sizes.parse("--max-file-size", maxFileSize));
  }

  int threads() {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1 || n > 256) {
      throw new UsageException("--threads must be between 1 and 256");
    }
    return n;
  }
}
