package dev.sealant.release;

import static dev.sealant.testing.GitCli.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/sealant-VERSION.tar.gz} installs as a user would install it: unpacked in a
 * temporary directory, {@code install.sh --prefix} with no Maven on PATH, then the installed {@code
 * sealant} runs, scans, and installs hooks that work with its bin directory off PATH.
 */
class ReleaseTarballIT {

  @TempDir Path tmp;

  @Test
  void theTarballInstallsWithOnlyAJdkAndItsHooksRunOffPath() throws Exception {
    GitCli g = new GitCli(tmp);
    g.env().remove("SEALANT");
    Path noMaven = Shell.pathWithout(tmp.resolve("path"), Set.of("mvn", "mvnDebug", "mvnyjp"));
    try {
      installAndRun(g, noMaven);
    } finally {
      Shell.removeLinks(noMaven);
    }
  }

  private void installAndRun(GitCli g, Path noMaven) throws Exception {
    g.env().put("PATH", noMaven.toString());
    g.env().remove("JAVA_HOME");
    assertNotEquals(
        0,
        g.run(tmp, "", Map.of(), "sh", "-c", "command -v mvn").code(),
        "mvn is on the test PATH");

    Path unpacked = Files.createDirectories(tmp.resolve("download"));
    assertEquals(
        0, g.run(unpacked, "", Map.of(), "tar", "-xzf", Shell.tarball().toString()).code());
    Path dist = unpacked.resolve("sealant-" + Shell.version());
    for (String f :
        new String[] {
          "sealant.jar",
          "install.sh",
          "hooks/pre-commit",
          "hooks/pre-push",
          "hooks/pre-receive",
          "hooks/pre-applypatch",
          "CHANGELOG.md",
          "LICENSE",
          "README.md"
        }) {
      assertTrue(Files.exists(dist.resolve(f)), "the tarball lacks " + f);
    }
    // A prefix with a space and a quote; git variables exported as vcsh or a hook would (the
    // training must not touch that repository); a collector chosen through JAVA_TOOL_OPTIONS.
    Path prefix = tmp.resolve("opt/sea lant's");
    Path victim = g.repo("victim", false);
    String victimHead = g.ok(victim, "rev-parse", "HEAD").strip();
    Result installed =
        g.run(
            tmp,
            "",
            Map.of(
                "GIT_DIR", victim.resolve(".git").toString(),
                "GIT_INDEX_FILE", victim.resolve(".git/index").toString()),
            dist.resolve("install.sh").toString(),
            "--prefix",
            prefix.toString());
    assertEquals(0, installed.code(), installed.all());
    assertEquals(victimHead, g.ok(victim, "rev-parse", "HEAD").strip(), "install.sh committed");
    assertEquals("", g.ok(victim, "status", "--porcelain"), "install.sh changed the index");
    g.env().put("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC");
    assertFalse(installed.all().contains("Building Sealant with Maven"), installed.all());
    Path sealant = prefix.resolve("bin/sealant");

    Result version = g.run(tmp, "", Map.of(), sealant.toString(), "version");
    assertEquals("sealant " + Shell.version(), version.out().strip(), version.all());

    Path sample = Files.createDirectories(tmp.resolve("sample"));
    Files.writeString(sample.resolve("app.py"), "token = \"" + TOKEN + "\"\n");
    Result scan =
        g.run(tmp, "", Map.of(), sealant.toString(), "scan", "--no-git", sample.toString());
    assertEquals(1, scan.code(), scan.all());
    assertFalse(scan.all().contains(TOKEN), "the report leaked the secret");

    // Finding 4 with the real launcher: the hook names it, so a PATH without it still scans.
    Path repo = g.repo("work", false);
    Result hooks = g.run(repo, "", Map.of(), sealant.toString(), "install");
    assertEquals(0, hooks.code(), hooks.all());
    GitCli.write(repo, "app.env", "token=" + TOKEN + "\n");
    g.ok(repo, "add", "app.env");
    Result blocked = g.git(repo, "commit", "-q", "-m", "leak");
    assertNotEquals(0, blocked.code(), blocked.all());
    assertTrue(blocked.err().contains("COMMIT BLOCKED"), blocked.err());
  }

  @Test
  void theChangelogHasTheReleasedVersion() throws Exception {
    String changelog = Files.readString(Paths.basedir().resolve("CHANGELOG.md"));
    assertTrue(
        changelog.contains("\n## " + Shell.version() + "\n"),
        "CHANGELOG.md has no section for the pom's version " + Shell.version());
  }
}
