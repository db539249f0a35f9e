package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.JGitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History scans over repositories built with JGit, with fixed dates so commit ids are stable. */
class GitHistoryTest {

  static final String TOKEN = "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";

  @TempDir Path dir;
  JGitRepo repo;
  Git git;

  @BeforeEach
  void init() throws Exception {
    repo = JGitRepo.init(dir);
    git = repo.git();
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private void write(String path, String text) throws Exception {
    repo.write(path, text);
  }

  private RevCommit commit(String message) throws Exception {
    return repo.commit(message);
  }

  private Cli.Run scan(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "scan";
    all[1] = "--format=json";
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(dir, "", Map.of(), all);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void secretAddedThenDeletedIsFoundAtItsCommitOnce() throws Exception {
    write("app.cfg", "a\nb\n");
    commit("one");
    write("app.cfg", "a\ntoken=" + TOKEN + "\nb\n");
    RevCommit adding = commit("two");
    for (int i = 0; i < 5; i++) {
      write("app.cfg", "a\ntoken=" + TOKEN + "\nb\nmore " + i + "\n");
      commit("edit " + i);
    }
    write("app.cfg", "a\nb\n");
    commit("remove");
    Cli.Run r = scan();
    assertEquals(1, r.code(), r.all());
    assertEquals(1, count(r.out(), "\"ruleId\""), r.out());
    assertTrue(r.out().contains(adding.name()), r.out());
    assertTrue(r.out().contains("\"line\": 2"), r.out());
    assertTrue(r.out().contains("ada@example.invalid"), r.out());
  }

  @Test
  void secretOnASideBranchIsFound() throws Exception {
    write("a.txt", "x\n");
    commit("one");
    git.branchCreate().setName("side").call();
    git.checkout().setName("side").call();
    write("b.txt", "k=" + TOKEN + "\n");
    RevCommit side = commit("side");
    git.checkout().setName("main").call();
    Cli.Run r = scan();
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains(side.name()), r.out());
  }

  @Test
  void renamedFileDoesNotReReport() throws Exception {
    write("old/name.cfg", "a\nk=" + TOKEN + "\nb\n");
    RevCommit adding = commit("add");
    Files.delete(dir.resolve("old/name.cfg"));
    write("new/name.cfg", "a\nk=" + TOKEN + "\nb\nc\n");
    RevCommit rename = commit("rename and edit");
    Cli.Run r = scan();
    assertEquals(1, count(r.out(), "\"ruleId\""), r.out());
    assertTrue(r.out().contains(adding.name()), r.out());
    assertFalse(r.out().contains(rename.name()), r.out());
  }

  @Test
  void mergeResolutionOnlySecretIsFoundAndMergedInContentIsNot() throws Exception {
    write("conf.txt", "base\n");
    commit("base");
    git.branchCreate().setName("side").call();
    git.checkout().setName("side").call();
    write("conf.txt", "side\n");
    write("side.txt", "s=" + TOKEN + "\n");
    RevCommit sideCommit = commit("side");
    git.checkout().setName("main").call();
    write("conf.txt", "main\n");
    commit("main");
    MergeResult m =
        git.merge().include(git.getRepository().resolve("side")).setCommit(false).call();
    assertEquals(MergeResult.MergeStatus.CONFLICTING, m.getMergeStatus());
    write("conf.txt", "main\nside\n# only in the resolution\nkey: " + TOKEN + "\n");
    RevCommit merge = commit("merge");
    assertEquals(2, merge.getParentCount());
    Cli.Run r = scan();
    assertEquals(2, count(r.out(), "\"ruleId\""), r.out());
    assertTrue(r.out().contains(sideCommit.name()), "side.txt at the side commit: " + r.out());
    assertTrue(r.out().contains(merge.name()), "conf.txt at the merge: " + r.out());
    assertTrue(r.out().contains("\"line\": 4"), r.out());
  }

  @Test
  void rangeScansOnlyItsCommits() throws Exception {
    write("a.txt", "k=" + TOKEN + "\n");
    commit("old secret");
    git.branchCreate().setName("base").call();
    write("b.txt", "clean\n");
    commit("new");
    assertEquals(0, scan("--range", "base..main").code());
    assertEquals(1, scan("--range", "main").code());
    assertEquals(0, scan("--since", "base").code());
  }

  @Test
  void stagedScansTheIndexNotTheWorkingTree() throws Exception {
    write("a.txt", "x\n");
    commit("one");
    write("a.txt", "x\nk=" + TOKEN + "\n");
    git.add().addFilepattern("a.txt").call();
    write("a.txt", "x\n");
    Cli.Run r = scan("--staged");
    assertEquals(1, r.code(), r.all());
    assertTrue(r.out().contains("\"line\": 2"), r.out());
    assertTrue(r.out().contains("\"commit\": null"), r.out());
  }

  @Test
  void firstCommitOfAnEmptyRepositoryIsStaged() throws Exception {
    write("a.txt", "k=" + TOKEN + "\n");
    git.add().addFilepattern("a.txt").call();
    assertEquals(1, scan("--staged").code());
  }

  @Test
  void badRevisionIsAUsageErrorNamingIt() throws Exception {
    write("a.txt", "x\n");
    commit("one");
    Cli.Run r = scan("--range", "nope..main");
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("'nope'"), r.err());
  }

  @Test
  void gitModeOutsideARepositoryIsAClearError(@TempDir Path elsewhere) {
    Cli.Run r = Cli.run(elsewhere, "scan", "--staged");
    assertEquals(3, r.code(), r.all());
    assertTrue(r.err().contains("not inside") && r.err().contains("--no-git"), r.err());
  }

  @Test
  void stashIsExcludedUnlessAsked() throws Exception {
    write("a.txt", "x\n");
    commit("one");
    write("a.txt", "x\nk=" + TOKEN + "\n");
    git.stashCreate().setPerson(new PersonIdent("Ada", "ada@example.invalid")).call();
    assertEquals(0, scan().code());
    assertEquals(1, scan("--include-stash").code());
  }

  @Test
  void missingObjectIsAGitErrorNamingIt() throws Exception {
    write("a.txt", "x\n");
    commit("one");
    write("a.txt", "x\ny\n");
    commit("two");
    String blob = git.getRepository().resolve("HEAD:a.txt").name();
    Files.delete(dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
    Cli.Run r = scan();
    assertEquals(3, r.code(), r.all());
    assertTrue(r.err().contains(blob), r.err());
  }

  @Test
  void corruptObjectIsAGitErrorNamingIt() throws Exception {
    write("a.txt", "x\n");
    commit("one");
    write("a.txt", "x\ny\n");
    commit("two");
    String blob = git.getRepository().resolve("HEAD:a.txt").name();
    Path object = dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
    object.toFile().setWritable(true);
    Files.write(object, new byte[] {0x78, 0x01, 0x00, 0x01, 0x02, 0x03});
    Cli.Run r = scan();
    assertEquals(3, r.code(), r.all());
    assertTrue(r.err().contains(blob), r.err());
  }
}
