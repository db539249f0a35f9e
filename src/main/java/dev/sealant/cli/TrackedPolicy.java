package dev.sealant.cli;

import dev.sealant.allow.RepoConfig;
import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.error.GitException;
import dev.sealant.error.ScanIoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Policy files that {@code sealant ci} is pointed at by an option ({@code --patterns DIR}, {@code
 * --config FILE}, {@code SEALANT_CONFIG}) but that live in the checked-out change: a pull request
 * could edit them as easily as {@code .sealant.yaml}. When such a path is tracked, the base
 * commit's version is used, and what the change does to it is compared like the configuration files
 * ({@link BasePolicy}). A path outside the work tree is the pipeline's own and is read as it is.
 */
final class TrackedPolicy {

  private TrackedPolicy() {}

  /** The path relative to the work tree when {@code p} lies inside it, {@code /}-separated. */
  static Optional<String> inWorkTree(Repository repo, Path p) {
    Optional<Path> top = ScanTarget.workTree(repo);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Path t = real(top.get());
    Path a = real(p);
    if (!a.startsWith(t) || a.equals(t)) {
      return Optional.empty();
    }
    return Optional.of(t.relativize(a).toString().replace('\\', '/'));
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  /**
   * The blobs at {@code rel} in the commit's tree: the file itself, or the regular files directly
   * in the directory (as {@code --patterns} reads one), by name relative to {@code rel}.
   */
  static Map<String, byte[]> files(Repository repo, ObjectId commit, String rel) {
    Map<String, byte[]> out = new TreeMap<>();
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.addTree(rw.parseCommit(commit).getTree());
      tw.setRecursive(true);
      tw.setFilter(PathFilter.create(rel));
      while (tw.next()) {
        String p = tw.getPathString();
        String name = p.equals(rel) ? "" : p.substring(rel.length() + 1);
        if (name.contains("/") || (tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
          continue;
        }
        out.put(name, reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes(32 << 20));
      }
    } catch (IOException e) {
      throw new GitException(
          "commit " + commit.name() + ": cannot read " + rel + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Writes the blobs {@link #files} returned under {@code dir}; returns the path to load. */
  static Path writeTo(Path dir, String rel, Map<String, byte[]> files) {
    try {
      Path target = dir.resolve("tracked-" + Integer.toHexString(rel.hashCode()));
      String leaf = rel.substring(rel.lastIndexOf('/') + 1);
      if (files.size() == 1 && files.containsKey("")) {
        Files.createDirectories(target);
        Path f = target.resolve(leaf);
        Files.write(f, files.get(""));
        return f;
      }
      Path d = target.resolve(leaf);
      Files.createDirectories(d);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Files.write(d.resolve(e.getKey()), e.getValue());
      }
      return d;
    } catch (IOException e) {
      throw new ScanIoException(
          "cannot stage the base's " + rel + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The catalog to scan with when {@code --patterns} names a tracked path: the base's, with what
   * the head's version loosens added to {@code weak}; empty when the path is not the change's.
   */
  static Optional<Catalog> catalog(
      Repository repo, ObjectId base, ObjectId head, Path patterns, Path tmp, List<String> weak) {
    Optional<String> rel = inWorkTree(repo, patterns);
    if (rel.isEmpty()) {
      return Optional.empty();
    }
    Map<String, byte[]> b = files(repo, base, rel.get());
    Map<String, byte[]> h = files(repo, head, rel.get());
    if (b.isEmpty() && h.isEmpty()) {
      return Optional.empty();
    }
    String what = rel.get() + " (--patterns)";
    if (b.isEmpty()) {
      weak.add(what + " is not in the base commit, so the change brings its own catalog");
      return Optional.empty();
    }
    Catalog baseCatalog = CatalogLoader.load(writeTo(tmp, rel.get(), b));
    if (!sameBytes(b, h)) {
      Catalog headCatalog =
          h.isEmpty()
              ? Catalog.empty()
              : CatalogLoader.load(writeTo(tmp.resolve("head"), rel.get(), h));
      BasePolicy.compareCatalogs(what, baseCatalog, headCatalog, weak);
    }
    return Optional.of(baseCatalog);
  }

  /**
   * The configuration file to use when {@code --config} or {@code SEALANT_CONFIG} names a tracked
   * file: the base's version written under {@code tmp}, with what the head's loosens added to
   * {@code weak}; empty when the file is not the change's.
   */
  static Optional<Path> config(
      Repository repo, ObjectId base, ObjectId head, Path config, Path tmp, List<String> weak) {
    Optional<String> rel = inWorkTree(repo, config);
    if (rel.isEmpty()) {
      return Optional.empty();
    }
    byte[] b = files(repo, base, rel.get()).get("");
    byte[] h = files(repo, head, rel.get()).get("");
    if (b == null && h == null) {
      return Optional.empty();
    }
    String what = rel.get() + " (--config)";
    if (b == null) {
      weak.add(what + " is not in the base commit, so the change brings its own configuration");
      return Optional.empty();
    }
    if (!Arrays.equals(b, h)) {
      RepoConfig bc = RepoConfig.parse(what, new String(b, StandardCharsets.UTF_8), "");
      RepoConfig hc =
          h == null
              ? RepoConfig.none()
              : RepoConfig.parse(what, new String(h, StandardCharsets.UTF_8), "");
      BasePolicy.compareConfigs(what, bc, hc, weak);
    }
    return Optional.of(writeTo(tmp, rel.get(), Map.of("", b)));
  }

  private static boolean sameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }
}
