package dev.sealant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sealant}: with no subcommand, scans the repository (or directory) it stands in. */
@Command(
    name = "sealant",
    mixinStandardHelpOptions = true,
    versionProvider = SealantCommand.Version.class,
    description = {
      "Finds secrets (passwords, cloud keys, API tokens, private keys) before they leave your machine.",
      "",
      "With no command, 'sealant' scans the repository it stands in: every commit on every branch",
      "in a git repository, the files on disk elsewhere. Same as 'sealant scan'."
    },
    subcommands = {
      ScanCommand.class,
      InstallCommand.class,
      UninstallCommand.class,
      HookCommand.class,
      RulesCommand.class,
      IgnoreCommand.class,
      BaselineCommand.class,
      ImportCommand.class,
      CiCommand.class,
      ExplainCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no secrets found",
      "  1  secrets found",
      "  2  usage or configuration error (bad option, catalog or config)",
      "  3  I/O, git or internal error",
      "  4  ci: the change weakens its base's .sealant.yaml (--accept-policy-change)",
      "",
      "Examples:",
      "  sealant                         scan this repository's full history",
      "  sealant scan --staged           scan what 'git commit' would record",
      "  sealant install                 block commits that add secrets (pre-commit hook)",
      "  sealant scan --no-git .         scan the files on disk",
      "  cat app.env | sealant scan -    scan standard input",
      "  sealant rules list              list the built-in rules"
    })
public final class SealantCommand implements Callable<Integer> {

  private final Env env;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public SealantCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    CommandLine scan = spec.commandLine().getSubcommands().get("scan");
    return scan.execute();
  }

  Env env() {
    return env;
  }

  /** The version baked into the jar's manifest at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SealantCommand.class.getPackage().getImplementationVersion();
      return new String[] {"sealant " + (v == null ? "dev" : v)};
    }
  }
}
