package dev.sealant.kernel;

import java.util.Optional;

/** Why a finding does not count: who suppressed it and the reason they gave, if any. */
public record Suppression(Kind kind, Optional<String> reason) {

  /** Where the suppression came from. */
  public enum Kind {
    /** A {@code sealant:allow} comment on the line (or {@code sealant:allow-next-line} above). */
    INLINE,
    /** An entry of {@code .sealantignore}. */
    IGNORE_FILE,
    /** An entry of the baseline file. */
    BASELINE
  }
}
