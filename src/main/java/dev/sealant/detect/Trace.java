package dev.sealant.detect;

import dev.sealant.catalog.Rule;
import java.util.Optional;

/**
 * Receives the detector's decisions as it makes them, for {@code sealant explain}. A detector gets
 * one only through {@link Engine#traced}; the shared detector has none and pays one null check per
 * decision. Implementations need not be thread-safe: a traced detector scans one fragment.
 */
public interface Trace {

  /** What a step is about. */
  enum Kind {
    /** The path allowlists' verdict on the file. */
    PATH,
    /**
     * A rule ran because its keyword (or, for a file-kind rule, its path) matched; or did not, and
     * why.
     */
    RULE,
    /** A rule's regex matched a candidate secret. */
    MATCH,
    /** One check of a candidate: entropy, allowlists, validator, inline annotation. */
    CHECK,
    /** A line's value was decoded and the rules ran again on the decoded text. */
    DECODED,
    /**
     * How overlapping candidates were resolved: kept, duplicate, or a generic rule stepping aside.
     */
    RESOLVE
  }

  /**
   * One decision.
   *
   * @param line 1-based line in the file (0 when about the whole file)
   * @param column 1-based column, 0 when not about a position
   * @param secret the candidate, empty when the step is not about one; renderers redact it
   * @param detail what was decided, in words; never holds the secret
   */
  record Step(
      Kind kind,
      String path,
      int line,
      int column,
      Optional<Rule> rule,
      String secret,
      String detail,
      boolean pass) {}

  void step(Step step);
}
