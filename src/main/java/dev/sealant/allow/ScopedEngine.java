package dev.sealant.allow;

import dev.sealant.catalog.Catalog;
import dev.sealant.detect.Detector;
import dev.sealant.detect.Engine;
import dev.sealant.detect.Trace;
import dev.sealant.error.ConfigException;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Fragment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Detectors scoped to directories, for monorepos: the root configuration applies everywhere, and
 * each subdirectory's {@code .sealant.yaml} adds to it (rules, allowlists, disables) for the files
 * below that directory. A fragment is scanned by the detector of its deepest enclosing scope.
 */
public final class ScopedEngine implements Engine {

  private record Scope(String dir, Detector detector) {}

  private final List<Scope> scopes;

  private ScopedEngine(List<Scope> scopes) {
    this.scopes = List.copyOf(scopes);
  }

  /**
   * The engine for a scan: one detector for the root configuration, and one per subdirectory
   * configuration (each with the configurations above it applied), picked by path.
   *
   * @param base the catalog before any configuration (built-in or {@code --patterns})
   * @param root the root configuration
   * @param nested subdirectory configurations (any order)
   */
  public static Engine of(
      Catalog base, RepoConfig root, List<RepoConfig> nested, boolean inlineAllow) {
    Catalog rootCatalog = root.applyTo(root.extendDefault() ? base : Catalog.empty());
    if (rootCatalog.rules().isEmpty()) {
      // Zero rules would report every input clean; that is never what a gate is for.
      throw new ConfigException(
          root.file()
              + ": no rules left to scan with"
              + " (the default catalog is dropped or every rule is disabled); add rules or keep 'extend: default'");
    }
    if (nested.isEmpty()) {
      return new Detector(rootCatalog, inlineAllow);
    }
    List<RepoConfig> sorted = new ArrayList<>(nested);
    sorted.sort(Comparator.comparing(RepoConfig::dir));
    List<Scope> scopes = new ArrayList<>();
    scopes.add(new Scope("", new Detector(rootCatalog, inlineAllow)));
    for (RepoConfig c : sorted) {
      Catalog cat = rootCatalog;
      for (RepoConfig outer : sorted) {
        // Each configuration governs its own directory, so the directory identifies it.
        if (!outer.dir().equals(c.dir()) && Scopes.inside(outer.dir(), c.dir())) {
          cat = outer.applyTo(cat);
        }
      }
      Catalog scoped = c.applyTo(cat);
      if (scoped.rules().isEmpty()) {
        throw new ConfigException(
            c.file()
                + ": no rules left to scan with below '"
                + c.dir()
                + "' (every rule is disabled)");
      }
      scopes.add(new Scope(c.dir(), new Detector(scoped, inlineAllow)));
    }
    scopes.sort(Comparator.comparingInt((Scope s) -> s.dir().length()).reversed());
    return new ScopedEngine(scopes);
  }

  private Detector forPath(String path) {
    for (Scope s : scopes) {
      if (Scopes.inside(s.dir(), path)) {
        return s.detector();
      }
    }
    return scopes.get(scopes.size() - 1).detector();
  }

  @Override
  public List<Finding> scan(Fragment fragment) {
    return forPath(fragment.path()).scan(fragment);
  }

  @Override
  public Engine traced(Trace trace) {
    return new ScopedEngine(
        scopes.stream().map(s -> new Scope(s.dir(), s.detector().traced(trace))).toList());
  }

  @Override
  public boolean pathAllowed(String path) {
    return forPath(path).pathAllowed(path);
  }
}
