package dev.sealant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  static final String TOKEN = "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";

  @TempDir Path dir;

  @Test
  void cleanTreeExitsZero() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "nothing to see\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains("No secrets found"), r.out());
  }

  @Test
  void findingExitsOneAndIsRedacted() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", ".");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("a.txt:1:7"), r.out());
    assertTrue(r.out().contains("ghp_***"), r.out());
    assertFalse(r.all().contains(TOKEN), "secret leaked");
  }

  @Test
  void showSecretsPrintsTheValue() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "--show-secrets", ".");
    assertTrue(r.out().contains(TOKEN), r.out());
  }

  @Test
  void stdinIsScanned() {
    Cli.Run r = Cli.run(dir, "x=" + TOKEN + "\n", Map.of(), "scan", "-");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("stdin:1:3"), r.out());
  }

  @Test
  void jsonHasTheDocumentedFields() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "--format", "json", ".");
    for (String field :
        new String[] {
          "\"ruleId\"",
          "\"path\": \"a.txt\"",
          "\"line\": 1",
          "\"column\": 7",
          "\"commit\": null",
          "\"fingerprint\"",
          "\"secret\": \"ghp_***\""
        }) {
      assertTrue(r.out().contains(field), field + " in " + r.out());
    }
  }

  @Test
  void unknownOptionIsUsageError() {
    Cli.Run r = Cli.run(dir, "scan", "--bogus");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("Unknown option") && r.err().contains("--help"), r.err());
  }

  @Test
  void missingPatternsDirIsUsageError() {
    Cli.Run r = Cli.run(dir, "rules", "list", "--patterns", "nope");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("nope"), r.err());
  }

  @Test
  void brokenCatalogIsUsageErrorNamingFileAndLine() throws Exception {
    Path p = Files.createDirectory(dir.resolve("pats"));
    Files.writeString(p.resolve("x.yaml"), "rules:\n  - id: Bad_Id\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "--patterns", "pats", ".");
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(r.err().contains("x.yaml:2") && r.err().contains("Bad_Id"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void missingScanPathIsIoError() {
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "does-not-exist");
    assertEquals(ExitCodes.ERROR, r.code(), r.all());
  }

  @Test
  void rulesTestPassesOnTheShippedCatalog() {
    Cli.Run r = Cli.run(dir, "rules", "test");
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains(" passed, 0 failed"), r.out());
  }

  @Test
  void rulesTestFailsOnABadExample() throws Exception {
    Path p = Files.createDirectory(dir.resolve("pats"));
    Files.writeString(
        p.resolve("x.yaml"),
        """
        rules:
          - id: demo-token
            description: Demo
            keywords: [demo_]
            regex: '(demo_[a-z]{4})'
            examples:
              match:
                - text: 'demo_abcd'
                  secret: demo_abce
              noMatch:
                - 'nothing'
        """);
    Cli.Run r = Cli.run(dir, "rules", "test", "--patterns", "pats");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("FAIL rule 'demo-token' match example at line 8"), r.out());
    assertTrue(r.out().contains("expected secret 'demo_abce' but found 'demo_abcd'"), r.out());
  }

  @Test
  void outputFileIsPrivate() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "token=" + TOKEN + "\n");
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "-f", "json", "-o", "report.json", "a.txt");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("report.json"))));
    assertEquals("", r.out());
  }

  @Test
  void unwritableOutputIsUsageErrorBeforeScanning() {
    Cli.Run r = Cli.run(dir, "scan", "--no-git", "-o", "no/such/dir/out.json", ".");
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
  }
}
