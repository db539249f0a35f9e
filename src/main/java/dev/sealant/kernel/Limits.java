package dev.sealant.kernel;

/**
 * Bounds on what a scan reads.
 *
 * @param maxFileSize files and blobs larger than this many bytes are skipped and reported
 * @param inMemory the largest file or blob read whole into memory: a larger file (allowed by {@code
 *     maxFileSize}) is scanned in overlapping chunks, a larger git blob is skipped and reported,
 *     since comparing it with its other versions needs it whole
 */
public record Limits(long maxFileSize, long inMemory) {

  /**
   * 20 MiB: above any hand-written source or config file, below what would strain a hook's memory.
   */
  public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;

  /** Limits with the in-memory bound that suits this JVM's heap ({@link #inMemoryForHeap}). */
  public Limits(long maxFileSize) {
    this(maxFileSize, inMemoryForHeap());
  }

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_FILE_SIZE);
  }

  /**
   * A sixteenth of the heap, and never less than the default file size limit: 32 MiB with {@code
   * -Xmx512m}. Scanning a blob takes a few times its size (its text, line table, the other
   * version's hashes, the detector's copy), on each of the scan's threads at once.
   */
  public static long inMemoryForHeap() {
    return Math.max(DEFAULT_MAX_FILE_SIZE, Runtime.getRuntime().maxMemory() / 16);
  }
}
