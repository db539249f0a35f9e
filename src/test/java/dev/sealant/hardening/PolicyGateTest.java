package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.JGitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change cannot switch its own gate off: {@code sealant ci} scans with the base's {@code
 * .sealant.yaml}, refuses a change that weakens it (exit 4 when nothing else is found) and names
 * {@code --accept-policy-change}; allows on the change's lines are listed. Zero rules is an error
 * everywhere, and YAML that says one thing twice (duplicate keys) is refused.
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
    assertTrue(
        r.err().contains("drops the default catalog") && r.err().contains("--accept-policy-change"),
        r.err());
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
    change(
        "disable: []\nrules:\n" + ConfigHardeningTest.RULE.substring("rules:\n".length()),
        "nothing\n");
    assertEquals(0, ci().code());
  }

  @Test
  void inlineAllowAddedByTheChangeIsHonouredAndListed() throws Exception {
    repo.write("app.txt", "token = \"" + Planted.PAT + "\" # sealant:allow\n");
    repo.commit("allowed");
    Cli.Run r = ci();
    assertEquals(0, r.code(), r.all());
    assertTrue(
        r.err().contains("allowed by inline, added by this change: github-pat-classic"), r.err());
    assertFalse(r.all().contains(Planted.PAT), r.all());
  }

  @Test
  void preReceiveIgnoresThePushedConfiguration() throws Exception {
    change("extend: false\nrules: []\n", LEAK);
    RevCommit pushed = repo.git().log().setMaxCount(1).call().iterator().next();
    repo.git().reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
    Cli.Run r =
        Cli.run(
            repo.dir(),
            base.name() + " " + pushed.name() + " refs/heads/main\n",
            Map.of(),
            "hook",
            "pre-receive");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.all().contains("github-pat-classic"), r.all());
  }

  @Test
  void zeroRulesIsAnErrorNotNoSecretsFound() throws Exception {
    Files.writeString(repo.dir().resolve(".sealant.yaml"), "extend: false\n");
    for (String[] args :
        new String[][] {
          {"scan", "--no-git", "."}, {"scan"}, {"scan", "--staged"}, {"hook", "pre-commit"}
        }) {
      Cli.Run r = Cli.run(repo.dir(), args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.all());
      assertTrue(r.err().contains("no rules left"), r.err());
      assertFalse(r.all().contains("No secrets found"), r.all());
    }
  }

  @Test
  void duplicateKeyInConfigIsAnErrorWithItsLine() throws Exception {
    Files.writeString(
        repo.dir().resolve(".sealant.yaml"), "extend: default\ndisable: []\nextend: false\n");
    Cli.Run r = Cli.run(repo.dir(), "scan", "--no-git", ".");
    assertEquals(2, r.code(), r.all());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(".sealant.yaml:3") && r.err().contains("duplicate key"), r.err());
  }

  @Test
  void duplicateKeyInCatalogRuleIsAnErrorWithItsLine() throws Exception {
    Path pats = Files.createDirectories(dir.resolve("pats"));
    Files.writeString(
        pats.resolve("x.yaml"),
        ConfigHardeningTest.RULE.replace(
            "    keywords: [demo_]\n", "    keywords: [demo_]\n    keywords: [other]\n"));
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
      assertEquals(
          1, r.err().lines().count(), r.err().substring(0, Math.min(300, r.err().length())));
      assertTrue(r.err().length() < 400, "the error echoes the document");
    }
  }

  // Hostile round 3: the same attack classes by other routes.

  private static final String DEMO_LEAK = "d = demo_qwertyui\n";

  private void commitBase(String path, String text) throws Exception {
    repo.write(path, text);
    base = repo.commit("base policy");
  }

  @Test
  void baseSealantYmlCustomRuleStillAppliesInCi() throws Exception {
    repo.git().rm().addFilepattern(".sealant.yaml").call();
    commitBase(".sealant.yml", ConfigHardeningTest.RULE);
    repo.write("app.txt", DEMO_LEAK);
    repo.commit("change");
    Cli.Run r = ci();
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("demo-token"), r.all());
  }

  @Test
  void renamingTheConfigToYmlWithExtendFalseIsRefused() throws Exception {
    repo.git().rm().addFilepattern(".sealant.yaml").call();
    repo.write(".sealant.yml", "extend: false\n" + ConfigHardeningTest.RULE);
    repo.commit("rename");
    Cli.Run r = ci();
    assertEquals(4, r.code(), r.all());
    assertTrue(r.err().contains("drops the default catalog"), r.err());
  }

  @Test
  void quietPathsAddedByTheChangeAreRefused() throws Exception {
    change("allow:\n  quietPaths: ['**']\n", "password = \"" + Planted.PASSWORD + "\"\n");
    Cli.Run r = ci();
    assertEquals(1, r.code(), r.all());
    assertTrue(r.err().contains("quiet path") && r.err().contains("refused"), r.err());
  }

  @Test
  void ruleMadeToRequireAFailingValidatorOrGenericIsRefused() throws Exception {
    commitBase(".sealant.yaml", ConfigHardeningTest.RULE);
    for (String field : new String[] {"validate: jwt\n    requireValid: true", "tags: [generic]"}) {
      repo.write(
          ".sealant.yaml",
          ConfigHardeningTest.RULE.replace("description: Demo", "description: Demo\n    " + field));
      repo.write("app.txt", DEMO_LEAK);
      repo.commit("loosen " + field);
      Cli.Run r = ci();
      assertEquals(1, r.code(), field + r.all());
      assertTrue(r.err().contains("removes or changes 1 rule(s)"), field + r.err());
    }
  }

  @Test
  void trackedPatternsDirectoryEditedByTheChangeIsReadFromTheBase() throws Exception {
    commitBase("rules/demo.yaml", ConfigHardeningTest.RULE);
    repo.write(
        "rules/demo.yaml", ConfigHardeningTest.RULE.replace("(demo_[a-z]{8})", "(demo_[0-9]{99})"));
    repo.write("app.txt", DEMO_LEAK);
    repo.commit("loosen the catalog");
    Cli.Run r = ci("--patterns", "rules");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.err().contains("rules (--patterns) removes or changes 1 rule(s)"), r.err());
    assertEquals(0, ci("--patterns", "rules", "--accept-policy-change").code());
  }

  @Test
  void trackedConfigFileNamedByOptionOrEnvironmentIsReadFromTheBase() throws Exception {
    commitBase("ci/sealant.yaml", "disable: []\n");
    change("disable: []\n", LEAK);
    repo.write("ci/sealant.yaml", "disable: [github-pat-classic]\n");
    repo.commit("loosen the named config");
    Cli.Run r = ci("--config", "ci/sealant.yaml");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.err().contains("ci/sealant.yaml (--config) disables 1 more rule(s)"), r.err());
    Cli.Run e =
        Cli.run(
            repo.dir(),
            "",
            Map.of("SEALANT_CONFIG", "ci/sealant.yaml"),
            "ci",
            "--base",
            base.name());
    assertEquals(1, e.code(), e.all());
  }
}
