package dev.sealant.cli;

import dev.sealant.error.UsageException;
import java.util.Locale;

/** Parses sizes such as {@code 500k}, {@code 20m}, {@code 1g} or a plain byte count. */
final class Sizes {

  private Sizes() {}

  static long parse(String option, String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("b")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.endsWith("k")) {
      mult = 1024;
    } else if (t.endsWith("m")) {
      mult = 1024 * 1024;
    } else if (t.endsWith("g")) {
      mult = 1024L * 1024 * 1024;
    }
    if (mult != 1) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t);
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(v, mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException(option + ": '" + s + "' is not a size (examples: 500k, 20m, 1g)");
    }
  }
}
