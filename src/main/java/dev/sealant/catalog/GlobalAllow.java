package dev.sealant.catalog;

import java.util.List;
import java.util.stream.Stream;

/**
 * Catalog-wide allowlist: paths (globs) whose content is never scanned, and values never treated
 * as secrets by any rule.
 */
public record GlobalAllow(List<Glob> paths, RuleAllow values) {

  public static final GlobalAllow NONE = new GlobalAllow(List.of(), RuleAllow.NONE);

  public GlobalAllow {
    paths = List.copyOf(paths);
  }

  public boolean allowsPath(String path) {
    for (Glob g : paths) {
      if (g.matches(path)) {
        return true;
      }
    }
    return false;
  }

  public GlobalAllow plus(GlobalAllow other) {
    return new GlobalAllow(
        Stream.concat(paths.stream(), other.paths.stream()).toList(), values.plus(other.values));
  }
}
