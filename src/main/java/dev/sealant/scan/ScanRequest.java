package dev.sealant.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to scan, as a command asks for it: the closed set of scan modes. A command parses its
 * arguments into one of these and hands it to {@link Session#run}, which opens what the mode needs,
 * loads the configuration that applies and scans. A new mode is a record here and its case in
 * {@link Session}.
 */
public sealed interface ScanRequest
    permits ScanRequest.Files,
        ScanRequest.Stdin,
        ScanRequest.Staged,
        ScanRequest.Commits,
        ScanRequest.PrePush,
        ScanRequest.PreReceive,
        ScanRequest.CiRange {

  /**
   * Files on disk: the paths as given (none means {@code .}). Unless {@code noGit}, a scan with no
   * path inside a repository, or of a repository's top directory, is that repository's full history
   * instead: every commit of every ref, recorded in the history cache when {@code cache} and no
   * path was given.
   */
  record Files(List<String> paths, boolean noGit, boolean includeStash, boolean cache)
      implements ScanRequest {
    public Files {
      paths = List.copyOf(paths);
    }
  }

  /** Standard input, with the configuration of the working directory's repository root. */
  record Stdin() implements ScanRequest {}

  /**
   * What {@code git commit} would record now: the index against HEAD. {@code hook}: the pre-commit
   * hook's way, reading git's files directly first (JGit only for what that reader steps aside
   * from).
   */
  record Staged(boolean hook) implements ScanRequest {}

  /**
   * Commits of the working directory's repository: {@code --range A..B} (or one revision's whole
   * history), or {@code --since REV} (every ref's history not reachable from REV).
   */
  record Commits(Kind kind, String revision, boolean includeStash) implements ScanRequest {

    /** How {@link #revision} selects the commits. */
    public enum Kind {
      RANGE,
      SINCE
    }
  }

  /** The pre-push hook: the commits git's standard input says are pushed to {@code remote}. */
  record PrePush(String remote) implements ScanRequest {}

  /** The pre-receive hook: the commits a push brings into this repository (standard input). */
  record PreReceive() implements ScanRequest {}

  /**
   * {@code sealant ci}: the commits from {@code base} (exclusive; none means the whole history) to
   * {@code head}, with the base's scan policy unless {@code acceptPolicyChange}. {@code patterns}
   * is the {@code --patterns} path, compared with the base's version when the change tracks it.
   */
  record CiRange(
      Optional<String> base, String head, Optional<Path> patterns, boolean acceptPolicyChange)
      implements ScanRequest {

    /** The range as git would write it, for messages: {@code BASE..HEAD}, or {@code HEAD}. */
    public String what() {
      return base.map(b -> b + "..").orElse("") + head;
    }
  }
}
