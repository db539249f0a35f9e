package dev.sealant.catalog;

/** Where a rule was defined, for error messages: a catalog file and a 1-based line. */
public record Origin(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
