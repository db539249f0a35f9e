package dev.sealant.testing;

import java.nio.file.Path;

/** Locations in the project checkout, for tests that read shipped files. */
public final class Paths {

  private Paths() {}

  public static Path basedir() {
    return Path.of(System.getProperty("sealant.basedir", ".")).toAbsolutePath().normalize();
  }

  public static Path patterns() {
    return basedir().resolve("patterns");
  }
}
