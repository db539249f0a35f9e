package dev.sealant.kernel;

import java.util.Locale;
import java.util.Optional;

/**
 * How bad a leak of this kind is; reports map it to their own levels (SARIF error/warning/note).
 */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String s) {
    for (Severity v : values()) {
      if (v.label().equals(s)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
