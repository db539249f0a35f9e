package dev.sealant.git;

import dev.sealant.error.GitException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Opening repositories the way git's own hooks see them. The git environment variables come from
 * the caller (the CLI's injected environment), not from the process: {@code GIT_DIR}, {@code
 * GIT_WORK_TREE}, {@code GIT_INDEX_FILE} (set by {@code git commit -a} and {@code git commit PATH}
 * for the pre-commit hook), and the object directories of a pre-receive quarantine ({@code
 * GIT_OBJECT_DIRECTORY}, {@code GIT_ALTERNATE_OBJECT_DIRECTORIES}, {@code GIT_QUARANTINE_PATH}).
 *
 * <p>JGit's system, user and JGit configurations are replaced by empty ones: the first read of the
 * system config would otherwise fork {@code git} to find it, which costs a pre-commit hook more
 * than its whole scan. Scanning needs only the repository's own config.
 */
public final class Repos {

  private Repos() {}

  /** The repository at or above {@code cwd} (or named by {@code GIT_DIR}), if there is one. */
  public static Optional<Repository> find(Path cwd, Map<String, String> env) {
    Quiet.install();
    FileRepositoryBuilder b = new FileRepositoryBuilder();
    Optional<String> gitDir = var(env, "GIT_DIR");
    if (gitDir.isPresent()) {
      b.setGitDir(cwd.resolve(gitDir.get()).toFile());
    } else {
      b.findGitDir(cwd.toFile());
      refuseBroken(cwd, b.getGitDir());
      if (b.getGitDir() == null) {
        return Optional.empty();
      }
    }
    var(env, "GIT_WORK_TREE").ifPresent(w -> b.setWorkTree(cwd.resolve(w).toFile()));
    var(env, "GIT_INDEX_FILE").ifPresent(i -> b.setIndexFile(cwd.resolve(i).toFile()));
    objectDirectories(b, cwd, env);
    b.setMustExist(true);
    try {
      return Optional.of(b.build());
    } catch (IOException | IllegalArgumentException e) {
      throw new GitException(b.getGitDir() + ": cannot open the repository: " + e.getMessage(), e);
    }
  }

