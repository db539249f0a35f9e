package dev.sealant.error;

/**
 * A repository that cannot be read: not a repository, a corrupt or missing object, a revision that
 * does not resolve.
 */
public final class GitException extends SealantException {

  private static final long serialVersionUID = 1L;

  public GitException(String message) {
    super(message, null);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.ERROR;
  }
}
