package dev.sealant.kernel;

import java.util.Optional;

/**
 * An input the scan passed over and why: binary, too large, unreadable, a symlink, a submodule.
 *
 * <p>Some of these are left out by design (binary formats, links, submodules, allowlisted paths);
 * the others are content that may hold text and was not read: over a size limit, or unreadable.
 * Those are {@link #unscanned()}, and a gate does not pass them as clean: the hooks and {@code
 * sealant ci} block and {@code sealant scan} fails unless the user allows them explicitly. Every
 * source names them through {@link #tooLarge} and {@link #unreadable}, which start their reason
 * with {@link #TOO_LARGE} or {@link #UNREADABLE}.
 */
public record Skipped(String path, String reason, Optional<String> commit) {

  /** How the reason of content skipped for its size starts. */
  public static final String TOO_LARGE = "larger than";

  /** How the reason of content that could not be read starts. */
  public static final String UNREADABLE = "unreadable";

  public static Skipped of(String path, String reason) {
    return new Skipped(path, reason, Optional.empty());
  }

  /**
   * Content over a size limit; {@code detail} says which, e.g. {@code --max-file-size (N > M
   * bytes)}.
   */
  public static Skipped tooLarge(String path, String detail, Optional<String> commit) {
    return new Skipped(path, TOO_LARGE + " " + detail, commit);
  }

  /** Content that could not be read; {@code detail} names the error's kind, never content. */
  public static Skipped unreadable(String path, String detail, Optional<String> commit) {
    return new Skipped(path, UNREADABLE + ": " + detail, commit);
  }

  /** True for content that may hold text and was not scanned: too large or unreadable. */
  public boolean unscanned() {
    return reason.startsWith(TOO_LARGE) || reason.startsWith(UNREADABLE);
  }
}
