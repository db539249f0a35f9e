package dev.sealant.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FailureTest {

  @Test
  void anInternalErrorNamesItsClassNeverItsMessage() {
    String line =
        Failure.line(new IllegalStateException("password=hunter2"), UnaryOperator.identity());
    assertEquals(
        "sealant: internal error: java.lang.IllegalStateException"
            + " (run with --verbose for the stack trace; please report it)",
        line);
    assertEquals(ExitCodes.ERROR, Failure.exitCode(new IllegalStateException()));
  }

  @Test
  void aHookIsNotToldToUseAFlagItDoesNotTake() {
    String line = Failure.line(new IllegalStateException(), UnaryOperator.identity(), false);
    assertFalse(line.contains("--verbose"), line);
    assertTrue(line.endsWith("(please report it)"), line);
  }

  @Test
  void aSealantExceptionKeepsItsCodeAndItsShownMessage() {
    UsageException e = new UsageException("unknown option '--x'");
    assertEquals(ExitCodes.USAGE, Failure.exitCode(e));
    assertEquals("sealant: [unknown option '--x']", Failure.line(e, m -> "[" + m + "]"));
  }
}
