package dev.sealant.git.raw;

/**
 * The direct reader met something it does not fully understand and leaves the work to JGit. Not an
 * error the user sees: the JGit path either succeeds or reports the problem itself.
 */
public final class StepAside extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StepAside(String why) {
    super(why, null, false, false);
  }

  static StepAside because(String why) {
    return new StepAside(why);
  }
}
