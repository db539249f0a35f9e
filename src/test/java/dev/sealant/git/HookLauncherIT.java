package dev.sealant.git;

import static dev.sealant.testing.GitCli.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import dev.sealant.testing.GitCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks run the launcher that installed them, by absolute path: git GUIs and IDEs run hooks without
 * the user's PATH. The launcher here is install.sh's in miniature: it exports its own path as
 * {@code SEALANT_LAUNCHER} and runs this build's classes.
 */
class HookLauncherIT {

  @TempDir Path tmp;
  GitCli g;
  Path repo;
  Path prefix;

  @BeforeEach
  void setUp() throws Exception {
    g = new GitCli(tmp);
    repo = g.repo("work", false);
    prefix = tmp.resolve("opt/sealant");
    Path bin = Files.createDirectories(prefix.resolve("bin"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        bin.resolve("sealant"),
        "#!/bin/sh\nSEALANT_LAUNCHER='"
            + bin.resolve("sealant")
            + "'\nexport SEALANT_LAUNCHER\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
            + System.getProperty("java.class.path")
            + "' dev.sealant.cli.Main \"$@\"\n");
    bin.resolve("sealant").toFile().setExecutable(true);
    // Neither $SEALANT nor the prefix on PATH: only what the hook recorded can find Sealant.
    g.env().remove("SEALANT");
    g.env().put("PATH", "/usr/bin:/bin");
  }

  @Test
  void aHookFindsTheLauncherOffPathAndExplainsAMovedInstall() throws Exception {
    Result installed =
        g.run(repo, "", Map.of(), prefix.resolve("bin/sealant").toString(), "install");
    assertEquals(0, installed.code(), installed.all());
    assertTrue(
        installed.out().contains("the hooks run " + prefix.resolve("bin/sealant")),
        installed.out());
    GitCli.write(repo, "app.env", "token=" + TOKEN + "\n");
    g.ok(repo, "add", "app.env");
    Result blocked = g.git(repo, "commit", "-q", "-m", "leak");
    assertNotEquals(0, blocked.code(), blocked.all());
    assertTrue(blocked.err().contains("COMMIT BLOCKED"), blocked.err());
    GitCli.write(repo, "app.env", "token=${FROM_VAULT}\n");
    g.ok(repo, "add", "app.env");
    g.ok(repo, "commit", "-q", "-m", "clean");

    Files.move(prefix, tmp.resolve("opt/moved"));
    GitCli.write(repo, "more.txt", "more\n");
    g.ok(repo, "add", "more.txt");
    Result moved = g.git(repo, "commit", "-q", "-m", "after the move");
    assertNotEquals(0, moved.code(), moved.all());
    assertTrue(
        moved.err().contains(prefix.resolve("bin/sealant") + ", which is gone")
            && moved.err().contains("Run 'sealant install' again"),
        moved.err());
  }
}
