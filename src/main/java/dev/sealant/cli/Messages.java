package dev.sealant.cli;

import dev.sealant.catalog.CatalogLoader;
import dev.sealant.detect.Detector;
import dev.sealant.detect.Display;
import dev.sealant.detect.Engine;

/**
 * Every line Sealant writes to stderr that may carry user input (errors, warnings, the not-scanned
 * list) goes through here: {@link Display#message} with the scan's engine when there is one, else
 * the built-in catalog's, so a token pasted where a fingerprint, a key, a revision or an option
 * value belongs is redacted rather than echoed into a CI log, and terminal control characters from
 * file names are escaped.
 */
final class Messages {

  private Messages() {}

  /** Loaded on first use: an error path pays for it, a clean run never does. */
  private static final class BuiltIn {
    static final Display DISPLAY = load();

    private static Display load() {
      try {
        return Display.redacting(new Detector(CatalogLoader.builtIn()));
      } catch (RuntimeException e) {
        return Display.PLAIN; // still escapes, and shape-redacts in message()
      }
    }
  }

  /** A message safe to print, redacted with the built-in catalog. */
  static String safe(String message) {
    return BuiltIn.DISPLAY.message(message);
  }

  /**
   * A name (a path or glob) safe to print: detected secrets redacted and control characters
   * escaped, but token-shaped runs such as content hashes in file names kept.
   */
  static String safeName(String name) {
    return BuiltIn.DISPLAY.terminal(name);
  }

  /** A message safe to print, redacted with the scan's own engine (which may hold custom rules). */
  static String safe(Engine engine, String message) {
    return Display.redacting(engine).message(BuiltIn.DISPLAY.message(message));
  }
}
