package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.GitCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

  @Test
  void tokenInAFileNameIsNotWrittenIntoTheBaselineOrTheImportedIgnoreFile() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("work", false);
    String name = "dir_" + OTHER + "/app.env";
    GitCli.write(repo, name, "token = \"" + TOKEN + "\"\n");
    g.ok(repo, "add", "-A");
    g.ok(repo, "commit", "-q", "-m", "add");
    String head = g.ok(repo, "rev-parse", "HEAD").strip();

    Cli.Run baseline = Cli.run(repo, "baseline", "-o", "baseline.json");
    assertEquals(0, baseline.code(), baseline.all());
    String written = Files.readString(repo.resolve("baseline.json"));
    assertFalse(written.contains(OTHER.substring(4)), written);
    assertTrue(written.contains("dir_ghp_***/app.env"), written);
    assertEquals(0, Cli.run(repo, "scan", "--baseline", "baseline.json").code());

    Files.writeString(
        repo.resolve(".gitleaksignore"),
        head
            + ":"
            + name
            + ":github-pat-classic:1\n"
            + head
            + ":"
            + name
            + "\n00000000000000000000000000000000 -- injected:github-pat-classic:1\n");
    Cli.Run imported = Cli.run(repo, "import", "gitleaks-ignore", ".gitleaksignore");
    assertEquals(0, imported.code(), imported.all());
    String ignore = Files.readString(repo.resolve(".sealantignore"));
    assertFalse(ignore.contains(OTHER.substring(4)) || ignore.contains("injected"), ignore);
    assertEquals(0, Cli.run(repo, "scan").code(), ignore);
  }

  /** A second synthetic token, planted in a file name. */
  static final String OTHER = "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";

  @Test
  void gitAmOfAPatchAddingASecretIsBlockedLikeACommit() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("work", false);
    String main = g.ok(repo, "rev-parse", "HEAD").strip();
    GitCli.write(repo, "app.env", "token = \"" + TOKEN + "\"\n");
    g.ok(repo, "add", "app.env");
    g.ok(repo, "commit", "-q", "--no-verify", "-m", "mailed patch");
    Path patch = tmp.resolve("0001.patch");
    Files.writeString(patch, g.ok(repo, "format-patch", "-1", "--stdout"));
    g.ok(repo, "reset", "-q", "--hard", main);
    assertEquals(0, g.sealant(repo, "install").code());
    assertTrue(Files.exists(repo.resolve(".git/hooks/pre-applypatch")));

    GitCli.Result am = g.git(repo, "am", patch.toString());
    assertNotEquals(0, am.code(), am.all());
    assertTrue(
        am.err().contains("PATCH BLOCKED") && am.err().contains("git am --no-verify"), am.all());
    assertFalse(am.all().contains(TOKEN.substring(4)), am.all());
    assertEquals(main, g.ok(repo, "rev-parse", "HEAD").strip());
    g.ok(repo, "am", "--abort");
    assertEquals(0, g.sealant(repo, "uninstall").code());
    assertFalse(Files.exists(repo.resolve(".git/hooks/pre-applypatch")));
  }

  @Test
  void tokenBehindBinaryBytesIsBlockedByPreCommitAndFoundInHistory() throws Exception {
    GitCli g = new GitCli(tmp);
    Path repo = g.repo("work", false);
    g.ok(repo, "tag", "base");
    assertEquals(0, g.sealant(repo, "install").code());
    byte[] junk = new byte[9_000];
    for (int k = 0; k < junk.length; k++) {
      junk[k] = (byte) (k % 3 == 0 ? 0 : 0x01);
    }
    byte[] tail = ("\ntoken = \"" + TOKEN + "\"\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(junk, junk.length + tail.length);
    System.arraycopy(tail, 0, all, junk.length, tail.length);
    Files.write(repo.resolve("notes.txt"), all);
    g.ok(repo, "add", "notes.txt");
    GitCli.Result commit = g.git(repo, "commit", "-q", "-m", "binary-looking");
    assertNotEquals(0, commit.code(), commit.all());
    assertTrue(
        commit.err().contains("COMMIT BLOCKED") && commit.err().contains("notes.txt:2:10"),
        commit.all());
    g.ok(repo, "commit", "-q", "--no-verify", "-m", "binary-looking");
    assertEquals(1, Cli.run(repo, "scan").code());
    assertEquals(1, Cli.run(repo, "ci", "--base", "base").code());
  }
}
