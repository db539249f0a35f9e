package dev.sealant.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TreeDiff} yields what a recursive {@link TreeWalk} with {@code ANY_DIFF} yields. */
class TreeDiffTest {

  private static final String[] NAMES = {
    "a", "a-b", "a.c", "a0", "b", "ab", "a b", "é", "z", "x.d"
  };
  private static final FileMode[] MODES = {
    FileMode.REGULAR_FILE,
    FileMode.REGULAR_FILE,
    FileMode.REGULAR_FILE,
    FileMode.EXECUTABLE_FILE,
    FileMode.SYMLINK,
    FileMode.GITLINK
  };

  /** A random tree: a path to a (mode, content) leaf, or to a subtree (a nested map). */
  private static TreeMap<String, Object> randomTree(Random r, int depth) {
    TreeMap<String, Object> t = new TreeMap<>();
    for (String name : NAMES) {
      int k = r.nextInt(10);
      if (k < 4) {
        continue;
      }
      if (k < 7 || depth >= 3) {
        t.put(name, new Object[] {MODES[r.nextInt(MODES.length)], "v" + r.nextInt(3)});
      } else {
        t.put(name, randomTree(r, depth + 1));
      }
    }
    return t;
  }

  /**
   * A variant of {@code t}: some entries changed, removed, added, or swapped between file and
   * directory.
   */
  @SuppressWarnings("unchecked")
  private static TreeMap<String, Object> mutate(Random r, TreeMap<String, Object> t, int depth) {
    TreeMap<String, Object> m = new TreeMap<>();
    for (String name : NAMES) {
      Object v = t.get(name);
      int k = r.nextInt(10);
      if (k < 6) {
        if (v instanceof TreeMap<?, ?> sub) {
          m.put(name, mutate(r, (TreeMap<String, Object>) sub, depth + 1));
        } else if (v != null) {
          m.put(name, v);
        }
      } else if (k < 7) {
        continue;
      } else if (k < 9 || depth >= 3) {
        m.put(name, new Object[] {MODES[r.nextInt(MODES.length)], "v" + r.nextInt(3)});
      } else {
        m.put(name, randomTree(r, depth + 1));
      }
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static ObjectId insert(ObjectInserter ins, TreeMap<String, Object> t) throws IOException {
    // TreeFormatter wants git's order: a directory sorts as if its name ended in '/'.
    List<String> names = new ArrayList<>(t.keySet());
    names.sort((x, y) -> key(x, t.get(x)).compareTo(key(y, t.get(y))));
    TreeFormatter f = new TreeFormatter();
    for (String name : names) {
      Object v = t.get(name);
      if (v instanceof TreeMap<?, ?> sub) {
        f.append(name, FileMode.TREE, insert(ins, (TreeMap<String, Object>) sub));
      } else {
        Object[] leaf = (Object[]) v;
        FileMode mode = (FileMode) leaf[0];
        byte[] content = ((String) leaf[1]).getBytes(StandardCharsets.UTF_8);
        ObjectId id =
            mode == FileMode.GITLINK
                ? ObjectId.fromRaw(Constants.newMessageDigest().digest(content))
                : ins.insert(Constants.OBJ_BLOB, content);
        f.append(name, mode, id);
      }
    }
    return ins.insert(f);
  }

  private static String key(String name, Object v) {
    // Compare as unsigned bytes of UTF-8, a directory's name continued with '/'.
    String s = name + (v instanceof TreeMap<?, ?> ? "/" : "");
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static List<String> treeWalk(Repository repo, ObjectId... trees) throws IOException {
    List<String> out = new ArrayList<>();
    try (TreeWalk w = new TreeWalk(repo)) {
      w.setRecursive(true);
      w.setFilter(TreeFilter.ANY_DIFF);
      for (ObjectId t : trees) {
        if (t == null) {
          w.addTree(new EmptyTreeIterator());
        } else {
          w.addTree(t);
        }
      }
      while (w.next()) {
        int[] modes = new int[trees.length];
        ObjectId[] ids = new ObjectId[trees.length];
        for (int i = 0; i < trees.length; i++) {
          modes[i] = w.getRawMode(i);
          ids[i] = w.getObjectId(i);
        }
        out.add(new DiffEntry(w.getPathString(), modes, ids).toString());
      }
    }
    return out;
  }

  /** {@link TreeDiff#diff} or {@link TreeDiff#changes}, over the repository's trees. */
  private interface Comparison {
    List<DiffEntry> of(TreeDiff.Trees trees, ObjectId... roots) throws IOException;
  }

  private static List<String> entries(Repository repo, Comparison how, ObjectId... trees)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader()) {
      for (DiffEntry e : how.of(t -> reader.open(t, Constants.OBJ_TREE).getCachedBytes(), trees)) {
        out.add(e.toString());
      }
    }
    return out;
  }

  private static List<String> treeDiff(Repository repo, ObjectId... trees) throws IOException {
    return entries(repo, TreeDiff::diff, trees);
  }

  /** The entries of {@link TreeDiff#diff} that {@link ChangeScanner} reads something from. */
  private static List<String> scanned(Repository repo, ObjectId... trees) throws IOException {
    List<String> out = new ArrayList<>();
    try (ObjectReader reader = repo.newObjectReader()) {
      for (DiffEntry e :
          TreeDiff.diff(t -> reader.open(t, Constants.OBJ_TREE).getCachedBytes(), trees)) {
        int last = e.trees() - 1;
        boolean sameBlob = false;
        for (int p = 0; p < last; p++) {
          sameBlob |= ChangeScanner.isFile(e.mode(p)) && e.id(p).equals(e.id(last));
        }
        boolean passedOver =
            e.mode(last) == 0 ? last > 1 : ChangeScanner.isFile(e.mode(last)) && sameBlob;
        if (!passedOver && last > 1) {
          passedOver = takenFromAParent(repo, e.path(), trees);
        }
        if (!passedOver) {
          out.add(e.toString());
        }
      }
    }
    return out;
  }

  /**
   * Whether a merge's new tree has the path, or one of the directories above it, with the very mode
   * and id one of its parents has there: the merge takes it unchanged from that parent.
   */
  private static boolean takenFromAParent(Repository repo, String path, ObjectId... trees)
      throws IOException {
    int last = trees.length - 1;
    for (int end = path.indexOf('/'); ; end = path.indexOf('/', end + 1)) {
      String at = end < 0 ? path : path.substring(0, end);
      Object now = entry(repo, at, trees[last]);
      for (int p = 0; p < last && now != null; p++) {
        if (now.equals(entry(repo, at, trees[p]))) {
          return true;
        }
      }
      if (end < 0) {
        return false;
      }
    }
  }

  /** The mode and id at {@code path} in {@code tree}, or null. */
  private static Object entry(Repository repo, String path, ObjectId tree) throws IOException {
    if (tree == null) {
      return null;
    }
    try (TreeWalk w = TreeWalk.forPath(repo, path, tree)) {
      return w == null ? null : List.of(w.getRawMode(0), w.getObjectId(0));
    }
  }

  private static List<String> changes(Repository repo, ObjectId... trees) throws IOException {
    return entries(repo, TreeDiff::changes, trees);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void changesAreTheEntriesTheScannerReads(long seed) throws IOException {
    eachRandomTriple(
        seed,
        (repo, ta, tb, tc, why) -> {
          assertEquals(scanned(repo, null, ta), changes(repo, null, ta), why);
          assertEquals(scanned(repo, ta, tb), changes(repo, ta, tb), why);
          assertEquals(scanned(repo, ta, tb, tc), changes(repo, ta, tb, tc), why);
          assertEquals(scanned(repo, tb, tc, ta), changes(repo, tb, tc, ta), why);
        });
  }

  @Test
  void aMergeNeverLoadsASubtreeItTakesFromAParent() throws IOException {
    try (Repository repo = new InMemoryRepository(new DfsRepositoryDescription("m"))) {
      ObjectId ours;
      ObjectId theirs;
      ObjectId merge;
      ObjectId kept;
      try (ObjectInserter ins = repo.newObjectInserter()) {
        TreeMap<String, Object> deep = new TreeMap<>();
        deep.put("link", new Object[] {FileMode.SYMLINK, "target"});
        deep.put("mod", new Object[] {FileMode.GITLINK, "commit"});
        deep.put("f", new Object[] {FileMode.REGULAR_FILE, "same"});
        TreeMap<String, Object> old = new TreeMap<>();
        old.put("f", new Object[] {FileMode.REGULAR_FILE, "old"});
        TreeMap<String, Object> a = new TreeMap<>(Map.of("d", deep, "x", "1"));
        TreeMap<String, Object> b = new TreeMap<>(Map.of("d", old, "gone", deep, "x", "2"));
        TreeMap<String, Object> m = new TreeMap<>(Map.of("d", deep, "x", "3"));
        a.replaceAll(TreeDiffTest::leaf);
        b.replaceAll(TreeDiffTest::leaf);
        m.replaceAll(TreeDiffTest::leaf);
        ours = insert(ins, a);
        theirs = insert(ins, b);
        merge = insert(ins, m);
        kept = insert(ins, deep);
        ins.flush();
      }
      List<ObjectId> loaded = new ArrayList<>();
      try (ObjectReader reader = repo.newObjectReader()) {
        List<DiffEntry> out =
            TreeDiff.changes(
                t -> {
                  loaded.add(t.copy());
                  return reader.open(t, Constants.OBJ_TREE).getCachedBytes();
                },
                ours,
                theirs,
                merge);
        assertEquals(List.of("x"), out.stream().map(DiffEntry::path).toList());
      }
      assertEquals(List.of(ours, theirs, merge), loaded, "the kept subtree " + kept.name());
    }
  }

  private static Object leaf(String name, Object v) {
    return v instanceof String s ? new Object[] {FileMode.REGULAR_FILE, s} : v;
  }

  /**
   * An entry with a malformed mode in the run of entries two trees share still fails the comparison
   * (the run is skipped by its NULs, not parsed): a range scan whose commit shares it with a parent
   * outside the range must not pass as clean. Every mode byte that is not an octal digit, at every
   * place in the mode.
   */
  @Test
  void aMalformedModeInASharedRunStillFails() throws IOException {
    byte[] id = new byte[20];
    for (int place = 0; place < 6; place++) {
      for (int bad = 0; bad < 256; bad++) {
        if (bad >= '0' && bad <= '7' || bad == ' ') {
          continue;
        }
        byte[] mode = "100644".getBytes(StandardCharsets.US_ASCII);
        mode[place] = (byte) bad;
        java.io.ByteArrayOutputStream shared = new java.io.ByteArrayOutputStream();
        shared.writeBytes("100644 a\0".getBytes(StandardCharsets.US_ASCII));
        shared.writeBytes(id);
        shared.writeBytes(mode);
        shared.writeBytes(" b\0".getBytes(StandardCharsets.US_ASCII));
        shared.writeBytes(id);
        byte[] old = shared.toByteArray();
        shared.writeBytes("100644 c\0".getBytes(StandardCharsets.US_ASCII));
        shared.writeBytes(id);
        byte[] now = shared.toByteArray();
        ObjectId oldId = ObjectId.fromString("1111111111111111111111111111111111111111");
        ObjectId newId = ObjectId.fromString("2222222222222222222222222222222222222222");
        TreeDiff.Trees trees = t -> t.equals(oldId) ? old : now;
        assertThrows(
            CorruptObjectException.class,
            () -> TreeDiff.changes(trees, oldId, newId),
            "byte " + bad + " at " + place);
      }
    }
  }

  /** Three related trees ({@code b} from {@code a}, {@code c} from either), 40 rounds a seed. */
  private interface TripleCheck {
    void check(Repository repo, ObjectId a, ObjectId b, ObjectId c, String why) throws IOException;
  }

  private static void eachRandomTriple(long seed, TripleCheck check) throws IOException {
    try (Repository repo = new InMemoryRepository(new DfsRepositoryDescription("t" + seed))) {
      Random r = new Random(seed);
      try (ObjectInserter ins = repo.newObjectInserter()) {
        for (int round = 0; round < 40; round++) {
          TreeMap<String, Object> a = randomTree(r, 0);
          TreeMap<String, Object> b = mutate(r, a, 0);
          TreeMap<String, Object> c = r.nextBoolean() ? mutate(r, a, 0) : mutate(r, b, 0);
          ObjectId ta = insert(ins, a);
          ObjectId tb = insert(ins, b);
          ObjectId tc = insert(ins, c);
          ins.flush();
          check.check(repo, ta, tb, tc, "seed " + seed + ", round " + round);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void sameEntriesAsTreeWalkForOneTwoAndThreeTrees(long seed) throws IOException {
    eachRandomTriple(
        seed,
        (repo, ta, tb, tc, why) -> {
          assertEquals(treeWalk(repo, null, ta), treeDiff(repo, null, ta), why);
          assertEquals(treeWalk(repo, ta, tb), treeDiff(repo, ta, tb), why);
          assertEquals(treeWalk(repo, tb, ta), treeDiff(repo, tb, ta), why);
          assertEquals(treeWalk(repo, ta, tb, tc), treeDiff(repo, ta, tb, tc), why);
          assertEquals(treeWalk(repo, ta, ta), treeDiff(repo, ta, ta), why);
        });
  }

  @Test
  void truncatedTreeIsCorrupt() {
    byte[] raw = "100644 a.txt\0short".getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(
        CorruptObjectException.class,
        () -> TreeDiff.diff(t -> raw, ObjectId.zeroId(), ObjectId.zeroId()));
  }
}
