package dev.sealant.report;

import java.util.Locale;
import java.util.function.Supplier;

/** The report formats, by the name {@code --format} takes. */
public enum Format {
  TEXT(TextReporter::new),
  JSON(JsonReporter::new);

  private final Supplier<Reporter> factory;

  Format(Supplier<Reporter> factory) {
    this.factory = factory;
  }

  public Reporter reporter() {
    return factory.get();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