  /**
   * JGit's discovery passes over a {@code .git} it cannot use (a corrupt or missing {@code HEAD},
   * no {@code objects}): then a scan would silently fall back to the files on disk, or to an outer
   * repository. The nearest {@code .git} above {@code cwd} that discovery did not pick is a git
   * error instead, as git itself stops there.
   */
  private static void refuseBroken(Path cwd, File found) {
    for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.exists(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        if (found == null
            || !(found.toPath().toAbsolutePath().normalize().startsWith(dir)
                || gitFileTarget(dotGit)
                    .map(t -> t.equals(found.toPath().toAbsolutePath().normalize()))
                    .orElse(false))) {
          throw new GitException(
              dotGit
                  + ": not a usable git repository (its HEAD, objects or refs are missing"
                  + " or corrupt; 'git status' says what is wrong); repair it, or scan the files with --no-git");
        }
        return;
      }
    }
  }

  /** Where a {@code .git} file (linked worktree, submodule) points: its {@code gitdir:} line. */
  private static Optional<Path> gitFileTarget(Path dotGit) {
    if (!Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      String line = Files.readString(dotGit).strip();
      if (!line.startsWith("gitdir:")) {
        return Optional.empty();
      }
      return Optional.of(
          dotGit
              .getParent()
              .resolve(line.substring("gitdir:".length()).strip())
              .toAbsolutePath()
              .normalize());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Like {@link #find}, for a mode that needs a repository: a clear error when there is none. */
  public static Repository open(Path cwd, Map<String, String> env, String mode) {
    return find(cwd, env)
        .orElseThrow(
            () ->
                new GitException(
                    mode
                        + " needs a git repository, and "
                        + cwd
                        + " is not inside one"
                        // Only the scan command's git modes have a --no-git to fall back on.
                        + (mode.startsWith("--") ? " (use --no-git to scan files)" : "")));
  }

  private static void objectDirectories(
      FileRepositoryBuilder b, Path cwd, Map<String, String> env) {
    Optional<String> objects = var(env, "GIT_OBJECT_DIRECTORY");
    Optional<String> quarantine = var(env, "GIT_QUARANTINE_PATH");
    if (objects.isPresent()) {
      b.setObjectDirectory(cwd.resolve(objects.get()).toFile());
    } else if (quarantine.isPresent()) {
      // New objects of a push wait in the quarantine until every pre-receive hook accepts them.
      b.setObjectDirectory(cwd.resolve(quarantine.get()).toFile());
      File gitDir = b.getGitDir() == null ? cwd.toFile() : b.getGitDir();
      b.addAlternateObjectDirectory(new File(gitDir, "objects"));
    }
    var(env, "GIT_ALTERNATE_OBJECT_DIRECTORIES")
        .ifPresent(
            list -> {
              int from = 0;
              while (from <= list.length()) {
                int to = list.indexOf(File.pathSeparatorChar, from);
                String dir = list.substring(from, to < 0 ? list.length() : to);
                if (!dir.isEmpty()) {
                  b.addAlternateObjectDirectory(cwd.resolve(dir).toFile());
                }
                from = to < 0 ? list.length() + 1 : to + 1;
              }
            });
  }

  private static Optional<String> var(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(s -> !s.isEmpty());
  }

  /** The work tree, where configuration is read from; a bare repository has none. */
  public static Optional<Path> workTree(Repository repo) {
    return repo.isBare() ? Optional.empty() : Optional.of(repo.getWorkTree().toPath());
  }

  /**
   * The work-tree files with this name that the index tracks below the top directory (not the top
   * one's own), such as nested {@code .sealant.yaml} files: reading the index is cheap, walking a
   * large work tree in every hook run is not. A bare repository has none.
   */
  public static List<Path> trackedFiles(Repository repo, String name) {
    if (repo.isBare()) {
      return List.of();
    }
    Path top = repo.getWorkTree().toPath();
    List<Path> out = new ArrayList<>();
    DirCache dc = Indexes.read(repo);
    for (int i = 0; i < dc.getEntryCount(); i++) {
      String p = dc.getEntry(i).getPathString();
      if (p.endsWith("/" + name) && Files.isRegularFile(top.resolve(p))) {
        out.add(top.resolve(p));
      }
    }
    return out;
  }

  /**
   * Sizes JGit's process-wide pack cache for a history scan. JGit reads only the commits (for the
   * revision walk) and whatever {@link PackReader} leaves to it (loose objects, alternates), so its
   * pack windows get a thirty-second of the heap (at least 8 MiB, at most 128 MiB) and its
   * per-reader delta-base caches a sixty-fourth over all workers (at least 2 MiB each). With the
   * launcher's {@code -Xmx320m} and 2 workers: 10 MiB and 2 x 2.5 MiB. With {@link PackReader}'s
   * cache of resolved objects (an eighth) and {@link BlobTextCache} (an eighth), the scan's caches
   * take under a third of the heap, whatever the repository's size: the rest is what the workers
   * hold at once (two versions of a file, the line tables of what lies between their common ends)
   * and room for the collector.
   */
  public static void tuneCache(int workers) {
    long heap = Runtime.getRuntime().maxMemory();
    WindowCacheConfig c = new WindowCacheConfig();
    c.setPackedGitLimit(Math.max(8L << 20, Math.min(128L << 20, heap / 32)));
    c.setPackedGitWindowSize(64 * WindowCacheConfig.KB);
    c.setPackedGitOpenFiles(256);
    c.setPackedGitMMAP(false);
    long perWorker = heap / 64 / Math.max(1, workers);
    c.setDeltaBaseCacheLimit((int) Math.max(2L << 20, Math.min(16L << 20, perWorker)));
    c.setExposeStatsViaJmx(false);
    c.install();
  }

  /** Installs the quiet {@link SystemReader} once, when this class is first used. */
  private static final class Quiet extends SystemReader.Delegate {
    static {
      SystemReader.setInstance(new Quiet(SystemReader.getInstance()));
      // Reading the index makes JGit measure the file system's timestamp resolution (seconds of
      // probing, normally cached in a config we do not load). In the background it costs a scan
      // at most JGit's short wait; the index is then judged with the safe fallback resolution.
      FS.FileStoreAttributes.setBackground(true);
      // JGit registers its cache statistics as a JMX bean by default: that loads and starts the
      // platform MBean server, tens of milliseconds of every hook run, for nothing we use.
      WindowCacheConfig quiet = new WindowCacheConfig();
      quiet.setExposeStatsViaJmx(false);
      quiet.install();
    }

    Quiet(SystemReader delegate) {
      super(delegate);
    }

    static void install() {
      // The static initialiser did the work; this call only triggers it.
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    private static FileBasedConfig empty(Config parent, FS fs) {
      return new FileBasedConfig(parent, null, fs) {
        @Override
        public void load() {
          // Nothing to read: scans use only the repository's own configuration.
        }

        @Override
        public void save() {
          // Nothing to write: a hook must leave no trace outside the repository.
        }

        @Override
        public boolean isOutdated() {
          return false;
        }

        /**
         * Answers JGit's question about a file system's timestamp resolution (normally cached in
         * the user's JGit config, which we do not read) with its own conservative fallback, so it
         * never spends seconds probing the disk with temporary files in the background. Sealant
         * compares git objects, never working-tree timestamps, so the value costs nothing.
         */
        @Override
        public long getTimeUnit(
            String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
          if ("filesystem".equals(section) && "timestampResolution".equals(name)) {
            return wantUnit.convert(
                FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toNanos(),
                TimeUnit.NANOSECONDS);
          }
          return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
        }
      };
    }
  }
}
