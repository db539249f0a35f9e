package dev.sealant.cli;

import java.util.List;
import java.util.Map;
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

  /**
   * The commands by name, in the order help lists them. Not in the annotation: {@link Main}
   * registers only the one a command line names, since picocli reads every registered command's
   * annotations up front (a cached rescan of commons-lang spent a third of its time there). Each
   * name is its class's {@code @Command} name (a test checks).
   */
  static final List<Map.Entry<String, Class<?>>> COMMANDS =
      List.of(
          Map.entry("scan", ScanCommand.class),
          Map.entry("install", InstallCommand.class),
          Map.entry("uninstall", UninstallCommand.class),
          Map.entry("hook", HookCommand.class),
          Map.entry("rules", RulesCommand.class),
          Map.entry("ignore", IgnoreCommand.class),
          Map.entry("baseline", BaselineCommand.class),
          Map.entry("import", ImportCommand.class),
          Map.entry("ci", CiCommand.class),
          Map.entry("explain", ExplainCommand.class),
          Map.entry("version", VersionCommand.class),
          Map.entry("help", CommandLine.HelpCommand.class));

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
