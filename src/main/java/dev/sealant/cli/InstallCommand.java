package dev.sealant.cli;

import dev.sealant.git.HookInstaller;
import dev.sealant.git.HookInstaller.Hook;
import dev.sealant.git.HooksPath;
import dev.sealant.git.Repos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealant install}: writes the hook scripts into this repository's hooks directory. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install Sealant's git hooks: pre-commit (with pre-applypatch, for git am) by default (pre-receive in a",
      "bare repository).",
      "Honours core.hooksPath. A hook that is not Sealant's is never replaced without --force,",
      "which keeps it as NAME.sealant-backup for 'sealant uninstall' to restore. Idempotent."
    })
public final class InstallCommand implements Callable<Integer> {

  private final Env env;

  @Option(
      names = "--pre-commit",
      description = "Install the pre-commit hook (and pre-applypatch, which git am runs instead).")
  boolean preCommit;

  @Option(names = "--pre-push", description = "Install the pre-push hook.")
  boolean prePush;

  @Option(
      names = "--pre-receive",
      description = "Install the pre-receive hook (a server's bare repository).")
  boolean preReceive;

  @Option(
      names = "--global",
      description =
          "For every repository of this user: hooks in ~/.config/sealant/hooks, pointed at by the"
              + " global core.hooksPath.")
  boolean global;

  @Option(
      names = "--force",
      description = "Replace a hook (or a global core.hooksPath) that is not Sealant's.")
  boolean force;

  public InstallCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<String> done = new ArrayList<>();
    if (global) {
      Path dir = HooksPath.globalHooksDir(env.vars());
      done.addAll(HookInstaller.install(dir, hooks(false), force, launcher()));
      done.add(HooksPath.setGlobal(env.vars(), dir, force));
    } else {
      try (Repository repo = Repos.open(env.cwd(), env.vars(), "sealant install")) {
        done.addAll(
            HookInstaller.install(
                HooksPath.of(repo, env.vars()), hooks(repo.isBare()), force, launcher()));
      }
    }
    done.add(
        launcher()
            .map(l -> "the hooks run " + l + " (else 'sealant' on PATH)")
            .orElse("the hooks run 'sealant' from PATH (or $SEALANT)"));
    done.forEach(env.out()::println);
    env.out().flush();
    return ExitCodes.CLEAN;
  }

  /**
   * The installed launcher this command runs from: install.sh's launcher exports its own absolute
   * path as {@code SEALANT_LAUNCHER}. Empty when run otherwise (e.g. {@code java -jar}).
   */
  private Optional<Path> launcher() {
    return env.var("SEALANT_LAUNCHER")
        .map(Path::of)
        .filter(p -> p.isAbsolute() && Files.isExecutable(p));
  }

  private List<Hook> hooks(boolean bare) {
    List<Hook> hooks = new ArrayList<>();
    if (preCommit) {
      hooks.add(Hook.PRE_COMMIT);
      hooks.add(Hook.PRE_APPLYPATCH);
    }
    if (prePush) {
      hooks.add(Hook.PRE_PUSH);
    }
    if (preReceive) {
      hooks.add(Hook.PRE_RECEIVE);
    }
    if (hooks.isEmpty()) {
      hooks.addAll(
          bare ? List.of(Hook.PRE_RECEIVE) : List.of(Hook.PRE_COMMIT, Hook.PRE_APPLYPATCH));
    }
    return hooks;
  }
}
