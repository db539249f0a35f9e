package dev.sealant.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sealant.testing.Cli;
import dev.sealant.testing.JGitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git objects git itself accepts but no tool expects: a tree nested 7,000 deep, commit headers with
 * a 20-digit timestamp, no author, an author without {@code <email>}, a missing parent. Every mode
 * scans them or stops with one line naming the object (exit 3); never a stack trace.
 */
class HostileObjectsTest {

  static final String ZERO = ObjectId.zeroId().name();

  @TempDir Path dir;
  JGitRepo repo;
  Repository r;
  RevCommit base;

  @BeforeEach
  void repo() throws Exception {
    repo = JGitRepo.init(dir.resolve("repo"));
    repo.write("README", "hello\n");
    base = repo.commit("base");
    r = repo.git().getRepository();
  }

  private ObjectId insert(int type, String body) throws Exception {
    try (ObjectInserter ins = r.newObjectInserter()) {
      ObjectId id = ins.insert(type, body.getBytes(StandardCharsets.UTF_8));
      ins.flush();
      return id;
    }
  }

  private ObjectId blob() throws Exception {
    return insert(Constants.OBJ_BLOB, "token = \"" + Planted.PAT + "\"\n");
  }

  /** A tree holding f.txt under {@code depth} directories named d. */
  private ObjectId deepTree(int depth) throws Exception {
    // One pack, not thousands of loose objects: the scans then read it as fast as a real push.
    try (ObjectInserter ins = ((ObjectDirectory) r.getObjectDatabase()).newPackInserter()) {
      TreeFormatter leaf = new TreeFormatter();
      leaf.append("f.txt", FileMode.REGULAR_FILE, blob());
      ObjectId t = ins.insert(leaf);
      for (int i = 0; i < depth; i++) {
        TreeFormatter f = new TreeFormatter();
        f.append("d", FileMode.TREE, t);
        t = ins.insert(f);
      }
      ins.flush();
      return t;
    }
  }

  private ObjectId commit(String headers) throws Exception {
    return insert(Constants.OBJ_COMMIT, headers + "\nhostile\n");
  }

  private String headers(ObjectId tree, String author) {
    return "tree "
        + tree.name()
        + "\nparent "
        + base.name()
        + "\n"
        + author
        + "committer C <c@example.invalid> 1767225600 +0000\n";
  }

  private void branch(String name, ObjectId id) throws Exception {
    RefUpdate u = r.updateRef("refs/heads/" + name);
    u.setNewObjectId(id);
    u.setForceUpdate(true);
    u.update();
  }

  private Cli.Run sealant(String stdin, String... args) {
    return Cli.run(repo.dir(), stdin, Map.of(), args);
  }

  private static void noTrace(Cli.Run run) {
    assertFalse(run.all().contains("StackOverflowError"), run.all());
    assertFalse(run.all().contains("internal error"), run.all());
    assertFalse(run.all().contains("\tat "), run.all());
  }

  @Test
  void treeNested7000DeepIsScannedInScanCiAndPreReceive() throws Exception {
    ObjectId c =
        commit(headers(deepTree(7_000), "author A <a@example.invalid> 1767225600 +0000\n"));
    Cli.Run pre = sealant(ZERO + " " + c.name() + " refs/heads/deep\n", "hook", "pre-receive");
    noTrace(pre);
    assertEquals(1, pre.code(), pre.all());
    Cli.Run ci = sealant("", "ci", "--base", base.name(), "--head", c.name());
    noTrace(ci);
    assertEquals(1, ci.code(), ci.all());
    branch("deep", c);
    Cli.Run history = sealant("", "scan");
    noTrace(history);
    assertEquals(1, history.code(), history.all());
  }

  @Test
  void pathNested2000DeepInTheIndexIsScannedStaged() throws Exception {
    String path = "d/".repeat(2000) + "f.txt";
    DirCache index = r.lockDirCache();
    DirCacheBuilder b = index.builder();
    DirCacheEntry readme = new DirCacheEntry("README");
    readme.setFileMode(FileMode.REGULAR_FILE);
    readme.setObjectId(insert(Constants.OBJ_BLOB, "hello\n"));
    b.add(readme);
    DirCacheEntry e = new DirCacheEntry(path);
    e.setFileMode(FileMode.REGULAR_FILE);
    e.setObjectId(blob());
    b.add(e);
    b.commit();
    Cli.Run staged = sealant("", "scan", "--staged");
    noTrace(staged);
    assertEquals(1, staged.code(), staged.all());
    Cli.Run hook = sealant("", "hook", "pre-commit");
    noTrace(hook);
    assertEquals(1, hook.code(), hook.all());
  }

