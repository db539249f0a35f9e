package dev.sealant.git;

import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Skipped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Turns one tree comparison (a commit against its parents, or the index against HEAD) into
 * fragments of added lines. One instance per worker thread: it owns no reader, it borrows the
 * worker's.
 *
 * <p>The walk's last tree is the new version; the ones before it are the old versions (one, or a
 * merge's parents). A path whose new blob equals any old version adds nothing. A path new in a
 * single-parent comparison is compared against the lines of the paths deleted in the same change,
 * so a rename (even with edits) reports only the lines it really added.
 */
final class ChangeScanner {

  /** One changed path: its new blob and the old blob per old tree ({@code zeroId} when absent). */
  private record Change(String path, ObjectId now, List<ObjectId> before) {}

  private final Blobs blobs;
  private final Predicate<String> pathAllowed;
  private final Claims claims;
  private final Sink sink;

  /**
   * The multiset each old version is loaded into in turn (this thread's; see {@link AddedLines}).
   */
  private LineMultiset table = new LineMultiset(1024);

  private static final int TABLE_KEPT = 1 << 20;

  /**
   * @param claims which (path, old blobs, new blob) changes this scanner reads (see {@link
   *     Claims}), unless a comparison brings its own
   */
  ChangeScanner(
      ObjectReader reader,
      Limits limits,
      Predicate<String> pathAllowed,
      Claims claims,
      Sink sink,
      BlobTextCache cache) {
    this(reader, Optional.empty(), false, limits, pathAllowed, claims, sink, cache);
  }

  /**
   * @param packs the history scan's pack reader (this thread's), tried before {@code reader}
   * @param newestFirst whether the scan goes from new commits to old ones (see {@link Blobs})
   */
  ChangeScanner(
      ObjectReader reader,
      Optional<PackReader> packs,
      boolean newestFirst,
      Limits limits,
      Predicate<String> pathAllowed,
      Claims claims,
      Sink sink,
      BlobTextCache cache) {
    this.blobs = new Blobs(reader, packs, limits, cache, newestFirst);
    this.pathAllowed = pathAllowed;
    this.claims = claims;
    this.sink = sink;
  }

  /** Scans the walk (recursive, filtered to differences) whose last tree is the new version. */
  void scan(TreeWalk walk, Optional<CommitInfo> commit) throws IOException {
    int n = walk.getTreeCount();
    List<DiffEntry> entries = new ArrayList<>();
    while (walk.next()) {
      int[] modes = new int[n];
      ObjectId[] ids = new ObjectId[n];
      for (int i = 0; i < n; i++) {
        modes[i] = walk.getRawMode(i);
        ids[i] = walk.getObjectId(i);
      }
      entries.add(new DiffEntry(walk.getPathString(), modes, ids));
    }
    scan(entries, commit);
  }

  /** Scans the differing paths of one comparison, each with the new tree's version last. */
  void scan(List<DiffEntry> entries, Optional<CommitInfo> commit) throws IOException {
    scan(entries, commit, claims);
  }

