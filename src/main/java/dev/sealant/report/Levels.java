package dev.sealant.report;

import dev.sealant.kernel.Severity;
import java.util.Optional;

/** How Sealant's severities map onto other tools' scales. */
final class Levels {

  private Levels() {}

  /** SARIF result level: critical and high are errors, medium a warning, low and info notes. */
  static String sarif(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /**
   * GitHub code scanning's {@code security-severity} (0.0 to 10.0; critical is 9.0 and up, high 7.0
   * to 8.9, medium 4.0 to 6.9, low below), chosen in the middle of each band. Info has none.
   */
  static Optional<String> securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> Optional.of("9.5");
      case HIGH -> Optional.of("8.0");
      case MEDIUM -> Optional.of("5.5");
      case LOW -> Optional.of("2.0");
      case INFO -> Optional.empty();
    };
  }
}
