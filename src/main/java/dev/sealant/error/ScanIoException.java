package dev.sealant.error;

/** An input or output file that cannot be read or written. */
public final class ScanIoException extends SealantException {

  private static final long serialVersionUID = 1L;

  public ScanIoException(String message) {
    super(message, null);
  }

  public ScanIoException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return ExitCodes.ERROR;
  }
}
