package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealant scans its own checkout clean: the synthetic secrets of rule examples, test fixtures and
 * the CI script are allowlisted by path in the root {@code .sealant.yaml}, and nothing else carries
 * one. (History mode runs in {@code .ci/run}.)
 */
class SelfScanIT {

  @Test
  void checkoutIsCleanUnderItsOwnConfiguration() {
    Cli.Run r = Cli.run(Paths.basedir(), "scan", "--no-git", "--no-progress", ".");
    assertEquals(0, r.code(), r.all());
  }

  @Test
  void withoutTheAllowlistTheFixturesAreFound(@TempDir Path tmp) throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
    Cli.Run r =
        Cli.run(
            Paths.basedir(),
            "scan",
            "--no-git",
            "--no-progress",
            "--config",
            empty.toString(),
            "-f",
            "json",
            ".");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("\"path\": \"patterns/vcs.yaml\""), r.out());
  }
}
