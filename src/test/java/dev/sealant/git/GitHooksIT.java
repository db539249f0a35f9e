package dev.sealant.git;

import static dev.sealant.testing.GitCli.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** End to end with the real git binary: installed hooks run this build of Sealant. */
class GitHooksIT {

  @TempDir Path tmp;
  GitCli g;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    g = new GitCli(tmp);
    repo = g.repo("work", false);
  }

  private void install(Path r, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "install";
    System.arraycopy(args, 0, all, 1, args.length);
    Result res = g.sealant(r, all);
    assertEquals(0, res.code(), res.all());
  }

  @Test
  void commitWithASecretIsRefusedAndTheIndexIsUntouched() throws Exception {
    install(repo);
    GitCli.write(repo, "app.env", "TOKEN=" + TOKEN + "\n");
    g.ok(repo, "add", "app.env");
    String before = g.ok(repo, "diff", "--cached");
    Result r = g.git(repo, "commit", "-m", "add config");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("github-pat-classic") && r.err().contains("app.env:1:7"), r.err());
    assertTrue(r.err().contains("--no-verify") && r.err().contains("sealant:allow"), r.err());
    assertFalse(r.all().contains(TOKEN), "secret leaked");
    assertEquals(before, g.ok(repo, "diff", "--cached"));
    assertEquals("initial", g.ok(repo, "log", "-1", "--format=%s").trim());
  }

  @Test
  void cleanCommitPassesAndNoVerifyBypasses() throws Exception {
    install(repo);
    GitCli.write(repo, "a.txt", "fine\n");
    g.ok(repo, "add", "a.txt");
    g.ok(repo, "commit", "-q", "-m", "clean");
    GitCli.write(repo, "b.txt", "k=" + TOKEN + "\n");
    g.ok(repo, "add", "b.txt");
    g.ok(repo, "commit", "-q", "--no-verify", "-m", "bypassed");
  }

  @Test
  void inlineAllowLetsTheCommitThrough() throws Exception {
    install(repo);
    GitCli.write(
        repo, "t.txt", "k=" + TOKEN + " # sealant:allow github-pat-classic test fixture\n");
    g.ok(repo, "add", "t.txt");
    g.ok(repo, "commit", "-q", "-m", "allowed");
  }

  @Test
  void firstCommitOfAnEmptyRepositoryIsScanned() throws Exception {
    Path empty = g.repo("empty", true);
    install(empty);
    GitCli.write(empty, "k.txt", "k=" + TOKEN + "\n");
    g.ok(empty, "add", "k.txt");
    assertNotEquals(0, g.git(empty, "commit", "-m", "first").code());
  }

  @Test
  void partiallyStagedFileIsScannedAsStaged() throws Exception {
    install(repo);
    GitCli.write(repo, "README.md", "hello\nk=" + TOKEN + "\n");
    g.ok(repo, "add", "README.md");
    GitCli.write(repo, "README.md", "hello\n");
    Result r = g.git(repo, "commit", "-m", "staged secret, clean working tree");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("README.md:2:"), r.err());
  }

  @Test
  void commitWithPathsUsesGitsTemporaryIndex() throws Exception {
    install(repo);
    GitCli.write(repo, "README.md", "hello\nk=" + TOKEN + "\n");
    g.ok(repo, "add", "README.md");
    Result r = g.git(repo, "commit", "-a", "-m", "commit -a");
    assertNotEquals(0, r.code(), r.all());
  }

  @Test
  void preReceiveRejectsThePushAndLeavesRefsUnchanged() throws Exception {
    Path bare = tmp.resolve("server.git");
    g.ok(tmp, "init", "-q", "--bare", bare.toString());
    install(bare);
    assertTrue(Files.exists(bare.resolve("hooks/pre-receive")));
    g.ok(repo, "remote", "add", "origin", bare.toString());
    g.ok(repo, "push", "-q", "origin", "main");
    String refsBefore = g.ok(bare, "show-ref");
    GitCli.write(repo, "leak.txt", "k=" + TOKEN + "\n");
    g.ok(repo, "add", "leak.txt");
    g.ok(repo, "commit", "-q", "-m", "leak");
    Result r = g.git(repo, "push", "origin", "main");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(
        r.err().contains("github-pat-classic") && r.err().contains("PUSH REJECTED"), r.err());
    assertEquals(refsBefore, g.ok(bare, "show-ref"));
  }

  @Test
  void prePushOfANewBranchScansOnlyItsCommits() throws Exception {
    Path bare = tmp.resolve("remote.git");
    g.ok(tmp, "init", "-q", "--bare", bare.toString());
    GitCli.write(repo, "old.txt", "k=" + TOKEN + "\n");
    g.ok(repo, "add", "old.txt");
    g.ok(repo, "commit", "-q", "-m", "an old secret, already on the remote");
    g.ok(repo, "remote", "add", "origin", bare.toString());
    g.ok(repo, "push", "-q", "origin", "main");
    install(repo, "--pre-push");
    g.ok(repo, "checkout", "-q", "-b", "feature");
    GitCli.write(repo, "new.txt", "clean\n");
    g.ok(repo, "add", "new.txt");
    g.ok(repo, "commit", "-q", "-m", "clean work");
    Result clean = g.git(repo, "push", "origin", "feature");
    assertEquals(0, clean.code(), clean.all());
    g.ok(repo, "checkout", "-q", "-b", "feature2");
    GitCli.write(repo, "new2.txt", "k2=" + TOKEN + "\n");
    g.ok(repo, "add", "new2.txt");
    g.ok(repo, "commit", "-q", "-m", "leaky work");
    Result leaky = g.git(repo, "push", "origin", "feature2");
    assertNotEquals(0, leaky.code(), leaky.all());
    assertTrue(leaky.err().contains("new2.txt") && !leaky.err().contains("old.txt"), leaky.err());
  }

  @Test
  void shallowCloneWarns() throws Exception {
    for (int i = 0; i < 3; i++) {
      GitCli.write(repo, "f.txt", "v" + i + "\n");
      g.ok(repo, "add", "f.txt");
      g.ok(repo, "commit", "-q", "-m", "c" + i);
    }
    Path clone = tmp.resolve("shallow");
    g.ok(tmp, "clone", "-q", "--depth", "1", "file://" + repo, clone.toString());
    Result r = g.sealant(clone, "scan");
    assertEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("shallow clone"), r.err());
  }

  @Test
  void binarySymlinkAndSubmoduleAreSkippedWithReasons() throws Exception {
    Files.write(repo.resolve("bin.dat"), new byte[] {1, 0, 2, 0});
    Files.createSymbolicLink(repo.resolve("link"), Path.of("README.md"));
    String head = g.ok(repo, "rev-parse", "HEAD").trim();
    g.ok(repo, "add", "bin.dat", "link");
    g.ok(repo, "update-index", "--add", "--cacheinfo", "160000," + head + ",sub");
    Result r = g.sealant(repo, "scan", "--staged", "--verbose");
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().contains("skipped bin.dat: binary"), r.out());
    assertTrue(r.out().contains("skipped link: symbolic link"), r.out());
    assertTrue(r.out().contains("skipped sub: submodule"), r.out());
  }

  @Test
  void conflictedIndexIsAUsageError() throws Exception {
    g.ok(repo, "checkout", "-q", "-b", "other");
    GitCli.write(repo, "README.md", "other\n");
    g.ok(repo, "commit", "-q", "-am", "other");
    g.ok(repo, "checkout", "-q", "main");
    GitCli.write(repo, "README.md", "mine\n");
    g.ok(repo, "commit", "-q", "-am", "mine");
    g.git(repo, "merge", "other");
    Result r = g.sealant(repo, "scan", "--staged");
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("unmerged") && r.err().contains("README.md"), r.err());
  }

  @Test
  void installIsIdempotentAndUninstallRestoresAForcedForeignHook() throws Exception {
    Path hook = repo.resolve(".git/hooks/pre-commit");
    Files.writeString(hook, "#!/bin/sh\necho foreign\n");
    Result refused = g.sealant(repo, "install");
    assertEquals(2, refused.code(), refused.all());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertEquals("#!/bin/sh\necho foreign\n", Files.readString(hook));
    install(repo, "--force");
    Result again = g.sealant(repo, "install");
    assertTrue(again.out().contains("already installed"), again.out());
    assertTrue(Files.readString(hook).contains("sealant-hook"));
    g.sealant(repo, "uninstall");
    assertEquals("#!/bin/sh\necho foreign\n", Files.readString(hook));
    assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit.sealant-backup")));
  }

  @Test
  void coreHooksPathIsHonoured() throws Exception {
    g.ok(repo, "config", "core.hooksPath", ".githooks");
    install(repo);
    assertTrue(Files.exists(repo.resolve(".githooks/pre-commit")));
    assertFalse(Files.exists(repo.resolve(".git/hooks/pre-commit")));
    GitCli.write(repo, "k.txt", "k=" + TOKEN + "\n");
    g.ok(repo, "add", "k.txt");
    assertNotEquals(0, g.git(repo, "commit", "-m", "x").code());
    g.sealant(repo, "uninstall");
    assertFalse(Files.exists(repo.resolve(".githooks/pre-commit")));
  }

  @Test
  void globalInstallCoversEveryRepositoryAndUninstallRestores() throws Exception {
    install(repo, "--global");
    Path other = g.repo("other", false);
    GitCli.write(other, "k.txt", "k=" + TOKEN + "\n");
    g.ok(other, "add", "k.txt");
    assertNotEquals(0, g.git(other, "commit", "-m", "x").code());
    assertEquals(0, g.sealant(repo, "uninstall", "--global").code());
    assertEquals(1, g.git(repo, "config", "--global", "core.hooksPath").code());
  }

  @Test
  void hookBlocksWhenSealantCannotRunUnlessFailOpen() throws Exception {
    install(repo);
    GitCli.write(repo, "a.txt", "fine\n");
    g.ok(repo, "add", "a.txt");
    Path broken = tmp.resolve("broken");
    Files.writeString(broken, "#!/bin/sh\necho 'Error: Invalid or corrupt jarfile' >&2\nexit 1\n");
    broken.toFile().setExecutable(true);
    Result r = g.run(repo, "", Map.of("SEALANT", broken.toString()), "git", "commit", "-m", "x");
    assertNotEquals(0, r.code(), r.all());
    assertTrue(r.err().contains("could not run") && r.err().contains("--no-verify"), r.err());
    Result open =
        g.run(
            repo,
            "",
            Map.of("SEALANT", broken.toString(), "SEALANT_FAIL_OPEN", "1"),
            "git",
            "commit",
            "-q",
            "-m",
            "x");
    assertEquals(0, open.code(), open.all());
    assertTrue(open.err().contains("SKIPPED"), open.err());
  }
}
