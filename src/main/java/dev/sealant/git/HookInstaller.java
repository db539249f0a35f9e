package dev.sealant.git;

import dev.sealant.error.ScanIoException;
import dev.sealant.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes Sealant's hook scripts (packaged in the jar under {@code dev/sealant/hooks/}) into a hooks
 * directory, and removes them again.
 *
 * <p>Policy for a hook that is not Sealant's (no {@code # sealant-hook:} marker): it is never
 * overwritten silently. Without {@code force} the install is refused, before anything is written.
 * With {@code force} it is moved aside to {@code <name>.sealant-backup}, and {@link #uninstall}
 * moves it back. Installing twice rewrites Sealant's own hooks (an upgrade) and changes nothing
 * else.
 */
public final class HookInstaller {

  /** The hooks Sealant ships. */
  public enum Hook {
    PRE_COMMIT("pre-commit"),
    /** Installed with pre-commit: {@code git am} commits a patch without running pre-commit. */
    PRE_APPLYPATCH("pre-applypatch"),
    PRE_PUSH("pre-push"),
    PRE_RECEIVE("pre-receive");

    private final String fileName;

    Hook(String fileName) {
      this.fileName = fileName;
    }

    public String fileName() {
      return fileName;
    }
  }

  static final String MARKER = "# sealant-hook:";
  static final String BACKUP_SUFFIX = ".sealant-backup";

  private HookInstaller() {}

  /** Installs the hooks into {@code dir}; returns one line per hook saying what was done. */
  public static List<String> install(Path dir, List<Hook> hooks, boolean force) {
    return install(dir, hooks, force, Optional.empty());
  }

  /**
   * Installs the hooks, each recording {@code launcher} (an absolute path) to run first, before any
   * {@code sealant} on PATH.
   */
  public static List<String> install(
      Path dir, List<Hook> hooks, boolean force, Optional<Path> launcher) {
    for (Hook h : hooks) {
      Path p = dir.resolve(h.fileName());
      if (exists(p) && !isOurs(p)) {
        if (!force) {
          throw new UsageException(
              p
                  + " exists and is not Sealant's hook; nothing was changed. Re-run with"
                  + " --force to replace it (it is kept as "
                  + h.fileName()
                  + BACKUP_SUFFIX
                  + " and restored by"
                  + " 'sealant uninstall'), or call 'sealant hook "
                  + h.fileName()
                  + "' from it yourself");
        }
        if (exists(dir.resolve(h.fileName() + BACKUP_SUFFIX))) {
          throw new UsageException(
              dir.resolve(h.fileName() + BACKUP_SUFFIX)
                  + " already exists; move it away"
                  + " before replacing "
                  + p
                  + " again");
        }
      }
    }
    List<String> done = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Hook h : hooks) {
        done.add(installOne(dir, h, launcher));
      }
    } catch (IOException e) {
      throw new ScanIoException("cannot write hooks into " + dir + ": " + e.getMessage(), e);
    }
    return done;
  }

  private static String installOne(Path dir, Hook h, Optional<Path> launcher) throws IOException {
    Path p = dir.resolve(h.fileName());
    String script = script(h, launcher);
    String what;
    if (!exists(p)) {
      what = "installed";
    } else if (isOurs(p)) {
      what =
          Files.readString(p, StandardCharsets.UTF_8).equals(script)
              ? "already installed"
              : "updated";
    } else {
      Files.move(p, dir.resolve(h.fileName() + BACKUP_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
      what = "installed (the previous hook is kept as " + h.fileName() + BACKUP_SUFFIX + ")";
    }
    Path tmp = dir.resolve("." + h.fileName() + ".sealant-tmp");
    Files.writeString(tmp, script, StandardCharsets.UTF_8);
    executable(tmp);
    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return h.fileName() + " hook " + what + ": " + p;
  }

  /** Removes Sealant's hooks from {@code dir} and restores what {@code --force} moved aside. */
  public static List<String> uninstall(Path dir) {
    List<String> done = new ArrayList<>();
    try {
      for (Hook h : Hook.values()) {
        Path p = dir.resolve(h.fileName());
        Path backup = dir.resolve(h.fileName() + BACKUP_SUFFIX);
        if (exists(p) && isOurs(p)) {
          Files.delete(p);
          if (exists(backup)) {
            Files.move(backup, p, StandardCopyOption.ATOMIC_MOVE);
            done.add(h.fileName() + " hook removed; the previous hook is restored: " + p);
          } else {
            done.add(h.fileName() + " hook removed: " + p);
          }
        } else if (exists(p)) {
          done.add(h.fileName() + " hook left alone (not Sealant's): " + p);
        }
      }
    } catch (IOException e) {
      throw new ScanIoException("cannot remove hooks from " + dir + ": " + e.getMessage(), e);
    }
    if (done.isEmpty()) {
      done.add("no Sealant hook in " + dir + "; nothing to do");
    }
    return done;
  }

  /** The script for a hook, as packaged in the jar. */
  public static String script(Hook h) {
    String res = "/dev/sealant/hooks/" + h.fileName();
    try (InputStream in = HookInstaller.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new ScanIoException("the hook script " + res + " is missing from Sealant's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScanIoException("cannot read " + res + " from Sealant's jar: " + e.getMessage(), e);
    }
  }

  /** The script with the launcher's absolute path recorded in it (none: PATH only). */
  public static String script(Hook h, Optional<Path> launcher) {
    String s = script(h);
    if (launcher.isEmpty()) {
      return s;
    }
    String quoted = "'" + launcher.get().toAbsolutePath().toString().replace("'", "'\\''") + "'";
    String line = "\ninstalled=''\n";
    if (!s.contains(line)) {
      throw new ScanIoException(
          "the hook script for " + h.fileName() + " in Sealant's jar has no launcher line");
    }
    return s.replace(line, "\ninstalled=" + quoted + "\n");
  }

  static boolean isOurs(Path p) {
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      return Files.readString(p, StandardCharsets.ISO_8859_1).contains(MARKER);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static void executable(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): git for Windows runs hooks without an executable bit.
    }
  }
}
