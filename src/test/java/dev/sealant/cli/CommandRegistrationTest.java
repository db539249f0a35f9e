package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@link Main} registers only the command a line names (picocli's set-up of all of them was a third
 * of a cached rescan): what a user sees must not depend on it.
 */
class CommandRegistrationTest {

  @TempDir Path dir;

  @Test
  void eachNameIsItsCommandsOwn() {
    for (Map.Entry<String, Class<?>> c : SealantCommand.COMMANDS) {
      assertEquals(c.getKey(), c.getValue().getAnnotation(Command.class).name(), c.toString());
    }
  }

  @Test
  void aNamedCommandIsTheOnlyOneRegistered() {
    Env env = Env.system();
    assertEquals(List.of("scan"), names(Main.commandLine(env, "scan", "-f", "json")));
    assertEquals(List.of("scan"), names(Main.commandLine(env)));
    assertEquals(List.of("rules"), names(Main.commandLine(env, "rules", "list")));
    List<String> all = SealantCommand.COMMANDS.stream().map(Map.Entry::getKey).toList();
    assertEquals(all, names(Main.commandLine(env, "help", "scan")));
    assertEquals(all, names(Main.commandLine(env, "--help")));
    assertEquals(all, names(Main.commandLine(env, "scna")));
  }

  /** Every command's (and subcommand's) help is the same registered alone as among all. */
  @Test
  void helpIsTheSameRegisteredAloneOrAmongAll() {
    CommandLine all = Main.commandLine(Env.system(), "--help");
    for (Map.Entry<String, Class<?>> c : SealantCommand.COMMANDS) {
      CommandLine among = all.getSubcommands().get(c.getKey());
      CommandLine alone =
          Main.commandLine(Env.system(), c.getKey()).getSubcommands().get(c.getKey());
      assertEquals(among.getUsageMessage(), alone.getUsageMessage(), c.getKey());
      for (String sub : among.getSubcommands().keySet()) {
        assertEquals(
            among.getSubcommands().get(sub).getUsageMessage(),
            alone.getSubcommands().get(sub).getUsageMessage(),
            c.getKey() + " " + sub);
      }
    }
  }

  @Test
  void rootHelpListsEveryCommandAndAnUnknownOneIsAUsageError() {
    Cli.Run help = Cli.run(dir, "--help");
    assertEquals(ExitCodes.CLEAN, help.code(), help.all());
    for (Map.Entry<String, Class<?>> c : SealantCommand.COMMANDS) {
      assertTrue(help.out().contains("  " + c.getKey() + " "), c.getKey() + "\n" + help.out());
    }
    Cli.Run typo = Cli.run(dir, "scna");
    assertEquals(ExitCodes.USAGE, typo.code(), typo.all());
    assertTrue(typo.err().contains("'scna'"), typo.err());
    assertTrue(typo.err().contains("Try 'sealant --help'"), typo.err());
    Cli.Run helpScan = Cli.run(dir, "help", "scan");
    assertEquals(ExitCodes.CLEAN, helpScan.code(), helpScan.all());
    assertEquals(Cli.run(dir, "scan", "--help").out(), helpScan.out());
  }

  private static List<String> names(CommandLine cl) {
    return List.copyOf(cl.getSubcommands().keySet());
  }
}
