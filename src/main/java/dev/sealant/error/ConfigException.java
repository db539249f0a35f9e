package dev.sealant.error;

/** A repository configuration, ignore file or baseline that cannot be used as written. */
public final class ConfigException extends SealantException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.USAGE;
  }
}
