package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing unscanned passes as clean: through the real git binary, a staged or pushed file over
 * --max-file-size blocks the hooks and fails {@code sealant ci}, naming the path and the explicit
 * way through; a text file with a stray NUL is scanned like any other.
 */
class UnscannedGateIT {

  static final String TOKEN = GitCli.TOKEN;

  @TempDir Path tmp;

  /** 21 MB of text with a token at its end: over the default --max-file-size of 20 MiB. */
  private static void writeHuge(Path file) throws IOException {
    StringBuilder b = new StringBuilder(22_000_000);
    String line = "lorem ipsum dolor sit amet, consectetur adipiscing elit\n";
    while (b.length() < 21_000_000) {
      b.append(line);
    }
    b.append("token = \"").append(TOKEN).append("\"\n");
    Files.writeString(file, b.toString(), StandardCharsets.US_ASCII);
  }

  @Test
  void stagedFileOverMaxFileSizeBlocksPreCommitAndCi() throws IOException {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("work", false);
    g.ok(repo, "branch", "base");
    assertEquals(0, g.sealant(repo, "install", "--pre-commit", "--pre-push").code());
    writeHuge(repo.resolve("dump.sql"));
    g.ok(repo, "add", "dump.sql");

    GitCli.Result blocked = g.git(repo, "commit", "-q", "-m", "big");
    assertNotEquals(0, blocked.code(), blocked.all());
    assertTrue(
        blocked
                .err()
                .contains("COMMIT BLOCKED: dump.sql was not scanned (larger than --max-file-size")
            && blocked.err().contains("SEALANT_ALLOW_UNSCANNED=1"),
        blocked.err());
    assertFalse(blocked.all().contains(TOKEN), blocked.all());

    GitCli.Result allowed =
        g.run(repo, "", Map.of("SEALANT_ALLOW_UNSCANNED", "1"), "git", "commit", "-q", "-m", "big");
    assertEquals(0, allowed.code(), allowed.all());
    assertTrue(allowed.err().contains("warning: dump.sql was not scanned"), allowed.err());

    Cli.Run ci = Cli.run(repo, "ci", "--base", "base");
    assertEquals(1, ci.code(), ci.all());
    assertTrue(
        ci.err().contains("dump.sql in commit ")
            && ci.err().contains("was not scanned")
            && ci.err().contains("--allow-unscanned"),
        ci.err());
    assertEquals(0, Cli.run(repo, "ci", "--base", "base", "--allow-unscanned").code());

    Path target = tmp.resolve("target.git");
    g.ok(tmp, "init", "-q", "--bare", target.toString());
    GitCli.Result push = g.git(repo, "push", target.toString(), "main");
    assertNotEquals(0, push.code(), push.all());
    assertTrue(push.err().contains("PUSH BLOCKED: dump.sql"), push.err());
    assertEquals(0, g.sealant(target, "install").code());
    GitCli.Result receive = g.git(repo, "push", "--no-verify", target.toString(), "main");
    assertNotEquals(0, receive.code(), receive.all());
    assertTrue(receive.err().contains("PUSH REJECTED: dump.sql"), receive.err());
  }

  @Test
  void stagedTextWithOneNulByteIsScannedAndBlocked() throws IOException {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("work", false);
    assertEquals(0, g.sealant(repo, "install", "--pre-commit").code());
    Files.write(
        repo.resolve("notes.txt"),
        ("notes\n\0\ntoken = \"" + TOKEN + "\"\n").getBytes(StandardCharsets.US_ASCII));
    g.ok(repo, "add", "notes.txt");
    GitCli.Result r = g.git(repo, "commit", "-q", "-m", "nul");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("COMMIT BLOCKED") && r.err().contains("notes.txt:3"), r.err());
    Cli.Run history = Cli.run(repo, "scan", "--staged");
    assertEquals(1, history.code(), history.all());
  }
}
