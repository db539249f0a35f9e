package dev.sealant.integrations;

import static dev.sealant.testing.GitCli.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit framework with this repository's {@code .pre-commit-hooks.yaml}: the installed
 * {@code pre-commit} (CI installs Debian's 3.0.4, the oldest the manifest supports) clones a hook
 * repository holding the manifest and the wrapper, and commits go through it.
 */
class PreCommitFrameworkIT {

  @TempDir Path tmp;
  GitCli g;
  Path hookRepo;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/pre-commit")) || onPath("pre-commit"),
        "pre-commit is not installed here (apt-get install -y pre-commit; .ci/run installs it): skipped");
    g = new GitCli(tmp);
    g.env().put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString());
    hookRepo = g.repo("sealant-hooks", true);
    GitCli.write(
        hookRepo,
        ".pre-commit-hooks.yaml",
        Files.readString(Paths.basedir().resolve(".pre-commit-hooks.yaml")));
    GitCli.write(
        hookRepo,
        "scripts/pre-commit-framework",
        Files.readString(Paths.basedir().resolve("scripts/pre-commit-framework")));
    hookRepo.resolve("scripts/pre-commit-framework").toFile().setExecutable(true);
    g.ok(hookRepo, "add", "-A");
    g.ok(hookRepo, "commit", "-q", "-m", "hooks");
    String rev = g.ok(hookRepo, "rev-parse", "HEAD").strip();
    repo = g.repo("work", false);
    GitCli.write(
        repo,
        ".pre-commit-config.yaml",
        "repos:\n  - repo: "
            + hookRepo
            + "\n    rev: "
            + rev
            + "\n    hooks:\n      - id: sealant\n");
    g.ok(repo, "add", ".pre-commit-config.yaml");
    g.ok(repo, "commit", "-q", "-m", "pre-commit config");
    Result installed = g.run(repo, "", Map.of(), "pre-commit", "install");
    assertEquals(0, installed.code(), installed.all());
  }

  private static boolean onPath(String cmd) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, cmd))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aCommitWithASecretIsBlockedAndACleanOnePasses() throws Exception {
    GitCli.write(repo, "app.env", "token=" + TOKEN + "\n");
    g.ok(repo, "add", "app.env");
    Result blocked = g.git(repo, "commit", "-m", "leak");
    assertNotEquals(0, blocked.code(), blocked.all());
    assertTrue(
        blocked.all().contains("github-pat-classic") && blocked.all().contains("app.env"),
        blocked.all());
    assertFalse(blocked.all().contains(TOKEN), "the secret leaked");
    GitCli.write(repo, "app.env", "token=${FROM_VAULT}\n");
    g.ok(repo, "add", "app.env");
    Result clean = g.git(repo, "commit", "-m", "clean");
    assertEquals(0, clean.code(), clean.all());
  }

  @Test
  void withoutSealantTheCommitIsBlockedWithTheInstallCommand() throws Exception {
    g.env().remove("SEALANT");
    g.env().put("PATH", "/usr/bin:/bin");
    GitCli.write(repo, "app.env", "x=1\n");
    g.ok(repo, "add", "app.env");
    Result r = g.git(repo, "commit", "-m", "no sealant");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(
        r.all().contains("'sealant' command was not found")
            && r.all().contains("install.sh --prefix"),
        r.all());
  }
}
