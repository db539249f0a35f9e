package dev.sealant.kernel;

/**
 * Where a source delivers its fragments. Sources may call it from several threads at once, so
 * implementations are thread-safe.
 */
public interface Sink {

  void accept(Fragment fragment);

  /** Something the source passed over, with the reason; reported in verbose mode, never silent. */
  default void skipped(Skipped skipped) {}

  /** A unit of work (a commit, a file) finished; {@code total} is -1 when unknown. */
  default void progress(long done, long total) {}

  /** A commit was fully scanned (counted in the summary even when it added no text). */
  default void scannedCommit(String id) {}

  /** Something the user should know about the scan's coverage (shallow history, say). */
  default void warn(String message) {}
}