  /**
   * The same with the comparison's own claims: every change it would read is claimed at once,
   * before any blob is read.
   */
  void scan(List<DiffEntry> entries, Optional<CommitInfo> commit, Claims claims)
      throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    int olds = entries.get(0).trees() - 1;
    Optional<String> id = commit.map(CommitInfo::id);
    List<Change> changes = new ArrayList<>();
    List<ObjectId> deleted = new ArrayList<>();
    for (DiffEntry e : entries) {
      int mode = e.mode(olds);
      String path = e.path();
      if (mode == 0) {
        if (olds == 1 && isFile(e.mode(0))) {
          deleted.add(e.id(0));
        }
      } else if (FileMode.GITLINK.equals(mode)) {
        sink.skipped(
            new Skipped(path, "submodule (gitlink): its commits are not scanned here", id));
      } else if (FileMode.SYMLINK.equals(mode)) {
        // The link's blob is its target path, committed text like any other: a token pasted as
        // the target is pushed with it. The file it points to is not followed.
        sink.skipped(new Skipped(path, LINK, id));
        change(e, olds).ifPresent(changes::add);
      } else if (isFile(mode)) {
        change(e, olds).ifPresent(changes::add);
      }
    }
    long[] keys = new long[changes.size()];
    int n = 0;
    for (Change c : changes) {
      if (!pathAllowed.test(c.path())) {
        keys[n++] = key(c);
      }
    }
    boolean[] mine = claims.claim(Arrays.copyOf(keys, n));
    Optional<LineMultiset> renamePool = Optional.empty();
    int k = 0;
    for (Change c : changes) {
      boolean isNew = c.before().stream().allMatch(b -> b.equals(ObjectId.zeroId()));
      if (isNew && olds == 1 && !deleted.isEmpty() && renamePool.isEmpty()) {
        renamePool = Optional.of(pool(deleted));
      }
      if (pathAllowed.test(c.path())) {
        sink.skipped(new Skipped(c.path(), "path allowlisted", commit.map(CommitInfo::id)));
      } else if (mine[k++]) {
        scan(c, commit, isNew ? renamePool : Optional.empty());
      }
    }
  }

  private static Optional<Change> change(DiffEntry e, int olds) {
    ObjectId now = e.id(olds);
    List<ObjectId> before = new ArrayList<>(olds);
    for (int p = 0; p < olds; p++) {
      if (!isFile(e.mode(p))) {
        before.add(ObjectId.zeroId());
        continue;
      }
      ObjectId old = e.id(p);
      if (old.equals(now)) {
        return Optional.empty();
      }
      before.add(old);
    }
    return Optional.of(new Change(e.path(), now, before));
  }

  private void scan(Change c, Optional<CommitInfo> commit, Optional<LineMultiset> renamePool)
      throws IOException {
    Optional<String> id = commit.map(CommitInfo::id);
    Blobs.Version now = blobs.read(c.now());
    if (now.notice() && blobs.stream(c.now(), c.path(), commit, sink)) {
      return;
    }
    if (now.text().isEmpty()) {
      sink.skipped(new Skipped(c.path(), now.whyNot(), id));
      if (now.whyNot().equals(Blobs.BINARY)) {
        // Skipped as text; its text runs are still read by the high-confidence rules.
        byte[] b = blobs.bytes(c.now());
        sink.accept(Fragment.binary(c.path(), commit, b, b.length));
      }
      if (now.notice()) {
        sink.warn(
            c.path()
                + id.map(i -> " in commit " + i).orElse("")
                + " was not scanned: "
                + now.whyNot());
      }
      return;
    }
    List<byte[]> befores = new ArrayList<>(c.before().size());
    for (ObjectId old : c.before()) {
      if (!old.equals(ObjectId.zeroId())) {
        befores.add(blobs.old(old));
      }
    }
    List<AddedLines.Run> runs = AddedLines.runs(now.text().get(), befores, renamePool, table);
    if (table.allocated() > TABLE_KEPT) {
      table = new LineMultiset(1024); // a huge file's table is not held for the next, small one
    }
    for (AddedLines.Run run : runs) {
      sink.accept(new Fragment(c.path(), commit, run.line(), run.text()));
    }
  }

  private LineMultiset pool(List<ObjectId> deleted) throws IOException {
    LineMultiset pool = new LineMultiset(64);
    for (ObjectId d : deleted) {
      pool.addAll(HashedLines.of(blobs.old(d)).hashes());
    }
    return pool;
  }

  /**
   * Why a symbolic link is listed as skipped, although its own text (the target path) is scanned.
   */
  static final String LINK =
      "symbolic link: its target path is scanned as text, the file it points to is not";

  /** A regular or executable file: what is read as text (see {@link TreeDiff#changes}). */
  static boolean isFile(int mode) {
    return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
  }

  /** A 64-bit key for (path, old blobs, new blob): the same change in two commits is read once. */
  private static long key(Change c) {
    long h = 1125899906842597L;
    for (int i = 0; i < c.path().length(); i++) {
      h = 31 * h + c.path().charAt(i);
    }
    byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
    for (ObjectId b : c.before()) {
      h = fold(h, b, raw);
    }
    return fold(h, c.now(), raw);
  }

  private static long fold(long h, ObjectId id, byte[] raw) {
    id.copyRawTo(raw, 0);
    long x = h;
    for (byte b : raw) {
      x = (x ^ (b & 0xff)) * 0x100000001b3L;
    }
    return x ^ (x >>> 29);
  }
}
