package dev.sealant.detect;

import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.List;

/**
 * What the orchestrator scans with: one {@link Detector}, or several scoped to directories (a
 * monorepo's per-directory configuration). Implementations are pure and thread-safe.
 */
public interface Engine {

  /** Every finding in the fragment, suppressed ones included. */
  List<Finding> scan(Fragment fragment);

  /** True when this path is never scanned (a catalog or configuration path allowlist). */
  boolean pathAllowed(String path);

  /**
   * This engine reporting each decision to {@code trace} ({@code sealant explain}). A new engine
   * sharing this one's compiled parts; the engine itself stays untraced.
   */
  Engine traced(Trace trace);
}