  @Test
  void commitWithA20DigitTimestampIsScanned() throws Exception {
    ObjectId c =
        commit(headers(deepTree(0), "author A <a@example.invalid> 99999999999999999999 +0000\n"));
    Cli.Run run = sealant("", "scan", "--range", base.name() + ".." + c.name(), "--format", "json");
    noTrace(run);
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().contains("a@example.invalid"), run.out());
  }

  @Test
  void commitWithoutAnAuthorLineIsScanned() throws Exception {
    ObjectId c = commit(headers(deepTree(0), ""));
    Cli.Run run = sealant("", "scan", "--range", base.name() + ".." + c.name());
    noTrace(run);
    assertEquals(1, run.code(), run.all());
  }

  @Test
  void authorWithoutAngleBracketsHasNoMadeUpEmail() throws Exception {
    ObjectId c = commit(headers(deepTree(0), "author Alice alice-at-example 1767225600 +0000\n"));
    Cli.Run run = sealant("", "scan", "--range", base.name() + ".." + c.name(), "--format", "json");
    noTrace(run);
    assertEquals(1, run.code(), run.all());
    assertTrue(run.out().contains("\"Alice alice-at-example\""), run.out());
  }

  @Test
  void missingParentIsOneLineNamingTheObject() throws Exception {
    String missing = "1234567890123456789012345678901234567890";
    ObjectId c =
        commit(
            "tree "
                + deepTree(0).name()
                + "\nparent "
                + missing
                + "\nauthor A <a@example.invalid> 1767225600 +0000\ncommitter A <a@example.invalid> 1767225600 +0000\n");
    branch("broken", c);
    for (String[] args :
        new String[][] {{"scan"}, {"scan", "--range", base.name() + ".." + c.name()}}) {
      Cli.Run run = sealant("", args);
      noTrace(run);
      assertEquals(3, run.code(), run.all());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().contains(missing), run.err());
    }
  }

  @Test
  void missingCommitObjectIsOneLineNamingIt() throws Exception {
    String missing = "1234567890123456789012345678901234567890";
    Cli.Run run = sealant("", "scan", "--range", base.name() + ".." + missing);
    noTrace(run);
    assertEquals(3, run.code(), run.all());
    assertTrue(run.err().contains(missing), run.err());
    Cli.Run pre = sealant(ZERO + " " + missing + " refs/heads/x\n", "hook", "pre-receive");
    noTrace(pre);
    assertEquals(3, pre.code(), pre.all());
    assertTrue(pre.all().contains(missing), pre.all());
  }

  @Test
  void refNamingABlobTreeOrTagOfATreeIsScannedInPreReceivePrePushAndHistory() throws Exception {
    ObjectId blob = blob();
    TreeFormatter tf = new TreeFormatter();
    tf.append("s.txt", FileMode.REGULAR_FILE, blob);
    ObjectId tree = insert(Constants.OBJ_TREE, "");
    try (ObjectInserter ins = r.newObjectInserter()) {
      tree = ins.insert(tf);
      ins.flush();
    }
    ObjectId tag =
        insert(
            Constants.OBJ_TAG,
            "object "
                + tree.name()
                + "\ntype tree\ntag t\n"
                + "tagger A <a@example.invalid> 1767225600 +0000\n\nhostile\n");
    for (ObjectId id : new ObjectId[] {blob, tree, tag}) {
      Cli.Run pre = sealant(ZERO + " " + id.name() + " refs/tags/x\n", "hook", "pre-receive");
      noTrace(pre);
      assertEquals(1, pre.code(), id.name() + pre.all());
      assertFalse(pre.all().contains(Planted.PAT), pre.all());
      Cli.Run push =
          sealant(
              "refs/tags/x " + id.name() + " refs/tags/x " + ZERO + "\n",
              "hook",
              "pre-push",
              "origin");
      assertEquals(1, push.code(), id.name() + push.all());
    }
    RefUpdate u = r.updateRef("refs/tags/blob");
    u.setNewObjectId(blob);
    u.update();
    Cli.Run history = sealant("", "scan", "--no-cache");
    assertEquals(1, history.code(), history.all());
    assertTrue(history.out().contains("blob " + blob.name()), history.out());
    // A blob an existing ref already names is not brought in by the push.
    assertEquals(
        0, sealant(ZERO + " " + blob.name() + " refs/tags/again\n", "hook", "pre-receive").code());
  }

  @Test
  void tokenInACommitOrTagMessageOrAuthorIsFoundByThePushGatesCiAndHistory() throws Exception {
    ObjectId msg =
        commit(
            headers(treeOf(base), "author A <a@example.invalid> 1767225600 +0000\n")
                + "\ndeploy with "
                + Planted.PAT
                + "\n");
    ObjectId who =
        commit(
            "tree "
                + treeOf(base).name()
                + "\nparent "
                + msg.name()
                + "\nauthor "
                + Planted.PAT
                + " <a@example.invalid> 1767225600 +0000\ncommitter C <c@example.invalid> 1767225600 +0000\n");
    for (ObjectId c : new ObjectId[] {msg, who}) {
      Cli.Run pre = sealant(ZERO + " " + c.name() + " refs/heads/x\n", "hook", "pre-receive");
      assertEquals(1, pre.code(), pre.all());
      assertTrue(pre.all().contains("/commit-message"), pre.all());
      assertFalse(pre.all().contains(Planted.PAT.substring(4)), pre.all());
    }
    Cli.Run ci = sealant("", "ci", "--base", base.name(), "--head", who.name());
    assertEquals(1, ci.code(), ci.all());
    assertEquals(2, ci.out().lines().filter(l -> l.contains("/commit-message")).count(), ci.out());
    ObjectId tag =
        insert(
            Constants.OBJ_TAG,
            "object "
                + base.name()
                + "\ntype commit\ntag v1\n"
                + "tagger A <a@example.invalid> 1767225600 +0000\n\nrelease, token "
                + Planted.PAT
                + "\n");
    Cli.Run tagged = sealant(ZERO + " " + tag.name() + " refs/tags/v1\n", "hook", "pre-receive");
    assertEquals(1, tagged.code(), tagged.all());
    assertFalse(tagged.all().contains(Planted.PAT.substring(4)), tagged.all());
    // Prose is not configuration: only rules that prove their kind read a message.
    ObjectId prose =
        commit(
            headers(treeOf(base), "author A <a@example.invalid> 1767225600 +0000\n")
                + "\nset password = \""
                + Planted.PASSWORD
                + "\" in the example\n");
    assertEquals(0, sealant("", "ci", "--base", base.name(), "--head", prose.name()).code());
  }

  private ObjectId treeOf(RevCommit c) {
    return c.getTree().getId();
  }
}
