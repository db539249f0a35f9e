package dev.sealant.allow;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.YamlTree;
import dev.sealant.detect.Engine;
import dev.sealant.error.ConfigException;
import dev.sealant.kernel.FindingFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything that decides what does not count, assembled for one scan: the repository configuration
 * (root and per-directory {@code .sealant.yaml}), the ignore file and the baseline.
 *
 * @param engine the detector(s) with the configuration applied
 * @param filters post-detection filters, ignore file first
 * @param ignore the ignore filter, when there is an ignore file (for unused-entry reporting)
 */
public record Suppressions(
    Engine engine, List<FindingFilter> filters, Optional<IgnoreFilter> ignore) {

  public Suppressions {
    filters = List.copyOf(filters);
  }

  /** Where the user pointed, explicitly; empty means "discover". */
  public record Request(
      Optional<Path> config,
      Optional<Path> ignoreFile,
      Optional<Path> baseline,
      boolean inlineAllow,
      boolean reportUnused,
      Supplier<LocalDate> today) {}

  /**
   * Reads the configuration, ignore file and baseline that apply to a scan.
   *
   * @param base the catalog before configuration (built-in or {@code --patterns})
   * @param root the scan root: a repository's work tree or the scanned directory; empty when there
   *     is none (a bare repository, standard input), in which case only explicit files apply
   */
  public static Suppressions load(Catalog base, Optional<Path> root, Request req) {
    return load(base, root, req, Suppressions::nestedConfigs);
  }

  /**
   * Loads them with a given way to find nested configuration files.
   *
   * @param nestedFinder lists the {@code .sealant.yaml} files below a root (not the root's own);
   *     git scans list the tracked ones from the index instead of walking the whole work tree
   */
  public static Suppressions load(
      Catalog base, Optional<Path> root, Request req, Function<Path, List<Path>> nestedFinder) {
    Optional<Path> configFile = req.config().or(() -> root.flatMap(Suppressions::rootConfig));
    if (req.config().isPresent() && !Files.isRegularFile(req.config().get())) {
      throw new ConfigException(req.config().get() + ": configuration file not found");
    }
    RepoConfig rootConfig =
        configFile.isPresent()
            ? RepoConfig.parse(display(root, configFile.get()), read(configFile.get()), "")
            : RepoConfig.none();
    List<RepoConfig> nested = new ArrayList<>();
    if (root.isPresent()) {
      for (Path p : nestedFinder.apply(root.get())) {
        String dir = root.get().relativize(p.getParent()).toString().replace('\\', '/');
        nested.add(RepoConfig.parse(display(root, p), read(p), dir));
      }
    }
    Engine engine = ScopedEngine.of(base, rootConfig, nested, req.inlineAllow());
    List<FindingFilter> filters = new ArrayList<>();
    Optional<Path> ignorePath =
        req.ignoreFile()
            .or(() -> fromRoot(root, rootConfig.ignoreFile()))
            .or(() -> root.map(r -> r.resolve(IgnoreFile.FILE_NAME)).filter(Files::isRegularFile));
    Optional<IgnoreFilter> ignore = Optional.empty();
    if (ignorePath.isPresent()) {
      Path p = ignorePath.get();
      if (!Files.isRegularFile(p)) {
        throw new ConfigException(p + ": ignore file not found");
      }
      List<IgnoreFile.Entry> entries = IgnoreFile.parse(display(root, p), read(p));
      // Today's date (time-zone data: milliseconds of a hook run) only when an entry can expire.
      LocalDate today =
          entries.stream().anyMatch(e -> e.expires().isPresent())
              ? req.today().get()
              : LocalDate.EPOCH;
      IgnoreFilter f = new IgnoreFilter(entries, today, req.reportUnused());
      ignore = Optional.of(f);
      filters.add(f);
    }
    Optional<Path> baselinePath = req.baseline().or(() -> fromRoot(root, rootConfig.baseline()));
    if (baselinePath.isPresent()) {
      Path p = baselinePath.get();
      if (!Files.isRegularFile(p)) {
        throw new ConfigException(
            p + ": baseline file not found (create it with 'sealant baseline')");
      }
      filters.add(new BaselineFilter(display(root, p), Baseline.parse(display(root, p), read(p))));
    }
    return new Suppressions(engine, filters, ignore);
  }

  /**
   * The root's configuration file: {@code .sealant.yaml}, or {@code .sealant.yml} (the other usual
   * spelling); both at once is an error rather than a silent choice.
   */
  /**
   * The catalog with the rules a configuration adds (and without those it disables), as a scan
   * under it runs them: {@code config} when given, else the {@code .sealant.yaml} (or {@code
   * .sealant.yml}) at {@code root}; {@code base} itself when there is neither. For {@code sealant
   * rules test}, which runs rules' examples and scans nothing.
   */
  public static Catalog withConfigRules(Catalog base, Optional<Path> config, Path root) {
    if (config.isPresent() && !Files.isRegularFile(config.get())) {
      throw new ConfigException(config.get() + ": configuration file not found");
    }
    Optional<Path> file = config.or(() -> rootConfig(root));
    if (file.isEmpty()) {
      return base;
    }
    RepoConfig rc = RepoConfig.parse(file.get().toString(), read(file.get()), "");
    return rc.applyTo(rc.extendDefault() ? base : Catalog.empty());
  }

  static Optional<Path> rootConfig(Path root) {
    Path yaml = root.resolve(RepoConfig.FILE_NAME);
    Path yml = root.resolve(RepoConfig.ALT_FILE_NAME);
    boolean hasYaml = Files.isRegularFile(yaml);
    boolean hasYml = Files.isRegularFile(yml);
    if (hasYaml && hasYml) {
      throw new ConfigException(
          root
              + ": both "
              + RepoConfig.FILE_NAME
              + " and "
              + RepoConfig.ALT_FILE_NAME
              + " exist; keep one (Sealant reads either, never both)");
    }
    return hasYaml ? Optional.of(yaml) : hasYml ? Optional.of(yml) : Optional.empty();
  }

  private static Optional<Path> fromRoot(Optional<Path> root, Optional<String> rel) {
    return rel.flatMap(r -> root.map(base -> base.resolve(r)));
  }

  private static String display(Optional<Path> root, Path p) {
    if (root.isPresent() && p.toAbsolutePath().startsWith(root.get().toAbsolutePath())) {
      return root.get()
          .toAbsolutePath()
          .relativize(p.toAbsolutePath())
          .toString()
          .replace('\\', '/');
    }
    return p.toString();
  }

  static String read(Path p) {
    try {
      if (Files.size(p) > YamlTree.MAX_FILE_BYTES) {
        throw new ConfigException(p + ":1: larger than " + YamlTree.MAX_FILE_BYTES + " bytes");
      }
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(p + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** {@code .sealant.yaml} files below the root (not the root's own), skipping {@code .git}. */
  static List<Path> nestedConfigs(Path root) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && dir.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()
                  && file.getFileName().toString().equals(RepoConfig.FILE_NAME)
                  && !file.getParent().equals(root)) {
                out.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new ConfigException(
          root + ": cannot look for configuration files: " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }
}
