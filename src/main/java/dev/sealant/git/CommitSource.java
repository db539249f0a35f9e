package dev.sealant.git;

import dev.sealant.error.GitException;
import dev.sealant.error.SealantException;
import dev.sealant.kernel.CommitInfo;
import dev.sealant.kernel.Fragment;
import dev.sealant.kernel.Limits;
import dev.sealant.kernel.Sink;
import dev.sealant.kernel.Source;
import dev.sealant.source.Workers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * The commits of a {@link CommitSet}, each diffed against its parents (a root commit against the
 * empty tree) and each scanned once. One thread lists the commit ids (a cheap walk over headers
 * only); then {@code threads} workers, each with its own {@link ObjectReader}, {@link RevWalk} and
 * {@link PackReader}, take commits from that list in order and stream their added lines to the
 * sink. Only the id list is held for the whole scan; diffs are never collected.
 *
 * <p>The list is in the order the packs store the history ({@link PackOrder}), and the workers
 * share what they resolve ({@link PackReader.Shared}, {@link BlobTextCache}): reading a packed
 * object is cheap right after the objects its delta chain runs through were read, by any worker,
 * and slow otherwise.
 */
public final class CommitSource implements Source {

  private final Repository repo;
  private final CommitSet set;
  private final Limits limits;
  private final int threads;
  private final Predicate<String> pathAllowed;
  private final Optional<ScanCache.Covered> covered;
  private volatile int listed = -1;

  /** How many commits a worker diffs between emptying its walk's object table. */
  private static final int DISPOSE_EVERY = 512;

  public CommitSource(
      Repository repo, CommitSet set, Limits limits, int threads, Predicate<String> pathAllowed) {
    this(repo, set, limits, threads, pathAllowed, Optional.empty());
  }

  private CommitSource(
      Repository repo,
      CommitSet set,
      Limits limits,
      int threads,
      Predicate<String> pathAllowed,
      Optional<ScanCache.Covered> covered) {
    this.repo = repo;
    this.set = set;
    this.limits = limits;
    this.threads = Math.max(1, threads);
    this.pathAllowed = pathAllowed;
    this.covered = covered;
  }

  /**
   * The same scan, skipping what an earlier scan covered: the history below its tips, except the
   * commits it found something in, which are scanned again. When one of its tips is no longer
   * reachable (a deleted or rewritten branch), the whole set is scanned, as without a cache.
   */
  public CommitSource resumingFrom(ScanCache.Covered earlier) {
    return new CommitSource(repo, set, limits, threads, pathAllowed, Optional.of(earlier));
  }

  /** Which commits this source scans. */
  public CommitSet set() {
    return set;
  }

