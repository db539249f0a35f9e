package dev.sealant.error;

import java.util.function.UnaryOperator;

/**
 * How a run that failed ends: its exit code and the one line that says why. The entry point and the
 * hooks' fast path both end through here, so an error reads the same however the command was
 * parsed.
 */
public final class Failure {

  private Failure() {}

  /** A {@link SealantException}'s own code; anything else is internal ({@link ExitCodes#ERROR}). */
  public static int exitCode(Throwable t) {
    return t instanceof SealantException e ? e.exitCode() : ExitCodes.ERROR;
  }

  /**
   * The line to print: a {@link SealantException}'s message made safe by {@code shown} (it may
   * quote what the user typed); for anything else, an internal error naming the exception's class,
   * never its message.
   */
  public static String line(Throwable t, UnaryOperator<String> shown) {
    return line(t, shown, true);
  }

  /**
   * As {@link #line(Throwable, UnaryOperator)}; {@code canTrace} says whether the command that
   * failed takes {@code --verbose} (a hook run by git does not), so the line never suggests a flag
   * that does not exist.
   */
  public static String line(Throwable t, UnaryOperator<String> shown, boolean canTrace) {
    if (t instanceof SealantException e) {
      return "sealant: " + shown.apply(e.getMessage());
    }
    if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
      return "sealant: internal error: "
          + t.getClass().getSimpleName()
          + " (an input too large or too deeply nested for this heap; please report it)";
    }
    return "sealant: internal error: "
        + t.getClass().getName()
        + (canTrace
            ? " (run with --verbose for the stack trace; please report it)"
            : " (please report it)");
  }
}
