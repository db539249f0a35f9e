package dev.sealant.error;

/** A command line that does not make sense: conflicting modes, a bad value, a missing argument. */
public final class UsageException extends SealantException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.USAGE;
  }
}
