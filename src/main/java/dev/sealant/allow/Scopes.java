package dev.sealant.allow;

import dev.sealant.catalog.Glob;

/** Re-rooting of globs written in a subdirectory's configuration. */
final class Scopes {

  private Scopes() {}

  /** A glob from {@code dir}'s config as a glob relative to the root. */
  static Glob under(String dir, Glob g) {
    String glob = g.glob();
    String body = glob.startsWith("/") ? glob.substring(1) : glob;
    return Glob.of(Glob.anchored(glob) ? dir + "/" + body : dir + "/**/" + body);
  }

  /** True when {@code path} is inside {@code dir} ({@code ""} is the root and holds everything). */
  static boolean inside(String dir, String path) {
    return dir.isEmpty() || path.startsWith(dir + "/");
  }
}
