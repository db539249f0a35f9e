package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Command lines that make no sense end with exit 2, one {@code sealant: ...} line and a hint naming
 * {@code --help}, before anything is scanned; stack traces only with {@code --verbose}.
 */
class CliHardeningTest {

  @TempDir Path dir;

  @BeforeEach
  void repo() throws Exception {
    Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().close();
    Files.writeString(dir.resolve("a.txt"), "k=" + Planted.PAT + "\n");
  }

  /** Exit 2, a one-line message, the hint, no stack trace and no report. */
  private static void usageError(Cli.Run r, String... mentions) {
    assertEquals(2, r.code(), r.all());
    List<String> lines = r.err().lines().toList();
    assertEquals(2, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("sealant: "), r.err());
    assertTrue(
        lines.get(1).startsWith("Try 'sealant")
            && lines.get(1).endsWith(" --help' for more information."),
        r.err());
    for (String m : mentions) {
      assertTrue(lines.get(0).contains(m), m + " in " + r.err());
    }
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "scan --staged --range main..main",
        "scan --staged --since main",
        "scan --range a..b --since main",
        "scan --staged a.txt",
        "scan --range main a.txt",
        "scan --no-git --staged",
        "scan --no-git --since main",
        "scan - a.txt",
        "scan a.txt -",
        "baseline --staged --range a..b",
        "scan --threads 0 --no-git .",
        "scan --max-file-size lots --no-git .",
        "scan --range a...b",
        "ci --head HEAD",
        "rules test --rule no-such-rule",
        "import nonsense a.txt",
        "ignore 0123 --reason x",
      })
  void conflictingOrBadValuesAreUsageErrors(String line) {
    usageError(Cli.run(dir, line.split(" ")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "scan --bogus",
        "hook pre-commit --bogus",
        "rules list --bogus",
        "ci --bogus",
        "scan --format xml",
        "nosuchcommand",
        "ignore",
        "baseline merge a b"
      })
  void unknownOptionsAndMissingArgumentsAreUsageErrors(String line) {
    Cli.Run r = Cli.run(dir, line.split(" "));
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("--help"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void outputThatCannotBeWrittenIsAUsageErrorBeforeScanning() throws Exception {
    Files.createDirectory(dir.resolve("out"));
    usageError(
        Cli.run(dir, "scan", "--no-git", "-o", "out", "."), "--output out", "is a directory");
    usageError(Cli.run(dir, "scan", "--no-git", "-o", "a.txt/r.json", "."), "is not a directory");
    usageError(Cli.run(dir, "scan", "--no-git", "-o", "missing/r.json", "."), "does not exist");
    usageError(
        Cli.run(dir, "ci", "--base", "HEAD", "--sarif", "out"), "--sarif out", "is a directory");
    usageError(Cli.run(dir, "baseline", "--no-git", "-o", "missing/b.json", "."), "does not exist");
    assertFalse(Files.exists(dir.resolve("missing")));
  }

  @Test
  void readOnlyOutputIsAUsageErrorForOrdinaryUsers() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
    try {
      Assumptions.assumeFalse(Files.isWritable(ro), "root may write anywhere");
      usageError(Cli.run(dir, "scan", "--no-git", "-o", "ro/r.json", "."), "not writable");
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void stackTraceOnlyWithVerbose() throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern("a.txt").call();
      git.commit().setMessage("one").setSign(false).call();
      String blob = git.getRepository().resolve("HEAD:a.txt").name();
      Files.delete(dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
      Cli.Run quiet = Cli.run(dir, "scan");
      assertEquals(3, quiet.code(), quiet.all());
      assertEquals(1, quiet.err().lines().count(), quiet.err());
      assertTrue(quiet.err().contains(blob) && !quiet.err().contains("\tat "), quiet.err());
      for (String v : List.of("--verbose", "-v")) {
        Cli.Run loud = Cli.run(dir, "", Map.of(), "scan", v, "-f", "json");
        assertEquals(3, loud.code(), loud.all());
        assertTrue(
            loud.err().contains("\tat ") && loud.err().contains("MissingObjectException"),
            loud.err());
      }
      Cli.Run combined = Cli.run(dir, "scan", "-vf", "json");
      assertTrue(combined.err().contains("\tat "), combined.err());
    }
  }
}
