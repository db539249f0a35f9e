package dev.sealant.error;

/**
 * The root of every error Sealant reports to a user. Each subtype maps to one exit code, and every
 * message names what went wrong where (file and line, rule id, key or commit) without ever quoting
 * scanned content: a message must be safe to print in CI logs.
 */
public abstract sealed class SealantException extends RuntimeException
    permits CatalogException, ConfigException, UsageException, GitException, ScanIoException {

  private static final long serialVersionUID = 1L;

  protected SealantException(String message, Throwable cause) {
    super(message, cause, false, cause != null);
  }

  /** The process exit code this error maps to (2 for usage or configuration, 3 otherwise). */
  public abstract int exitCode();
}
