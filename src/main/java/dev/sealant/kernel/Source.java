package dev.sealant.kernel;

/**
 * Produces fragments of text to scan: files on disk, stdin, or (package {@code git}) git objects.
 */
public interface Source {

  /** Feeds every fragment to the sink, then returns. */
  void run(Sink sink);

  /** A one-line description for the summary, e.g. "12 files" or "340 commits". */
  default String describe() {
    return getClass().getSimpleName();
  }
}
