package dev.sealant.git;

import dev.sealant.error.ConfigException;
import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Where git looks for hooks, and the user-wide {@code core.hooksPath} that {@code sealant install
 * --global} sets. Config is read the way git reads it, from the files the caller's environment
 * names: the repository's config, then the global one ({@code GIT_CONFIG_GLOBAL}, else {@code
 * $XDG_CONFIG_HOME/git/config} when it exists, else {@code ~/.gitconfig}). The system config is not
 * consulted.
 */
public final class HooksPath {

  static final String SAVED = "previousHooksPath";

  private HooksPath() {}

  /** Where a repository's hooks live, and whether it is bare (a server, which gets pre-receive). */
  public record Location(Path dir, boolean bare) {}

  /**
   * The hooks location of the repository at or above {@code cwd}; {@code mode} names the command.
   */
  public static Location find(Path cwd, Map<String, String> env, String mode) {
    try (Repository repo = Repos.open(cwd, env, mode)) {
      return new Location(of(repo, env), repo.isBare());
    }
  }

  /** The directory git runs this repository's hooks from. */
  public static Path of(Repository repo, Map<String, String> env) {
    Optional<String> configured =
        Optional.ofNullable(repo.getConfig().getString("core", null, "hooksPath"))
            .or(
                () ->
                    Optional.ofNullable(
                        load(globalConfig(env)).getString("core", null, "hooksPath")));
    Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
    return configured
        .map(p -> expand(p, env, base))
        .orElse(repo.getCommonDirectory().toPath().resolve("hooks"));
  }

  /** The user's global git config file, as git would pick it. */
  public static Path globalConfig(Map<String, String> env) {
    Optional<String> explicit = var(env, "GIT_CONFIG_GLOBAL");
    if (explicit.isPresent()) {
      return Path.of(explicit.get());
    }
    Path home = home(env);
    Path xdg =
        var(env, "XDG_CONFIG_HOME")
            .map(Path::of)
            .orElse(home.resolve(".config"))
            .resolve("git/config");
    return Files.exists(xdg) && !Files.exists(home.resolve(".gitconfig"))
        ? xdg
        : home.resolve(".gitconfig");
  }

  /** The hooks directory {@code --global} installs into: {@code $XDG_CONFIG_HOME/sealant/hooks}. */
  public static Path globalHooksDir(Map<String, String> env) {
    return var(env, "XDG_CONFIG_HOME")
        .map(Path::of)
        .orElse(home(env).resolve(".config"))
        .resolve("sealant")
        .resolve("hooks");
  }

  /** Points the global {@code core.hooksPath} at {@code dir}, remembering a previous value. */
  public static String setGlobal(Map<String, String> env, Path dir, boolean force) {
    Path file = globalConfig(env);
    FileBasedConfig c = load(file);
    String current = c.getString("core", null, "hooksPath");
    if (current != null && !expand(current, env, home(env)).equals(dir)) {
      if (!force) {
        throw new UsageException(
            "core.hooksPath is already set to "
                + current
                + " in "
                + file
                + "; nothing was changed. Re-run with --force to point it at "
                + dir
                + " (the old value is restored by 'sealant uninstall --global')");
      }
      c.setString("sealant", null, SAVED, current);
    }
    c.setString("core", null, "hooksPath", dir.toString());
    save(c, file);
    return "core.hooksPath = " + dir + " (in " + file + ")";
  }

  /** Undoes {@link #setGlobal}: restores the previous value, or unsets ours. */
  public static String unsetGlobal(Map<String, String> env, Path dir) {
    Path file = globalConfig(env);
    FileBasedConfig c = load(file);
    String current = c.getString("core", null, "hooksPath");
    if (current == null || !expand(current, env, home(env)).equals(dir)) {
      return "core.hooksPath in " + file + " is not Sealant's; left alone";
    }
    String saved = c.getString("sealant", null, SAVED);
    if (saved != null) {
      c.setString("core", null, "hooksPath", saved);
    } else {
      c.unset("core", null, "hooksPath");
    }
    c.unsetSection("sealant", null);
    save(c, file);
    return saved != null
        ? "core.hooksPath restored to " + saved + " (in " + file + ")"
        : "core.hooksPath unset (in " + file + ")";
  }

  private static Path expand(String path, Map<String, String> env, Path base) {
    if (path.equals("~") || path.startsWith("~/")) {
      return home(env).resolve(path.substring(Math.min(2, path.length()))).normalize();
    }
    return base.resolve(path).normalize();
  }

  private static Path home(Map<String, String> env) {
    return var(env, "HOME").map(Path::of).orElse(Path.of(System.getProperty("user.home")));
  }

  private static Optional<String> var(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(s -> !s.isEmpty());
  }

  private static FileBasedConfig load(Path file) {
    FileBasedConfig c = new FileBasedConfig(new File(file.toString()), FS.DETECTED);
    try {
      c.load();
    } catch (IOException e) {
      throw new ScanIoException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (ConfigInvalidException e) {
      throw new ConfigException(file + ": not a valid git config: " + e.getMessage(), e);
    }
    return c;
  }

  private static void save(FileBasedConfig c, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      c.save();
    } catch (IOException e) {
      throw new ScanIoException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
