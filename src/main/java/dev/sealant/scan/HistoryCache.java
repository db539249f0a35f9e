package dev.sealant.scan;

import dev.sealant.allow.RepoConfig;
import dev.sealant.allow.Suppressions;
import dev.sealant.catalog.CatalogLoader;
import dev.sealant.git.CommitSource;
import dev.sealant.git.Repos;
import dev.sealant.git.ScanCache;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Finding;
import dev.sealant.kernel.Skipped;
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
 * The full-history scan's cache ({@link ScanCache}) as a session uses it: keyed by what decides the
 * findings, read before the scan and written after a scan that completed.
 */
final class HistoryCache {

  private HistoryCache() {}

  /** Scans {@code source} (every ref's history) skipping what the cache says is covered. */
  static Session.Outcome scan(
      Session session,
      Repository repo,
      CommitSource source,
      Suppressions sup,
      Session.Listener listener) {
    ScanCache cache = ScanCache.of(repo.getDirectory().toPath(), key(session, repo));
    Consumer<String> warn = listener::cacheWarning;
    CommitSource resumed = cache.load(warn).map(source::resumingFrom).orElse(source);
    ScanResult r = Session.run(resumed, "commits", sup, listener);
    save(cache, resumed, r, warn);
    return new Session.Outcome(r, sup);
  }

  /** What decides the findings: the build, catalog, inline-allow switch, limits, configuration. */
  private static List<String> key(Session session, Repository repo) {
    List<String> parts = new ArrayList<>();
    parts.add(build());
    parts.add(CatalogLoader.identity(session.catalog().get()));
    parts.add("inline-allow=" + session.suppressions().inlineAllow());
    parts.add(
        "max-file-size="
            + session.limits().maxFileSize()
            + ", in-memory="
            + session.limits().inMemory());
    // The configuration files that shape the detector: the root one (or -c), and nested ones.
    Optional<Path> root = Repos.workTree(repo);
    session
        .suppressions()
        .config()
        .or(() -> root.map(r -> r.resolve(RepoConfig.FILE_NAME)))
        .ifPresent(p -> parts.add(content(p)));
    if (root.isPresent()) {
      for (Path p : Repos.trackedFiles(repo, RepoConfig.FILE_NAME)) {
        parts.add(p + "\n" + content(p));
      }
    }
    return parts;
  }

  /** Records what this completed scan covered and which commits to scan again next time. */
  private static void save(
      ScanCache cache, CommitSource source, ScanResult r, Consumer<String> warn) {
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

  /**
   * Identifies this build: the version (as {@code sealant --version} prints it) and the jar (or
   * class directory) it runs from.
   */
  private static String build() {
    String v = HistoryCache.class.getPackage().getImplementationVersion();
    StringBuilder b = new StringBuilder("sealant " + (v == null ? "dev" : v));
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
