package dev.sealant.report;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The report formats, by the name {@code --format} takes (lower case). Each is documented in {@code
 * docs/REPORTS.md} and pinned by golden files under {@code src/test/resources/golden/}.
 */
public enum Format {
  TEXT(TextReporter::new),
  JSON(JsonReporter::new),
  SARIF(SarifReporter::new),
  JUNIT(JunitReporter::new),
  CSV(CsvReporter::new),
  GITLAB(GitLabReporter::new);

  // Constructor references of stateless reporters: nothing in them can change.
  @SuppressWarnings("ImmutableEnumChecker")
  private final Supplier<Reporter> factory;

  Format(Supplier<Reporter> factory) {
    this.factory = factory;
  }

  /** The usual file name extension of a report in this format, without the dot. */
  public String extension() {
    return this == TEXT
        ? "txt"
        : this == JUNIT ? "xml" : this == GITLAB ? "json" : name().toLowerCase(Locale.ROOT);
  }

  public Reporter reporter() {
    return factory.get();
  }

  /** The format named {@code name} (case-insensitive), if there is one. */
  public static Optional<Format> parse(String name) {
    for (Format f : values()) {
      if (f.name().equalsIgnoreCase(name.trim())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The names {@code --format} takes, comma-separated, for messages. */
  public static String names() {
    StringJoiner j = new StringJoiner(", ");
    for (Format f : values()) {
      j.add(f.toString());
    }
    return j.toString();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
