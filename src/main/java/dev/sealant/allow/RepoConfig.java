package dev.sealant.allow;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.catalog.GlobalAllow;
import dev.sealant.catalog.Rule;
import dev.sealant.catalog.YamlTree;
import dev.sealant.error.ConfigException;
import dev.sealant.error.Shown;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code .sealant.yaml}: how it changes the catalog for the files below its directory.
 *
 * @param file where it was read from, for messages
 * @param dir the directory it governs, relative to the root ({@code ""} for the root)
 * @param extendDefault start from the built-in catalog (true) or from nothing (false); root only
 * @param disable rule ids switched off
 * @param rules extra rules, in the catalog schema
 * @param allow extra path globs (relative to {@code dir}) and values that are never secrets
 * @param baseline a baseline file to apply, relative to the root; root only
 * @param ignoreFile the ignore file, relative to the root (default {@code .sealantignore}); root
 *     only
 */
public record RepoConfig(
    String file,
    String dir,
    boolean extendDefault,
    Set<String> disable,
    List<Rule> rules,
    GlobalAllow allow,
    Optional<String> baseline,
    Optional<String> ignoreFile) {

  public static final String FILE_NAME = ".sealant.yaml";

  /** The other spelling, read at a root when {@link #FILE_NAME} is absent. */
  public static final String ALT_FILE_NAME = ".sealant.yml";

  private static final Set<String> KEYS =
      Set.of("extend", "disable", "rules", "allow", "baseline", "ignoreFile");

  public RepoConfig {
    disable = Set.copyOf(disable);
    rules = List.copyOf(rules);
  }

  /** The configuration that changes nothing. */
  public static RepoConfig none() {
    return new RepoConfig(
        "(none)",
        "",
        true,
        Set.of(),
        List.of(),
        GlobalAllow.NONE,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Parses a configuration file's text.
   *
   * @param dir the directory it governs, {@code /}-separated relative to the root; {@code ""} for
   *     root
   */
  public static RepoConfig parse(String file, String text, String dir) {
    YamlTree.Value doc = YamlTree.parse(file, text, YamlTree.Kind.CONFIG);
    Map<String, YamlTree.Value> m = doc.mapping(KEYS);
    boolean root = dir.isEmpty();
    for (String rootOnly : List.of("extend", "baseline", "ignoreFile")) {
      if (!root && m.containsKey(rootOnly)) {
        throw m.get(rootOnly)
            .error(
                "'"
                    + rootOnly
                    + "' is only allowed in the root configuration: a "
                    + "subdirectory's "
                    + FILE_NAME
                    + " adds to the root's, it never replaces it");
      }
    }
    boolean extend = true;
    if (m.containsKey("extend")) {
      YamlTree.Value e = m.get("extend");
      if (e.isScalar() && "default".equals(rawString(e))) {
        extend = true;
      } else {
        extend = e.bool();
      }
    }
    Set<String> disable =
        m.containsKey("disable") ? new TreeSet<>(m.get("disable").strings()) : Set.of();
    List<Rule> rules = m.containsKey("rules") ? CatalogLoader.rules(m.get("rules")) : List.of();
    GlobalAllow allow =
        m.containsKey("allow") ? CatalogLoader.globalAllow(m.get("allow")) : GlobalAllow.NONE;
    if (!root) {
      allow =
          new GlobalAllow(
              allow.paths().stream().map(g -> Scopes.under(dir, g)).toList(),
              allow.quietPaths().stream().map(g -> Scopes.under(dir, g)).toList(),
              allow.values());
    }
    return new RepoConfig(
        file,
        dir,
        extend,
        disable,
        rules,
        allow,
        optional(m.get("baseline")),
        optional(m.get("ignoreFile")));
  }

  private static String rawString(YamlTree.Value v) {
    try {
      return v.string();
    } catch (ConfigException e) {
      return "";
    }
  }

  private static Optional<String> optional(YamlTree.Value v) {
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.string());
  }

  /** Applies this configuration to a catalog: disables, then adds rules and allowlist entries. */
  public Catalog applyTo(Catalog base) {
    for (String id : disable) {
      if (base.rule(id).isEmpty() && rules.stream().noneMatch(r -> r.id().equals(id))) {
        throw new ConfigException(
            file
                + ": 'disable' names rule "
                + Shown.value(id)
                + ", which is not in the catalog"
                + " (see 'sealant rules list')");
      }
    }
    return base.without(disable).plus(new Catalog(rules, allow));
  }
}
