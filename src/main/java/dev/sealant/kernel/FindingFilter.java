package dev.sealant.kernel;

import java.util.List;
import java.util.Optional;

/**
 * A post-detection suppression: the ignore file, the baseline. Returns the suppression that applies
 * to a finding, if any. Implementations are thread-safe.
 */
public interface FindingFilter {

  Optional<Suppression> suppress(Finding finding);

  /** Called once after the scan: the filter's own diagnostics (unused or expired entries). */
  default List<String> diagnostics() {
    return List.of();
  }
}
