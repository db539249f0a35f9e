package dev.sealant.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.detect.Fingerprints;
import dev.sealant.error.ExitCodes;
import dev.sealant.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline with the real git binary: byte-stable re-creation and a clean merge of two branches.
 */
class BaselineIT {

  static final String A = GitCli.TOKEN;
  static final String B = "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";
  static final String C = "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";

  @TempDir Path tmp;

  @Test
  void baselineIsByteStableAndOnlyNewFindingsBlock() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("r", false);
    GitCli.write(repo, "app/a.py", "t = '" + A + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "leak");
    GitCli.Result made = g.sealant(repo, "baseline");
    assertEquals(ExitCodes.CLEAN, made.code(), made.all());
    String first = Files.readString(repo.resolve(".sealant-baseline.json"));
    assertTrue(
        first.contains(Fingerprints.of("github-pat-classic", A)) && !first.contains(A), first);
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "baseline").code());
    assertEquals(
        first, Files.readString(repo.resolve(".sealant-baseline.json")), "not byte-stable");
    GitCli.write(repo, ".sealant.yaml", "baseline: .sealant-baseline.json\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "adopt sealant");
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "baseline").code());
    assertEquals(
        first,
        Files.readString(repo.resolve(".sealant-baseline.json")),
        "re-creation dropped entries");
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "scan").code());
    GitCli.write(repo, "app/b.py", "t = '" + B + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "new leak");
    GitCli.Result r = g.sealant(repo, "scan");
    assertEquals(ExitCodes.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("app/b.py") && !r.out().contains("app/a.py:"), r.out());
  }

  @Test
  void twoBranchesAddingEntriesMergeCleanlyWithTheDriver() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("r", false);
    g.ok(
        repo,
        "config",
        "merge.sealant-baseline.driver",
        g.env().get("SEALANT") + " baseline merge %O %A %B");
    GitCli.write(repo, ".gitattributes", ".sealant-baseline.json merge=sealant-baseline\n");
    GitCli.write(repo, "a.py", "t = '" + A + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "base");
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "baseline", "--no-git", ".").code());
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "baseline");
    g.ok(repo, "checkout", "-q", "-b", "one");
    GitCli.write(repo, "b.py", "t = '" + B + "'\n");
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "baseline", "--no-git", ".").code());
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "one");
    g.ok(repo, "checkout", "-q", "main");
    g.ok(repo, "checkout", "-q", "-b", "two");
    GitCli.write(repo, "c.py", "t = '" + C + "'\n");
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "baseline", "--no-git", ".").code());
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "two");
    GitCli.Result merge = g.git(repo, "merge", "--no-edit", "one");
    assertEquals(0, merge.code(), merge.all());
    String merged = Files.readString(repo.resolve(".sealant-baseline.json"));
    assertFalse(merged.contains("<<<<<<<"), merged);
    for (String path : new String[] {"a.py", "b.py", "c.py"}) {
      assertTrue(merged.contains("\"path\": \"" + path + "\""), merged);
    }
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "baseline", "--no-git", ".").code());
    assertEquals(
        merged,
        Files.readString(repo.resolve(".sealant-baseline.json")),
        "merge result not canonical");
  }
}
