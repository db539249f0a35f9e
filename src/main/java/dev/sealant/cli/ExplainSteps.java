package dev.sealant.cli;

import dev.sealant.detect.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace steps one explanation shows: those about the file and those about its line, at most
 * {@link #MAX_SHOWN}; the rest are only counted. A line holding a keyword a hundred thousand times
 * makes as many candidates, and an explanation of all of them is neither readable nor quick.
 */
final class ExplainSteps implements Trace {

  /** Steps shown per explained line; evidence: a real line has tens (one rule: about six). */
  static final int MAX_SHOWN = 200;

  private final int line;
  private final List<Step> shown = new ArrayList<>();
  private long hidden;

  ExplainSteps(int line) {
    this.line = line;
  }

  @Override
  public void step(Step step) {
    if (step.line() != 0 && step.line() != line) {
      return;
    }
    if (shown.size() < MAX_SHOWN) {
      shown.add(step);
    } else {
      hidden++;
    }
  }

  List<Step> shown() {
    return List.copyOf(shown);
  }

  /** Steps about this line (or file) not kept. */
  long hidden() {
    return hidden;
  }
}
