package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.JGitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change cannot switch its own gate off: {@code sealant ci} scans with the base's
 * {@code .sealant.yaml}, refuses a change that weakens it (exit 4 when nothing else is found) and
 * names {@code --accept-policy-change}; allows on the change's lines are listed. Zero rules is an
 * error everywhere, and YAML that says one thing twice (duplicate keys) is refused.
 */
class PolicyGateTest {

  @TempDir Path dir;
  JGitRepo repo;
  RevCommit base;

  @BeforeEach
  void repo() throws Exception {
    repo = JGitRepo.init(dir.resolve("repo"));
    repo.write("README", "hello\n");
    repo.write(".sealant.yaml", "disable: []\n");
    base = repo.commit("base");
  }

  private Cli.Run ci(String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "ci";
    args[1] = "--base";
    args[2] = base.name();
    args[3] = "--head=HEAD";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return Cli.run(repo.dir(), "", Map.of(), args);
  }

  private void change(String config, String file) throws Exception {
    repo.write(".sealant.yaml", config);
    repo.write("app.txt", file);
    repo.commit("change");
  }

  private static final String LEAK = "token = \"" + Planted.PAT + "\"\n";

  @Test
  void extendFalseInTheChangeDoesNotHideItsSecret() throws Exception {
    change("extend: false\nrules: []\n", LEAK);
    Cli.Run r = ci();
    assertEquals(1, r.code(), r.all());
    assertTrue(r.err().contains("drops the default catalog") && r.err().contains("--accept-policy-change"), r.err());
    assertFalse(r.all().contains(Planted.PAT), r.all());
  }

  @Test
  void disablingTheRuleInTheChangeDoesNotHideItsSecret() throws Exception {
    change("disable: [github-pat-classic]\n", LEAK);
    assertEquals(1, ci().code());
  }

  @Test
  void widenedPathAllowlistInTheChangeDoesNotHideItsSecret() throws Exception {
    change("allow:\n  paths: ['**']\n", LEAK);
    Cli.Run r = ci();
    assertEquals(1, r.code(), r.all());
    assertTrue(r.err().contains("path allowlist"), r.err());
  }

  @Test
  void weakeningWithoutASecretIsRefusedWithExit4() throws Exception {
    change("disable: [github-pat-classic]\n", "nothing\n");
    Cli.Run r = ci();
    assertEquals(4, r.code(), r.all());
    assertEquals(1, r.err().lines().filter(l -> l.contains("refused")).count(), r.err());
  }

  @Test
  void acceptPolicyChangeAppliesTheChangesPolicy() throws Exception {
    change("disable: [github-pat-classic]\n", LEAK);
    Cli.Run r = ci("--accept-policy-change");
    assertEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("accepted"), r.err());
  }

  @Test
  void strongerPolicyInTheChangeIsNotRefused() throws Exception {
    change("disable: []\nrules:\n" + ConfigHardeningTest.RULE.substring("rules:\n".length()), "nothing\n");
    assertEquals(0, ci().code());
  }

  @Test
  void inlineAllowAddedByTheChangeIsHonouredAndListed() throws Exception {
    repo.write("app.txt", "token = \"" + Planted.PAT + "\" # sealant:allow\n");
    repo.commit("allowed");
    Cli.Run r = ci();
    assertEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("allowed by inline, added by this change: github-pat-classic"), r.err());
    assertFalse(r.all().contains(Planted.PAT), r.all());
  }

  @Test
  void preReceiveIgnoresThePushedConfiguration() throws Exception {
    change("extend: false\nrules: []\n", LEAK);
    RevCommit pushed = repo.git().log().setMaxCount(1).call().iterator().next();
    repo.git().reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(base.name()).call();
    Cli.Run r = Cli.run(repo.dir(), base.name() + " " + pushed.name() + " refs/heads/main\n", Map.of(),
        "hook", "pre-receive");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.all().contains("github-pat-classic"), r.all());
  }

  @Test
  void zeroRulesIsAnErrorNotNoSecretsFound() throws Exception {
    Files.writeString(repo.dir().resolve(".sealant.yaml"), "extend: false\n");
    for (String[] args : new String[][] {{"scan", "--no-git", "."}, {"scan"}, {"scan", "--staged"},
        {"hook", "pre-commit"}}) {
      Cli.Run r = Cli.run(repo.dir(), args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.all());
      assertTrue(r.err().contains("no rules left"), r.err());
      assertFalse(r.all().contains("No secrets found"), r.all());
    }
  }

  @Test
  void duplicateKeyInConfigIsAnErrorWithItsLine() throws Exception {
    Files.writeString(repo.dir().resolve(".sealant.yaml"), "extend: default\ndisable: []\nextend: false\n");
    Cli.Run r = Cli.run(repo.dir(), "scan", "--no-git", ".");
    assertEquals(2, r.code(), r.all());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(".sealant.yaml:3") && r.err().contains("duplicate key"), r.err());
  }

  @Test
  void duplicateKeyInCatalogRuleIsAnErrorWithItsLine() throws Exception {
    Path pats = Files.createDirectories(dir.resolve("pats"));
    Files.writeString(pats.resolve("x.yaml"), ConfigHardeningTest.RULE.replace("    keywords: [demo_]\n",
        "    keywords: [demo_]\n    keywords: [other]\n"));
    Cli.Run r = Cli.run(repo.dir(), "scan", "--no-git", "--patterns", pats.toString(), ".");
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("x.yaml:5") && r.err().contains("duplicate key"), r.err());
  }

  @Test
  void hostileYamlShapesAreOneLineErrors() throws Exception {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    String deep = "disable: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    String huge = "disable: ['" + "x".repeat(6 * 1024 * 1024) + "']\n";
    String tall = "disable: ['" + ("x".repeat(1000) + "\n  ").repeat(6000) + "']\n";
    for (String yaml : new String[] {bomb.toString(), deep, huge, tall}) {
      Files.writeString(repo.dir().resolve(".sealant.yaml"), yaml);
      Cli.Run r = Cli.run(repo.dir(), "scan", "--no-git", ".");
      assertTrue(r.code() == 2, r.all().substring(0, Math.min(300, r.all().length())));
      assertEquals(1, r.err().lines().count(), r.err().substring(0, Math.min(300, r.err().length())));
      assertTrue(r.err().length() < 400, "the error echoes the document");
    }
  }
}
