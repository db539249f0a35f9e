package dev.sealant.cli;

import dev.sealant.error.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code sealant version}: the same line as {@code sealant --version}, for the habit of other
 * tools.
 */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = SealantCommand.Version.class,
    description = "Print the version and exit.")
public final class VersionCommand implements Callable<Integer> {

  private final Env env;

  public VersionCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    for (String line : new SealantCommand.Version().getVersion()) {
      env.out().println(line);
    }
    env.out().flush();
    return ExitCodes.CLEAN;
  }
}
