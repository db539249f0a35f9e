package dev.sealant.error;

/** The documented exit codes, the one place they are defined. */
public final class ExitCodes {

  /** Nothing found. */
  public static final int CLEAN = 0;

  /** At least one unsuppressed finding. */
  public static final int FINDINGS = 1;

  /** A usage or configuration error: bad option, bad catalog, bad config. */
  public static final int USAGE = 2;

  /** An I/O, git or internal error. */
  public static final int ERROR = 3;

  /**
   * {@code sealant ci}: the change weakens the scan policy it is checked with (its base's {@code
   * .sealant.yaml}); refused unless {@code --accept-policy-change}. Findings (1) take precedence.
   */
  public static final int POLICY_WEAKENED = 4;

  private ExitCodes() {}
}
