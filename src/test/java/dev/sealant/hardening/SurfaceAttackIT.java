package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs of the second hostile round that reached git: a token pasted as a symbolic link's target
 * is committed text (the link's blob) and must not pass the hooks, {@code ci} or a history scan.
 */
class SurfaceAttackIT {

  /** Synthetic, made for this test: 30 random base62 characters and their CRC32 check. */
  static final String TOKEN = "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";

  @TempDir Path tmp;

  @Test
  void symlinkWhoseTargetIsATokenIsBlockedByEveryGate() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("work", false);
    g.ok(repo, "tag", "base");
    assertEquals(0, g.sealant(repo, "install", "--pre-commit").code());
    Files.createSymbolicLink(repo.resolve("link"), Path.of(TOKEN));
    g.ok(repo, "add", "link");

    Cli.Run staged = Cli.run(repo, "scan", "--staged");
    assertEquals(1, staged.code(), staged.all());
    assertTrue(staged.out().contains("link:1:1"), staged.out());
    assertFalse(staged.all().contains(TOKEN.substring(4)), staged.all());

    GitCli.Result commit = g.git(repo, "commit", "-q", "-m", "link");
    assertNotEquals(0, commit.code(), commit.all());
    assertTrue(commit.err().contains("COMMIT BLOCKED"), commit.all());

    g.ok(repo, "commit", "-q", "--no-verify", "-m", "link");
    assertEquals(1, Cli.run(repo, "scan").code());
    assertEquals(1, Cli.run(repo, "ci", "--base", "base").code());

    Path target = tmp.resolve("target.git");
    g.ok(tmp, "init", "-q", "--bare", target.toString());
    assertEquals(0, g.sealant(target, "install").code());
    GitCli.Result push = g.git(repo, "push", target.toString(), "main");
    assertNotEquals(0, push.code(), push.all());
    assertTrue(push.err().contains("PUSH REJECTED"), push.err());
    assertFalse(push.all().contains(TOKEN.substring(4)), push.all());
  }
}
