package dev.sealant.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.detect.Fingerprints;
import dev.sealant.error.ExitCodes;
import dev.sealant.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppression end to end through the CLI, on files (git-free). */
class SuppressionTest {

  static final String TOKEN = "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";
  static final String OTHER = "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";
  static final String FP = Fingerprints.of("github-pat-classic", TOKEN);

  @TempDir Path dir;

  Cli.Run scan(String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "scan";
    args[1] = "--no-git";
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[args.length - 1] = ".";
    return Cli.run(dir, args);
  }

  void write(String rel, String text) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void ignoredFindingStaysSuppressedWhenItsLineMoves() throws Exception {
    write(".sealantignore", FP + " -- test fixture\n");
    write("app/a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.CLEAN, scan().code());
    write("app/a.py", "import os\n\n\n# moved\nt = '" + TOKEN + "'\n");
    Cli.Run r = scan();
    assertEquals(ExitCodes.CLEAN, r.code(), r.all());
    assertTrue(r.out().contains("1 suppressed"), r.out());
  }

  @Test
  void ignoredFindingStaysSuppressedWhenTheFileIsRenamed() throws Exception {
    write(".sealantignore", FP + " -- test fixture\n");
    write("renamed/b.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.CLEAN, scan().code());
  }

  @Test
  void changedSecretOnTheSameLineIsReported() throws Exception {
    write(".sealantignore", FP + " -- test fixture\n");
    write("a.py", "t = '" + OTHER + "'\n");
    assertEquals(ExitCodes.FINDINGS, scan().code());
  }

  @Test
  void pathScopedEntryOnlyAppliesToMatchingPaths() throws Exception {
    write(".sealantignore", FP + " tests/** -- test fixture\n");
    write("tests/a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.CLEAN, scan().code());
    write("src/a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.FINDINGS, scan().code());
  }

  @Test
  void expiredEntryStopsSuppressingAndIsReported() throws Exception {
    write(".sealantignore", FP + " -- rotated soon # expires 2020-01-01\n");
    write("a.py", "t = '" + TOKEN + "'\n");
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code());
    assertTrue(
        r.err().contains(".sealantignore:1") && r.err().contains("expired on 2020-01-01"), r.err());
  }

  @Test
  void unusedEntryIsListedAndCanFailTheScan() throws Exception {
    write(".sealantignore", "# header\n" + FP + " -- gone\n");
    write("a.py", "clean\n");
    Cli.Run r = scan("--report-unused-ignores");
    assertEquals(ExitCodes.CLEAN, r.code());
    assertTrue(
        r.err().contains(".sealantignore:2") && r.err().contains("unused ignore entry"), r.err());
    assertEquals(ExitCodes.FINDINGS, scan("--fail-on-unused-ignores").code());
  }

  @Test
  void ignoreEntryWithoutReasonIsAConfigError() throws Exception {
    write(".sealantignore", FP + "\n");
    Cli.Run r = scan();
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains(".sealantignore:1") && r.err().contains("reason"), r.err());
  }

  @Test
  void ignoreCommandAppendsAValidEntry() throws Exception {
    write("a.py", "t = '" + TOKEN + "'\n");
    Cli.Run add = Cli.run(dir, "ignore", FP, "--reason", "fixture", "--expires", "2099-01-01");
    assertEquals(ExitCodes.CLEAN, add.code(), add.all());
    assertEquals(ExitCodes.CLEAN, scan().code());
    assertFalse(Files.readString(dir.resolve(".sealantignore")).contains(TOKEN));
    assertEquals(ExitCodes.USAGE, Cli.run(dir, "ignore", "nothex", "--reason", "x").code());
    assertEquals(ExitCodes.USAGE, Cli.run(dir, "ignore", FP).code());
  }

  @Test
  void typoInConfigIsExitTwoWithFileAndLine() throws Exception {
    write(".sealant.yaml", "allow:\n  path:\n    - 'tests/**'\n");
    Cli.Run r = scan();
    assertEquals(ExitCodes.USAGE, r.code(), r.all());
    assertTrue(
        r.err().contains(".sealant.yaml:2") && r.err().contains("unknown key 'path'"), r.err());
  }

  @Test
  void configAllowPathsDisableAndExtraRules() throws Exception {
    write(
        ".sealant.yaml",
        """
        allow:
          paths: ['fixtures/**']
        rules:
          - id: acme-key
            description: ACME internal key
            keywords: [acme_]
            regex: '\\b(acme_[a-z0-9]{12})\\b'
            tags: [custom]
            examples:
              match: [{text: 'k = acme_0123456789ab', secret: acme_0123456789ab}] # sealant:allow
              noMatch: ['acme_short']
        """);
    write("fixtures/a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.CLEAN, scan().code());
    write("src/k.py", "k = acme_0123456789ab\n");
    Cli.Run r = scan();
    assertEquals(ExitCodes.FINDINGS, r.code());
    assertTrue(r.out().contains("acme-key"), r.out());
    write(".sealant.yaml", "disable: [github-pat-classic]\n");
    write("src/k.py", "t = '" + TOKEN + "'\n");
    Cli.Run disabled = scan();
    assertEquals(ExitCodes.CLEAN, disabled.code(), disabled.all());
    write(".sealant.yaml", "disable: [no-such-rule]\n");
    assertEquals(ExitCodes.USAGE, scan().code());
  }

  @Test
  void extendFalseWithNoRulesOfItsOwnIsAnError() throws Exception {
    // Starting from an empty catalog and adding nothing would report every file clean.
    write(".sealant.yaml", "extend: false\n");
    write("a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.USAGE, scan().code());
    write(".sealant.yaml", "extend: default\n");
    assertEquals(ExitCodes.FINDINGS, scan().code());
  }

  @Test
  void subdirectoryConfigAddsForItsFilesOnly() throws Exception {
    write("services/api/.sealant.yaml", "allow:\n  paths: ['testdata/**']\n");
    write("services/api/testdata/a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.CLEAN, scan().code());
    write("testdata/a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.FINDINGS, scan().code());
  }

  @Test
  void subdirectoryConfigCannotReplaceTheRoot() throws Exception {
    write("services/api/.sealant.yaml", "extend: false\n");
    Cli.Run r = scan();
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(
        r.err().contains("services/api/.sealant.yaml:1")
            && r.err().contains("only allowed in the root"),
        r.err());
  }

  @Test
  void explicitConfigAndEnvironmentVariable() throws Exception {
    write("cfg/strict.yaml", "disable: [github-pat-classic]\n");
    write("a.py", "t = '" + TOKEN + "'\n");
    assertEquals(ExitCodes.CLEAN, scan("--config", "cfg/strict.yaml").code());
    assertEquals(
        ExitCodes.CLEAN,
        Cli.run(dir, "", Map.of("SEALANT_CONFIG", "cfg/strict.yaml"), "scan", "--no-git", ".")
            .code());
    assertEquals(ExitCodes.USAGE, scan("--config", "cfg/missing.yaml").code());
  }

  @Test
  void suppressedFindingsKeepTheirReasonInReports() throws Exception {
    write(
        "a.py", "t = '" + TOKEN + "' # sealant:allow github-pat-classic -- fake token for docs\n");
    Cli.Run r = scan("--include-suppressed", "-f", "json");
    assertEquals(ExitCodes.CLEAN, r.code());
    assertTrue(r.out().contains("\"reason\": \"fake token for docs\""), r.out());
  }

  @Test
  void rulesTestChecksTheConfigurationsOwnRules() throws Exception {
    write(
        ".sealant.yaml",
        """
        rules:
          - id: acme-key
            description: ACME internal key
            keywords: [acme_]
            regex: '\\b(acme_[a-z0-9]{12})\\b'
            tags: [custom]
            examples:
              match: [{text: 'k = acme_0123456789ab', secret: acme_0123456789aX}] # sealant:allow
              noMatch: ['acme_short']
        """);
    Cli.Run r = Cli.run(dir, "rules", "test", "--rule", "acme-key");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("FAIL rule 'acme-key'"), r.out());
  }

  @Test
  void rulesTestReadsTheConfigurationAScanReads() throws Exception {
    // .sealant.yml is read as a scan reads it; with both names present, neither is guessed.
    write(".sealant.yml", "rulez: []\n");
    Cli.Run yml = Cli.run(dir, "rules", "test");
    assertEquals(ExitCodes.USAGE, yml.code(), yml.all());
    assertTrue(yml.err().contains("unknown key 'rulez'"), yml.err());
    write(".sealant.yaml", "rules: []\n");
    Cli.Run both = Cli.run(dir, "rules", "test");
    assertEquals(ExitCodes.USAGE, both.code(), both.all());
    assertTrue(both.err().contains("keep one"), both.err());
  }

  @Test
  void rulesTestWithAMissingOrBrokenConfigIsExitTwo() throws Exception {
    Cli.Run missing = Cli.run(dir, "rules", "test", "--config", "nope.yaml");
    assertEquals(ExitCodes.USAGE, missing.code(), missing.all());
    assertTrue(
        missing.err().contains("nope.yaml") && missing.err().contains("not found"), missing.err());
    write(".sealant.yaml", "rulez: []\n");
    Cli.Run typo = Cli.run(dir, "rules", "test");
    assertEquals(ExitCodes.USAGE, typo.code(), typo.all());
    assertTrue(
        typo.err().contains(".sealant.yaml:1") && typo.err().contains("unknown key 'rulez'"),
        typo.err());
  }
}
