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
    permits ScanRequest.OnDisk,
        ScanRequest.Stdin,
        ScanRequest.Staged,
        ScanRequest.Commits,
        ScanRequest.PrePush,
        ScanRequest.PreReceive,
        ScanRequest.CiRange {

  /**
   * Hands this request to the {@link Modes} method for its mode. Dispatch goes through here, not an
   * {@code instanceof} chain, so a new mode cannot be forgotten: its record must implement this,
   * which needs a new {@link Modes} method, which every handler must then implement.
   */
  <R> R accept(Modes<R> modes);

  /** One method per scan mode: what a handler does with each. */
  interface Modes<R> {
    R onDisk(OnDisk request);

    R stdin(Stdin request);

    R staged(Staged request);

    R commits(Commits request);

    R prePush(PrePush request);

    R preReceive(PreReceive request);

    R ciRange(CiRange request);
  }

  /**
   * OnDisk on disk: the paths as given (none means {@code .}). Unless {@code noGit}, a scan with no
   * path inside a repository, or of a repository's top directory, is that repository's full history
   * instead: every commit of every ref, recorded in the history cache when {@code cache} and no
   * path was given.
   */
  record OnDisk(List<String> paths, boolean noGit, boolean includeStash, boolean cache)
      implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.onDisk(this);
    }

    public OnDisk {
      paths = List.copyOf(paths);
    }
  }

  /** Standard input, with the configuration of the working directory's repository root. */
  record Stdin() implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.stdin(this);
    }
  }

  /**
   * What {@code git commit} would record now: the index against HEAD. {@code hook}: the pre-commit
   * hook's way, reading git's files directly first (JGit only for what that reader steps aside
   * from).
   */
  record Staged(boolean hook) implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.staged(this);
    }
  }

  /**
   * Commits of the working directory's repository: {@code --range A..B} (or one revision's whole
   * history), or {@code --since REV} (every ref's history not reachable from REV).
   */
  record Commits(Kind kind, String revision, boolean includeStash) implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.commits(this);
    }

    /** How {@link #revision} selects the commits. */
    public enum Kind {
      RANGE,
      SINCE
    }
  }

  /** The pre-push hook: the commits git's standard input says are pushed to {@code remote}. */
  record PrePush(String remote) implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.prePush(this);
    }
  }

  /** The pre-receive hook: the commits a push brings into this repository (standard input). */
  record PreReceive() implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.preReceive(this);
    }
  }

  /**
   * {@code sealant ci}: the commits from {@code base} (exclusive; none means the whole history) to
   * {@code head}, with the base's scan policy unless {@code acceptPolicyChange}. {@code patterns}
   * is the {@code --patterns} path, compared with the base's version when the change tracks it.
   */
  record CiRange(
      Optional<String> base, String head, Optional<Path> patterns, boolean acceptPolicyChange)
      implements ScanRequest {
    @Override
    public <R> R accept(Modes<R> modes) {
      return modes.ciRange(this);
    }

    /** The range as git would write it, for messages: {@code BASE..HEAD}, or {@code HEAD}. */
    public String what() {
      return base.map(b -> b + "..").orElse("") + head;
    }
  }
}
