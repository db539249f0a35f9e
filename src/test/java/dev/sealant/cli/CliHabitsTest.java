package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import dev.sealant.testing.JGitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Habits users bring from other tools and shells (issue 13, "CLI habits" and "Discovery"). */
class CliHabitsTest {

  static final String TOKEN = CliTest.TOKEN;

  @TempDir Path dir;

  @Test
  void bareSealantTakesTheScanOptions() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "-f", "json", "--no-git", ".");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().startsWith("["), r.out());
    assertFalse(r.all().contains(TOKEN));
  }

  @Test
  void sealantYmlIsRead() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Files.writeString(dir.resolve(".sealant.yml"), "disable: [github-pat-classic]\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
  }

  @Test
  void bothSpellingsAreAClearError() throws Exception {
    Files.writeString(dir.resolve(".sealant.yml"), "disable: [github-pat-classic]\n");
    Files.writeString(dir.resolve(".sealant.yaml"), "disable: []\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("both .sealant.yaml and .sealant.yml"), r.err());
  }

  @Test
  void versionIsACommandToo() {
    Cli.Run r = Cli.run(dir, "version");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertEquals(Cli.run(dir, "--version").out(), r.out());
    assertTrue(r.out().startsWith("sealant "), r.out());
    assertEquals(r.out(), Cli.run(dir, "version", "-V").out());
  }

  /**
   * Any COLUMNS a shell may export (0, negative, narrower than picocli's minimum of 55, huge, not a
   * number) leaves every command working: a narrow terminal pane made each one fail.
   */
  @Test
  void anyColumnsValueLeavesCommandsWorking() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "nothing here\n");
    List<String> widths =
        new ArrayList<>(List.of("", " ", "abc", "-1", "0", "2147483648", "99999"));
    for (int w = 1; w <= 60; w++) {
      widths.add(Integer.toString(w));
    }
    for (String columns : widths) {
      Cli.Run scan = Cli.run(dir, "", Map.of("COLUMNS", columns), "scan", "--no-git", ".");
      assertEquals(ExitCodes.CLEAN, scan.code(), "COLUMNS=" + columns + ": " + scan.all());
      Cli.Run help = Cli.run(dir, "", Map.of("COLUMNS", columns), "--help");
      assertEquals(ExitCodes.CLEAN, help.code(), "COLUMNS=" + columns + ": " + help.all());
    }
  }

  @Test
  void anUnknownSinceRevisionIsAUsageError() throws Exception {
    try (JGitRepo repo = JGitRepo.init(dir.resolve("repo"))) {
      repo.write("a.txt", "hello\n");
      repo.commit("one");
      Cli.Run r = Cli.run(repo.dir(), "scan", "--since", "nosuchrev");
      assertEquals(ExitCodes.USAGE, r.code(), r.all());
      assertTrue(r.err().contains("'nosuchrev'"), r.err());
    }
  }

  @Test
  void redactIsAcceptedAndExitCodeChoosesTheFindingsCode() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run redacted = Cli.run(dir, "scan", "--no-git", "--redact", ".");
    assertEquals(ExitCodes.FINDINGS, redacted.code(), redacted.all());
    assertFalse(redacted.all().contains(TOKEN));
    assertEquals(0, Cli.run(dir, "scan", "--no-git", "--exit-code", "0", ".").code());
    assertEquals(42, Cli.run(dir, "scan", "--no-git", "--exit-code", "42", ".").code());
    Files.writeString(dir.resolve("a.txt"), "clean\n");
    assertEquals(0, Cli.run(dir, "scan", "--no-git", "--exit-code", "42", ".").code());
    assertEquals(
        ExitCodes.USAGE, Cli.run(dir, "scan", "--no-git", "--exit-code", "300", ".").code());
    assertEquals(
        ExitCodes.USAGE,
        Cli.run(dir, "scan", "--no-git", "--redact", "--show-secrets", ".").code());
  }

  /**
   * Every line fits COLUMNS, and a paragraph's line breaks only where the next word would not fit.
   */
  @Test
  void helpIsWrappedToTheTerminalWidthBetweenWords() {
    for (int width : new int[] {60, 80, 120}) {
      for (String[] cmd :
          List.of(
              new String[] {"--help"},
              new String[] {"scan", "--help"},
              new String[] {"ci", "--help"},
              new String[] {"baseline", "--help"})) {
        Cli.Run r = Cli.run(dir, "", Map.of("COLUMNS", Integer.toString(width)), cmd);
        assertEquals(0, r.code(), r.all());
        List<String> description = description(r.out());
        assertFalse(description.isEmpty(), r.out());
        for (int i = 0; i + 1 < description.size(); i++) {
          String line = description.get(i);
          String next = description.get(i + 1);
          assertTrue(line.length() <= width, width + ": too long: " + line);
          if (!line.isBlank() && !next.isBlank() && !next.startsWith(" ")) {
            String word = next.split(" ", 2)[0];
            // picocli keeps the last column free: a line holds at most width - 1 characters.
            assertTrue(
                line.length() + 1 + word.length() > width - 1,
                String.join(" ", cmd)
                    + " at "
                    + width
                    + " columns breaks a sentence early:\n"
                    + line
                    + "\n"
                    + next);
          }
        }
      }
    }
  }

  /** The description: from the line after the synopsis to the first option or section line. */
  private static List<String> description(String help) {
    List<String> out = new ArrayList<>();
    boolean started = false;
    for (String line : help.split("\n", -1)) {
      if (!started) {
        started = !line.startsWith("Usage:") && !line.startsWith(" ");
      }
      if (started) {
        if (line.startsWith("  -") || line.startsWith("      ") || line.endsWith(":")) {
          break;
        }
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void stdinBesideARepositoryWithABaselineReadsNoConfigurationBelow() throws Exception {
    Path repo = dir.resolve("project");
    try (JGitRepo r = JGitRepo.init(repo)) {
      r.write(".sealant.yaml", "baseline: .sealant-baseline.json\n");
      r.write(
          ".sealant-baseline.json",
          "{\n  \"tool\": \"sealant\",\n  \"version\": 1,\n  \"findings\": []\n}\n");
      r.commit("config");
    }
    Cli.Run outside = Cli.run(dir, "token = \"" + TOKEN + "\"\n", Map.of(), "scan", "-");
    assertEquals(ExitCodes.FINDINGS, outside.code(), outside.all());
    Cli.Run inside =
        Cli.run(repo.resolve("."), "token = \"" + TOKEN + "\"\n", Map.of(), "scan", "-");
    assertEquals(ExitCodes.FINDINGS, inside.code(), inside.all());
    Files.createDirectories(repo.resolve("sub"));
    Cli.Run below = Cli.run(repo.resolve("sub"), "x\n", Map.of(), "scan", "-");
    assertEquals(ExitCodes.CLEAN, below.code(), below.all());
  }

  @Test
  void stdinReadsTheCurrentRepositorysRootConfiguration() throws Exception {
    Path repo = dir.resolve("project");
    try (JGitRepo r = JGitRepo.init(repo)) {
      r.write(".sealant.yaml", "disable: [github-pat-classic]\n");
      r.write("sub/keep.txt", "x\n");
      r.commit("config");
    }
    Cli.Run r = Cli.run(repo.resolve("sub"), "token = \"" + TOKEN + "\"\n", Map.of(), "scan", "-");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
  }

  @Test
  void aSingleFileReadsNoConfigurationBesideIt() throws Exception {
    Files.createDirectories(dir.resolve("other"));
    Files.writeString(dir.resolve("other/.sealant.yaml"), "baseline: missing.json\n");
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "a.txt");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
  }

  @Test
  void aMissingPathIsOneClearLineAndNothingAboveIsSearched() {
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "/nonexistent-sealant-path");
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("/nonexistent-sealant-path: no such file or directory"), r.err());
    assertFalse(r.err().contains("/proc"), r.err());
  }
}
