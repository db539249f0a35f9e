package dev.sealant.fuzz;

import java.util.Random;

/**
 * The harness's generators for fuzz tests that must live in another package (package-private API).
 */
public final class FuzzAccess {

  private FuzzAccess() {}

  public static String text(Random r, int maxLength) {
    return Fuzz.text(r, maxLength);
  }

  public static String mutate(Random r, String seed) {
    return Fuzz.mutate(r, seed);
  }
}
