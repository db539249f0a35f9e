package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.json.JsonParser;
import dev.sealant.testing.Cli;
import dev.sealant.testing.JGitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repository shapes beyond the plain branch: detached and unborn HEADs, LFS pointers, symbolic
 * links, paths with spaces, unicode and newlines, and one commit of 100,000 files. Built with JGit,
 * with fixed dates.
 */
class RepositoryHardeningTest {

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

  private PersonIdent who() {
    return repo.who();
  }

  private RevCommit commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor(who())
        .setCommitter(who())
        .setSign(false)
        .call();
  }

  private Cli.Run scan(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--format", "json"));
    all.addAll(List.of(args));
    return Cli.run(dir, "", Map.of(), all.toArray(new String[0]));
  }

  /** The {@code path} of every finding in a JSON report, exactly as reported. */
  private static TreeSet<String> paths(String json) throws JsonParser.JsonException {
    TreeSet<String> out = new TreeSet<>();
    for (Object f : (List<?>) JsonParser.parse(json)) {
      out.add((String) ((Map<?, ?>) f).get("path"));
    }
    return out;
  }

  @Test
  void detachedHeadIsScannedInHistoryAndStaged() throws Exception {
    write("a.txt", "clean\n");
    RevCommit first = commit("one");
    git.checkout().setName(first.name()).call();
    write("b.txt", "k=" + Planted.PAT + "\n");
    RevCommit detached = commit("on a detached HEAD, on no branch");
    assertEquals(detached.name(), git.getRepository().getFullBranch(), "HEAD is detached");
    Cli.Run history = scan();
    assertEquals(1, history.code(), history.all());
    assertTrue(history.out().contains(detached.name()), history.out());
    write("c.txt", "k=" + Planted.PAT + "\n");
    git.add().addFilepattern("c.txt").call();
    Cli.Run staged = scan("--staged");
    assertEquals(1, staged.code(), staged.all());
    assertEquals(new TreeSet<>(List.of("c.txt")), paths(staged.out()));
  }

  @Test
  void unbornBranchSaysThereIsNoHistoryAndStagedStillWorks() throws Exception {
    Cli.Run history = scan();
    assertEquals(0, history.code(), history.all());
    assertTrue(
        history.err().contains("no commits yet") && history.err().contains("--staged"),
        history.err());
    assertEquals("[]", history.out().strip());
    write("a.txt", "k=" + Planted.PAT + "\n");
    git.add().addFilepattern("a.txt").call();
    Cli.Run staged = scan("--staged");
    assertEquals(1, staged.code(), staged.all());
    assertEquals(new TreeSet<>(List.of("a.txt")), paths(staged.out()));
  }

  @Test
  void orphanBranchStagesAgainstTheEmptyTree() throws Exception {
    write("a.txt", "k=" + Planted.PAT + "\n");
    commit("secret on main");
    git.checkout().setOrphan(true).setName("fresh").call();
    Cli.Run staged = scan("--staged");
    assertEquals(1, staged.code(), staged.all());
    assertEquals(new TreeSet<>(List.of("a.txt")), paths(staged.out()));
    Cli.Run history = scan();
    assertEquals(1, history.code(), history.all());
  }

  @Test
  void lfsPointerIsScannedAsTextAndFetchesNothing() throws Exception {
    String oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";
    write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n");
    write(
        "model.bin",
        "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize 104857600\n");
    commit("an LFS pointer");
    Cli.Run clean = scan("--verbose");
    assertEquals(0, clean.code(), clean.all());
    assertTrue(
        !clean.all().contains("model.bin"),
        "a pointer is neither skipped nor reported: " + clean.all());
    write(
        "weights.bin",
        "version https://git-lfs.github.com/spec/v1\noid sha256:"
            + oid
            + "\nsize 1\n"
            + "x-note "
            + Planted.PAT
            + "\n");
    commit("a pointer carrying a token");
    Cli.Run found = scan();
    assertEquals(1, found.code(), found.all());
    assertEquals(new TreeSet<>(List.of("weights.bin")), paths(found.out()));
  }

  @Test
  void symlinkEntriesAreSkippedNeverFollowed(@TempDir Path outside) throws Exception {
    Path target = outside.resolve("secret.env");
    Files.writeString(target, "k=" + Planted.PAT + "\n");
    write("a.txt", "clean\n");
    Files.createSymbolicLink(dir.resolve("link.env"), target);
    RevCommit c = commit("a link to a secret outside the repository");
    try (TreeWalk tw = TreeWalk.forPath(git.getRepository(), "link.env", c.getTree())) {
      assertEquals(FileMode.SYMLINK, tw.getFileMode(0), "stored with mode 120000");
    }
    Cli.Run history = Cli.run(dir, "scan", "--verbose");
    assertEquals(0, history.code(), history.all());
    assertTrue(
        history.out().contains("skipped link.env @ ") && history.out().contains("symbolic link"),
        history.out());
    Files.delete(dir.resolve("link.env"));
    Files.createSymbolicLink(dir.resolve("link2.env"), target);
    git.add().addFilepattern("link2.env").call();
    Cli.Run staged = Cli.run(dir, "scan", "--staged", "--verbose");
    assertEquals(0, staged.code(), staged.all());
    assertTrue(staged.out().contains("skipped link2.env: symbolic link"), staged.out());
  }

  @Test
  void pathsWithSpacesUnicodeAndNewlinesAreReportedExactly() throws Exception {
    List<String> names =
        List.of(
            "dir with space/a b.env",
            "unicod\u00e9/\u00fc\u00f1\u00ee \u6f22\u5b57.env",
            "new\nline.env",
            "tab\there.env",
            "quote\"and\\back.env");
    for (String n : names.subList(0, 3)) {
      write(n, "k=" + Planted.PAT + "\n");
    }
    commit("odd paths");
    Cli.Run history = scan();
    assertEquals(1, history.code(), history.all());
    assertEquals(new TreeSet<>(names.subList(0, 3)), paths(history.out()));
    for (String n : names.subList(3, 5)) {
      write(n, "k=" + Planted.PAT + "\n");
      git.add().addFilepattern(n).call();
    }
    Cli.Run staged = scan("--staged");
    assertEquals(1, staged.code(), staged.all());
    assertEquals(new TreeSet<>(names.subList(3, 5)), paths(staged.out()));
    Cli.Run text = Cli.run(dir, "scan");
    assertTrue(
        text.out().contains("new\\nline.env:1:3") && !text.out().contains("new\nline"),
        "control characters escaped: " + text.out());
  }

  @Test
  void oneCommitAddingOneHundredThousandFilesCompletes() throws Exception {
    Repository repo = git.getRepository();
    DirCache index = DirCache.newInCore();
    DirCacheBuilder b = index.builder();
    String planted = "d042/f042042.txt";
    try (ObjectInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
      for (int d = 0; d < 100; d++) {
        for (int f = 0; f < 1000; f++) {
          String path = String.format("d%03d/f%03d%03d.txt", d, d, f);
          String text =
              path.equals(planted) ? "token=" + Planted.PAT + "\n" : "value " + d + "." + f + "\n";
          DirCacheEntry e = new DirCacheEntry(path);
          e.setFileMode(FileMode.REGULAR_FILE);
          e.setObjectId(ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8)));
          b.add(e);
        }
      }
      b.finish();
      CommitBuilder cb = new CommitBuilder();
      cb.setTreeId(index.writeTree(ins));
      cb.setAuthor(who());
      cb.setCommitter(who());
      cb.setMessage("100,000 files at once\n");
      ObjectId commit = ins.insert(cb);
      ins.flush();
      RefUpdate ru = repo.updateRef("refs/heads/main");
      ru.setNewObjectId(commit);
      assertEquals(RefUpdate.Result.NEW, ru.update());
    }
    Cli.Run r = scan("--threads", "2");
    assertEquals(1, r.code(), r.all());
    assertEquals(new TreeSet<>(List.of(planted)), paths(r.out()));
    Cli.Run text = Cli.run(dir, "scan", "--threads", "2");
    assertTrue(
        text.out().contains("100000 files") || text.out().contains("100,000 files"), text.out());
  }
}
