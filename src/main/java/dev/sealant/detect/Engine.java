package dev.sealant.detect;

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
}
