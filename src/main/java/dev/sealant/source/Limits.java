package dev.sealant.source;

/**
 * Bounds on what a scan reads.
 *
 * @param maxFileSize files and blobs larger than this many bytes are skipped and reported
 */
public record Limits(long maxFileSize) {

  /** 20 MiB: above any hand-written source or config file, below what would strain a hook's memory. */
  public static final long DEFAULT_MAX_FILE_SIZE = 20L * 1024 * 1024;

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_FILE_SIZE);
  }
}