  @Override
  public void run(Sink sink) {
    warnIfShallow(sink);
    long heap = Runtime.getRuntime().maxMemory();
    try (PackReader.Shared packs =
        PackReader.open(repo, Math.min(128L << 20, heap / 8), Math.max(1, threads))) {
      Listing listing = list(packs);
      List<ObjectId> ids = listing.ids();
      listed = ids.size();
      scanNonCommits(packs, sink);
      if (ids.isEmpty()) {
        return;
      }
      Shared shared = new Shared(listing, packs, new Turns(), BlobTextCache.forHeap());
      int n = Math.min(threads, ids.size());
      if (n == 1) {
        work(shared, sink);
        return;
      }
      ExecutorService pool =
          Executors.newFixedThreadPool(
              n,
              r -> {
                Thread t = new Thread(r, "sealant-git");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < n; w++) {
          futures.add(
              pool.submit(
                  () -> {
                    try {
                      work(shared, sink);
                    } catch (RuntimeException e) {
                      shared.failed.set(true);
                      shared.turns.abandon();
                      throw e;
                    }
                  }));
        }
        for (Future<?> f : futures) {
          Workers.await(f);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** The commits to scan, in scan order, and which way that goes. */
  private record Listing(List<ObjectId> ids, boolean newestFirst) {}

  /** What the workers of one scan share. */
  private static final class Shared {
    final List<ObjectId> ids;
    final boolean newestFirst;
    final PackReader.Shared packs;
    final Turns turns;
    final BlobTextCache cache;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    final AtomicBoolean failed = new AtomicBoolean();

    Shared(Listing listing, PackReader.Shared packs, Turns turns, BlobTextCache cache) {
      this.ids = listing.ids();
      this.newestFirst = listing.newestFirst();
      this.packs = packs;
      this.turns = turns;
      this.cache = cache;
    }
  }

  /** One worker: its own readers, commits taken from the shared list until none is left. */
  private void work(Shared sh, Sink sink) {
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        PackReader packs = new PackReader(sh.packs)) {
      ChangeScanner scanner =
          new ChangeScanner(
              reader,
              Optional.of(packs),
              sh.newestFirst,
              limits,
              pathAllowed,
              Claims.unordered(new LongSet()),
              sink,
              sh.cache);
      TreeDiff.Trees trees = new PackedTrees(packs, reader);
      TreeDiff.Buffers treeBuffers = new TreeDiff.Buffers(packs.keep());
      int parsed = 0;
      for (int i = sh.next.getAndIncrement();
          i < sh.ids.size() && !sh.failed.get();
          i = sh.next.getAndIncrement()) {
        ObjectId id = sh.ids.get(i);
        try {
          diff(rw, trees, treeBuffers, scanner, id, sh.turns.at(i), sink);
          sh.turns.done(i);
        } catch (MissingObjectException e) {
          throw missing("commit " + id.name(), e, e);
        } catch (IOException e) {
          throw new GitException("commit " + id.name() + ": cannot read: " + e.getMessage(), e);
        }
        sink.scannedCommit(id.name());
        sink.progress(sh.done.incrementAndGet(), sh.ids.size());
        if (++parsed % DISPOSE_EVERY == 0) {
          // The walk keeps every commit it parsed, body included (git's own history: 140 MB of
          // them per worker); what the next commits need is the last few.
          rw.dispose();
        }
      }
    }
  }

  /**
   * Trees through this worker's {@link PackReader} (JGit for what it leaves), loaded into the
   * worker's {@link TreeDiff.Buffers}: every commit reads two or more trees, and each would be a
   * new array.
   */
  private record PackedTrees(PackReader packs, ObjectReader reader) implements TreeDiff.Trees {
    @Override
    public byte[] load(ObjectId tree) throws IOException {
      byte[] raw = packs.read(tree, Constants.OBJ_TREE, Integer.MAX_VALUE - 8);
      return raw != null ? raw : reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
    }

    @Override
    public void load(ObjectId tree, ObjectRing.Buffer into) throws IOException {
      if (!packs.readInto(tree, Constants.OBJ_TREE, Integer.MAX_VALUE - 8, into)) {
        // JGit's array may be its cache's: copied, never handed to a buffer that is written to.
        byte[] raw = reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
        into.ensure(raw.length);
        System.arraycopy(raw, 0, into.bytes, 0, raw.length);
        into.length = raw.length;
      }
    }
  }

  /** The one message for an object the history names and the repository lacks. */
  private static GitException missing(String what, MissingObjectException m, Exception cause) {
    return new GitException(
        what
            + ": missing object "
            + m.getObjectId().name()
            + " (the repository is corrupt or incomplete)",
        cause);
  }

  private static void diff(
      RevWalk rw,
      TreeDiff.Trees trees,
      TreeDiff.Buffers treeBuffers,
      ChangeScanner scanner,
      ObjectId id,
      Claims claims,
      Sink sink)
      throws IOException {
    RevCommit c;
    List<DiffEntry> changes;
    try {
      c = rw.parseCommit(id);
      int parents = c.getParentCount();
      ObjectId[] roots = new ObjectId[Math.max(1, parents) + 1];
      for (int p = 0; p < parents; p++) {
        roots[p] = rw.parseCommit(c.getParent(p)).getTree();
      }
      // A root commit is compared with the empty tree (null).
      roots[roots.length - 1] = c.getTree();
      changes = TreeDiff.changes(trees, treeBuffers, roots);
    } catch (RuntimeException e) {
      // JGit throws unchecked exceptions on some corrupt objects (a header it cannot parse). The
      // scan itself (below) is not wrapped: a detector's own failure keeps its own error.
      throw new GitException(
          "commit "
              + id.name()
              + ": corrupt commit or tree object ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
    CommitInfo info = info(c);
    scanner.scan(changes, Optional.of(info), claims);
    sink.accept(new Fragment(Fragment.COMMIT_MESSAGE, Optional.of(info), 1, metadata(c)));
    rw.reset();
  }

  /**
   * A ref may name a tree or a blob (directly or through annotated tags): git accepts {@code git
   * push origin BLOB:refs/tags/x}, and the content is then served like any other. No commit walk
   * reaches it, so each such object that no excluded ref names too is scanned whole, as new
   * content: a tree's files at their paths, a blob under the name {@code blob ID}.
   */
  private void scanNonCommits(PackReader.Shared shared, Sink sink) {
    try (ObjectReader reader = repo.newObjectReader();
        RevWalk rw = new RevWalk(reader);
        PackReader packs = new PackReader(shared)) {
      Set<ObjectId> excluded = new HashSet<>();
      for (ObjectId id : set.exclude()) {
        peeled(rw, id).ifPresent(o -> excluded.add(o.copy()));
      }
      Set<ObjectId> named = new HashSet<>(set.exclude());
      List<RevObject> loose = new ArrayList<>();
      for (ObjectId id : set.include()) {
        tagTexts(rw, id, named, sink);
        Optional<RevObject> o = peeled(rw, id);
        if (o.isPresent() && !(o.get() instanceof RevCommit) && excluded.add(o.get().copy())) {
          loose.add(o.get());
        }
      }
      if (loose.isEmpty()) {
        return;
      }
      ChangeScanner scanner =
          new ChangeScanner(
              reader,
              Optional.of(packs),
              false,
              limits,
              pathAllowed,
              Claims.unordered(new LongSet()),
              sink,
              BlobTextCache.forHeap());
      TreeDiff.Trees trees = tree -> reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
      for (RevObject o : loose) {
        List<DiffEntry> entries =
            o instanceof RevTree
                ? TreeDiff.diff(trees, null, o)
                : List.of(
                    new DiffEntry(
                        "blob " + o.name(),
                        new int[] {0, FileMode.REGULAR_FILE.getBits()},
                        new ObjectId[] {ObjectId.zeroId(), o.copy()}));
        scanner.scan(entries, Optional.empty());
      }
    } catch (MissingObjectException e) {
      throw missing(set.what(), e, e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SealantException se) {
        throw se;
      }
      throw new GitException(
          set.what()
              + ": cannot read a tree or blob a ref names ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  /**
   * A commit's own text, pushed with it: its raw author and committer lines and its message (a
   * token pasted into a message or an identity is published like a file's).
   */
  private static String metadata(RevCommit c) {
    return metadata(c.getRawBuffer(), "author ", "committer ");
  }

  /** The header lines starting with one of {@code keep}, a blank line and the message. */
  private static String metadata(byte[] raw, String... keep) {
    String header = raw == null ? "" : RawParseUtils.decode(raw);
    StringBuilder b = new StringBuilder();
    int end = header.indexOf("\n\n");
    for (String line : (end < 0 ? header : header.substring(0, end)).split("\n", -1)) {
      for (String k : keep) {
        if (line.startsWith(k)) {
          b.append(line).append('\n');
        }
      }
    }
    return b.append('\n').append(end < 0 ? "" : header.substring(end + 2)).toString();
  }

  /**
   * The tagger line and message of each annotated tag on the way from {@code id} to what it names
   * (a tag message is published like a commit message), unless an excluded ref names the tag.
   */
  private static void tagTexts(RevWalk rw, ObjectId id, Set<ObjectId> named, Sink sink)
      throws IOException {
    RevObject o;
    try {
      o = rw.parseAny(id);
    } catch (MissingObjectException e) {
      return;
    }
    while (o instanceof RevTag t && named.add(t.copy())) {
      rw.parseBody(t);
      sink.accept(
          new Fragment(
              Fragment.COMMIT_MESSAGE, Optional.empty(), 1, metadata(t.getRawBuffer(), "tagger ")));
      o = rw.parseAny(t.getObject());
    }
  }

  /** The object a ref value names once annotated tags are peeled; empty when it is missing. */
  private static Optional<RevObject> peeled(RevWalk rw, ObjectId id) throws IOException {
    try {
      return Optional.of(rw.peel(rw.parseAny(id)));
    } catch (MissingObjectException e) {
      return Optional.empty();
    }
  }

  static CommitInfo info(RevCommit c) {
    return Authors.info(c);
  }

  /**
   * The commits to scan, in the order their objects are stored (see {@link PackOrder}); tags are
   * peeled and refs to non-commits ignored.
   */
  private Listing list(PackReader.Shared packs) {
    List<ObjectId> ids = new ArrayList<>();
    boolean newestFirst;
    try (RevWalk rw = new RevWalk(repo);
        PackReader reader = new PackReader(packs)) {
      PackOrder order = new PackOrder(reader);
      rw.setRetainBody(false);
      for (ObjectId id : set.include()) {
        commit(rw, id).ifPresent(c -> markStart(rw, c));
      }
      for (ObjectId id : set.exclude()) {
        Optional<RevCommit> c = commit(rw, id);
        if (c.isPresent()) {
          rw.markUninteresting(c.get());
        }
      }
      List<RevCommit> again = covered.isPresent() ? resume(rw, covered.get()) : List.of();
      for (RevCommit c : rw) {
        ids.add(c.copy());
        order.sample(c);
      }
      for (RevCommit c : again) {
        ids.add(c.copy());
        order.sample(c);
      }
      // The walk gives newest first; oldest first unless the packs store the history the other way.
      newestFirst = order.newestFirst();
      if (!newestFirst) {
        Collections.reverse(ids);
      }
    } catch (MissingObjectException e) {
      throw missing(set.what(), e, e);
    } catch (IOException e) {
      throw new GitException(set.what() + ": cannot walk the history: " + e.getMessage(), e);
    } catch (SealantException e) {
      throw e;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof MissingObjectException m) { // RevWalkException from the iterator
        throw missing(set.what(), m, e);
      }
      throw new GitException(
          set.what()
              + ": corrupt commit object in the history ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
    return new Listing(ids, newestFirst);
  }

  /**
   * Marks an earlier scan's tips uninteresting and returns the commits to scan again, when every
   * one of its tips is still reachable; otherwise changes nothing and returns none.
   */
  private List<RevCommit> resume(RevWalk rw, ScanCache.Covered earlier) throws IOException {
    List<RevCommit> starts = new ArrayList<>();
    for (ObjectId id : set.include()) {
      commit(rw, id).ifPresent(starts::add);
    }
    List<RevCommit> tips = new ArrayList<>();
    List<RevCommit> again = new ArrayList<>();
    try (RevWalk check = new RevWalk(repo)) {
      check.setRetainBody(false);
      Set<ObjectId> current = new HashSet<>(starts);
      int moved = 0;
      for (ObjectId id : earlier.tips()) {
        if (!isCommit(rw, id)) {
          continue; // a tag of a tree or blob (git's own history has one): it covers no commits
        }
        Optional<RevCommit> c = existing(rw, id);
        if (c.isEmpty()) {
          return List.of();
        }
        if (!current.contains(c.get())) {
          // A branch that moved on (the usual case: its old tip is a few commits below the new one)
          // or went away (then a full scan: what was found below it may no longer be reachable).
          if (++moved > 64 || !reachable(check, c.get(), starts)) {
            return List.of();
          }
        }
        tips.add(c.get());
      }
      for (ObjectId id : earlier.rescan()) {
        Optional<RevCommit> c = existing(rw, id);
        if (c.isEmpty()) {
          return List.of();
        }
        again.add(c.get());
      }
    }
    for (RevCommit t : tips) {
      rw.markUninteresting(t);
    }
    return again;
  }

  private static boolean reachable(RevWalk check, RevCommit base, List<RevCommit> tips)
      throws IOException {
    for (RevCommit t : tips) {
      check.reset();
      if (check.isMergedInto(check.parseCommit(base), check.parseCommit(t))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code id} is, or is a tag that peels to, a commit; true when it is missing. */
  private static boolean isCommit(RevWalk rw, ObjectId id) throws IOException {
    try {
      return rw.peel(rw.parseAny(id)) instanceof RevCommit;
    } catch (MissingObjectException e) {
      return true;
    }
  }

  private static Optional<RevCommit> existing(RevWalk rw, ObjectId id) throws IOException {
    try {
      return Optional.of(rw.parseCommit(id));
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  private static void markStart(RevWalk rw, RevCommit c) {
    try {
      rw.markStart(c);
    } catch (IOException e) {
      throw new GitException("commit " + c.name() + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Optional<RevCommit> commit(RevWalk rw, ObjectId id) throws IOException {
    RevObject o = rw.peel(rw.parseAny(id));
    return o instanceof RevCommit c ? Optional.of(c) : Optional.empty();
  }

  private void warnIfShallow(Sink sink) {
    try {
      Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
      if (!shallow.isEmpty()) {
        sink.warn(
            "shallow clone: history is cut at "
                + shallow.size()
                + " boundary commit"
                + (shallow.size() == 1 ? "" : "s")
                + "; each boundary commit is scanned as if it added its"
                + " whole tree, and older commits are not scanned (run 'git fetch --unshallow' for all of it)");
      }
    } catch (IOException e) {
      sink.warn("cannot read the shallow-clone list: " + e.getMessage());
    }
  }

  @Override
  public String describe() {
    return listed < 0 ? "commits (" + set.what() + ")" : listed + " commits (" + set.what() + ")";
  }
}
