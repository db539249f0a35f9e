package dev.sealant.error;

/**
 * A pattern catalog that cannot be loaded: malformed YAML, a missing or mistyped field, a duplicate
 * id or a regex RE2J rejects.
 */
public final class CatalogException extends SealantException {

  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message, null);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.USAGE;
  }
}
