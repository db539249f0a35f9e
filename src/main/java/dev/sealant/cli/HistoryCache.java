package dev.sealant.cli;

import dev.sealant.allow.RepoConfig;
import dev.sealant.catalog.Catalog;
import dev.sealant.git.CommitSource;
import dev.sealant.git.Repos;
import dev.sealant.git.ScanCache;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Skipped;
import dev.sealant.scan.ScanResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The full-history scan's cache ({@link ScanCache}) as the scan command uses it: keyed by what
 * decides the findings, read before the scan and written after a scan that completed.
 */
final class HistoryCache {

  private HistoryCache() {}

  /**
   * The cache for this scan, if it is a full-history scan of a repository and {@code --no-cache}
   * was not given.
   */
  static Optional<ScanCache> forScan(
      Env env, TargetOptions t, Catalog catalog, SuppressionOptions s, Repository repo) {
    ScanTarget.Mode m = t.mode();
    if (t.noCache
        || !m.paths().isEmpty()
        || m.noGit()
        || m.staged()
        || m.range().isPresent()
        || m.since().isPresent()) {
      return Optional.empty();
    }
    Limits limits = t.limits();
    List<String> parts = new ArrayList<>();
    parts.add(build());
    parts.add(catalog.toString());
    parts.add("inline-allow=" + !s.noInlineAllow);
    parts.add("max-file-size=" + limits.maxFileSize() + ", in-memory=" + limits.inMemory());
    // The configuration files that shape the detector: the root one (or -c), and nested ones.
    Optional<Path> root = ScanTarget.workTree(repo);
    Optional<String> cfg = Optional.ofNullable(s.config).or(() -> env.var("SEALANT_CONFIG"));
    cfg.map(env::resolve)
        .or(() -> root.map(r -> r.resolve(RepoConfig.FILE_NAME)))
        .ifPresent(p -> parts.add(content(p)));
    if (root.isPresent()) {
      for (Path p : Repos.trackedFiles(repo, RepoConfig.FILE_NAME)) {
        parts.add(p + "\n" + content(p));
      }
    }
    return Optional.of(ScanCache.of(repo.getDirectory().toPath(), parts));
  }

  /** The earlier scan's coverage applied to {@code source}, when the cache has any. */
  static CommitSource resume(ScanCache cache, CommitSource source, Consumer<String> warn) {
    return cache.load(warn).map(source::resumingFrom).orElse(source);
  }

  /** Records what this completed scan covered and which commits to scan again next time. */
  static void save(ScanCache cache, CommitSource source, ScanResult r, Consumer<String> warn) {
    Set<ObjectId> again = new LinkedHashSet<>();
    for (List<Finding> list : List.of(r.findings(), r.suppressed())) {
      for (Finding f : list) {
        f.commit().map(CommitInfo::id).ifPresent(id -> again.add(ObjectId.fromString(id)));
      }
    }
    // What was not read (too large, unreadable) is a gap in coverage reported on every scan; binary
    // and allowlisted paths are not (a cached scan's verbose list names only what it read).
    for (Skipped s : r.skipped()) {
      if (s.unscanned()) {
        s.commit().ifPresent(id -> again.add(ObjectId.fromString(id)));
      }
    }
    cache.save(source.set().include(), again, warn);
  }

  /** Identifies this build: the version and the jar (or class directory) it runs from. */
  private static String build() {
    StringBuilder b = new StringBuilder(new SealantCommand.Version().getVersion()[0]);
    try {
      Path self =
          Path.of(HistoryCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      b.append(' ')
          .append(self)
          .append(' ')
          .append(Files.size(self))
          .append(' ')
          .append(Files.getLastModifiedTime(self).toMillis());
    } catch (IOException | RuntimeException | URISyntaxException e) {
      b.append(" unknown build");
    }
    return b.toString();
  }

  private static String content(Path p) {
    try {
      return Files.isRegularFile(p)
          ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
          : "(none)";
    } catch (IOException e) {
      return "(unreadable)";
    }
  }
}
