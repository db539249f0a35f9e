package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Index formats JGit does not read, made by the real git binary: a split index ({@code
 * core.splitIndex=true}, extension {@code link}) and a sparse index ({@code index.sparse},
 * extension {@code sdir}). The pre-commit hook still scans what is staged (git lists the index for
 * Sealant), blocks a staged secret, passes a clean commit, and writes nothing.
 */
class IndexFormatsIT {

  @TempDir Path tmp;
  GitCli g;
  Path repo;

  @BeforeEach
  void setUp() throws Exception {
    g = new GitCli(tmp);
    repo = g.repo("work", false);
    assertEquals(0, g.sealant(repo, "install", "--pre-commit").code());
  }

  private void commitIsBlockedThenCleanPasses(String path) throws Exception {
    GitCli.write(repo, path, "token = \"" + Planted.PAT + "\"\n");
    g.ok(repo, "add", path);
    // git commit itself may rewrite the index file (a refresh); what is staged must not change.
    String staged = g.ok(repo, "ls-files", "--stage");
    GitCli.Result blocked = g.git(repo, "commit", "-q", "-m", "leak");
    assertEquals(1, blocked.code(), blocked.all());
    assertTrue(blocked.all().contains("github-pat-classic"), blocked.all());
    assertFalse(blocked.all().contains(Planted.PAT), blocked.all());
    assertEquals(staged, g.ok(repo, "ls-files", "--stage"), "the staged content changed");
    GitCli.write(repo, path, "nothing here\n");
    g.ok(repo, "add", path);
    GitCli.Result clean = g.git(repo, "commit", "-q", "-m", "clean");
    assertEquals(0, clean.code(), clean.all());
  }

  @Test
  void splitIndexCommitIsScanned() throws Exception {
    g.ok(repo, "config", "core.splitIndex", "true");
    g.ok(repo, "update-index", "--split-index");
    GitCli.write(repo, "other.txt", "x\n");
    g.ok(repo, "add", "other.txt");
    assertTrue(
        Files.list(repo.resolve(".git"))
            .anyMatch(p -> p.getFileName().toString().startsWith("sharedindex.")));
    commitIsBlockedThenCleanPasses("b.txt");
  }

  @Test
  void sparseIndexCommitIsScanned() throws Exception {
    GitCli.write(repo, "in/a.txt", "a\n");
    GitCli.write(repo, "out/b.txt", "b\n");
    g.ok(repo, "add", ".");
    g.ok(repo, "commit", "-q", "-m", "dirs");
    g.ok(repo, "sparse-checkout", "init", "--cone", "--sparse-index");
    g.ok(repo, "sparse-checkout", "set", "in");
    commitIsBlockedThenCleanPasses("in/c.txt");
  }
}
