package dev.sealant.cli;

import dev.sealant.error.ExitCodes;
import dev.sealant.git.HookInstaller;
import dev.sealant.git.HooksPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sealant uninstall}: removes Sealant's hooks and restores what install moved aside. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = "Remove Sealant's git hooks and restore the state before 'sealant install'.")
public final class UninstallCommand implements Callable<Integer> {

  private final Env env;

  @Option(names = "--global", description = "Undo 'sealant install --global'.")
  boolean global;

  public UninstallCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<String> done = new ArrayList<>();
    if (global) {
      Path dir = HooksPath.globalHooksDir(env.vars());
      done.addAll(HookInstaller.uninstall(dir));
      done.add(HooksPath.unsetGlobal(env.vars(), dir));
    } else {
      done.addAll(
          HookInstaller.uninstall(
              HooksPath.find(env.cwd(), env.vars(), "sealant uninstall").dir()));
    }
    done.forEach(env.out()::println);
    env.out().flush();
    return ExitCodes.CLEAN;
  }
}
