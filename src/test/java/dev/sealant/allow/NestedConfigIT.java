package dev.sealant.allow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.error.ExitCodes;
import dev.sealant.testing.GitCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subdirectory's tracked .sealant.yaml applies to history scans and hooks, found via the index.
 */
class NestedConfigIT {

  @TempDir Path tmp;

  @Test
  void trackedSubdirectoryConfigAppliesToHistoryAndHook() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("r", false);
    GitCli.write(repo, "services/api/.sealant.yaml", "allow:\n  paths: ['testdata/**']\n");
    GitCli.write(repo, "services/api/testdata/fixture.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "fixture");
    GitCli.Result clean = g.sealant(repo, "scan");
    assertEquals(ExitCodes.CLEAN, clean.code(), clean.all());
    assertEquals(ExitCodes.CLEAN, g.sealant(repo, "install").code());
    GitCli.write(repo, "services/api/testdata/more.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(repo, "add", "-A");
    assertEquals(0, g.git(repo, "commit", "-q", "-m", "more fixtures").code());
    GitCli.write(repo, "testdata/leak.py", "t = '" + GitCli.TOKEN + "'\n");
    g.ok(repo, "add", "-A");
    GitCli.Result blocked = g.git(repo, "commit", "-q", "-m", "leak");
    assertTrue(blocked.code() != 0, blocked.all());
    assertTrue(blocked.err().contains("testdata/leak.py"), blocked.err());
  }
}
