package dev.sealant.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Catalog-wide allowlist: paths (globs) whose content is never scanned, quiet paths where only
 * high-confidence rules run ({@link Rule#highConfidence()}: minified bundles, lock files, vendored
 * code, where generic rules are noise but a provider token or a private key is still a leak), and
 * values never treated as secrets by any rule.
 */
public record GlobalAllow(List<Glob> paths, List<Glob> quietPaths, RuleAllow values) {

  public static final GlobalAllow NONE = new GlobalAllow(List.of(), List.of(), RuleAllow.NONE);

  public GlobalAllow {
    paths = List.copyOf(paths);
    quietPaths = List.copyOf(quietPaths);
  }

  /** An allowlist without quiet paths. */
  public GlobalAllow(List<Glob> paths, RuleAllow values) {
    this(paths, List.of(), values);
  }

  /** Allows nothing: no paths, quiet paths, stopwords or value patterns. */
  public boolean isEmpty() {
    return paths.isEmpty()
        && quietPaths.isEmpty()
        && values.stopwords().isEmpty()
        && values.regexes().isEmpty();
  }

  public boolean allowsPath(String path) {
    return pathGlob(path).isPresent();
  }

  /** The first never-read glob that matches this path. */
  public Optional<Glob> pathGlob(String path) {
    return first(paths, path);
  }

  /** The first quiet glob that matches this path: only high-confidence rules run there. */
  public Optional<Glob> quietGlob(String path) {
    return first(quietPaths, path);
  }

  private static Optional<Glob> first(List<Glob> globs, String path) {
    for (Glob g : globs) {
      if (g.matches(path)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  public GlobalAllow plus(GlobalAllow other) {
    return new GlobalAllow(
        Stream.concat(paths.stream(), other.paths.stream()).toList(),
        Stream.concat(quietPaths.stream(), other.quietPaths.stream()).toList(),
        values.plus(other.values));
  }
}
