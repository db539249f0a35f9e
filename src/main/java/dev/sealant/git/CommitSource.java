package dev.sealant.git;

import dev.sealant.detect.CommitInfo;
import dev.sealant.error.GitException;
import dev.sealant.source.Limits;
import dev.sealant.source.Sink;
import dev.sealant.source.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The commits of a {@link CommitSet}, each diffed against its parents (a root commit against the
 * empty tree) and each scanned once. One walk over commit headers lists the ids; then one thread
 * reads the history in the order the pack files store it, computes each commit's added lines and
 * hands them, through a {@link FragmentQueue}, to {@code threads} threads that run the detector.
 * Only the id list is held for the whole scan; diffs are never collected.
 *
 * <p>Why one reading thread: reading git objects is cheap when each one is read right after the
 * objects its delta chain runs through, and slow otherwise (a delta chain resolved again for every
 * object). One reader going through the history in pack order keeps its caches ({@link
 * PackReader}, {@link HashCache}) warm; split between threads, each would resolve the others'
 * chains again. Detection, the other half of the work, runs in parallel.
 */
public final class CommitSource implements Source {

  private final Repository repo;
  private final CommitSet set;
  private final Limits limits;
  private final int threads;
  private final Predicate<String> pathAllowed;
  private volatile int listed = -1;

  public CommitSource(Repository repo, CommitSet set, Limits limits, int threads, Predicate<String> pathAllowed) {
    this.repo = repo;
    this.set = set;
    this.limits = limits;
    this.threads = Math.max(1, threads);
    this.pathAllowed = pathAllowed;
  }

  @Override
  public void run(Sink sink) {
    warnIfShallow(sink);
    long heap = Runtime.getRuntime().maxMemory();
    try (PackReader packs = PackReader.of(repo, Math.min(64L << 20, heap / 16))) {
      List<ObjectId> ids = list(packs);
      listed = ids.size();
      if (ids.isEmpty()) {
        return;
      }
      if (threads == 1) {
        read(ids, packs, sink);
        return;
      }
      try (FragmentQueue queue = new FragmentQueue(sink, threads)) {
        queue.run(() -> read(ids, packs, queue));
      }
    }
  }

  /** Diffs the commits in order, sending their added lines to {@code out}. */
  private void read(List<ObjectId> ids, PackReader packs, Sink out) {
    Set<Long> seen = new HashSet<>();
    HashCache cache = HashCache.forHeap();
    try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
      ChangeScanner scanner = new ChangeScanner(reader, Optional.of(packs), limits, pathAllowed, seen, out, cache);
      TreeDiff.Trees trees = tree -> {
        byte[] raw = packs.read(tree, Constants.OBJ_TREE, Integer.MAX_VALUE - 8);
        return raw != null ? raw : reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
      };
      int done = 0;
      for (ObjectId id : ids) {
        try {
          diff(rw, trees, scanner, id);
        } catch (MissingObjectException e) {
          throw new GitException("commit " + id.name() + ": missing object " + e.getObjectId().name()
              + " (the repository is corrupt or incomplete)", e);
        } catch (IOException e) {
          throw new GitException("commit " + id.name() + ": cannot read: " + e.getMessage(), e);
        }
        out.scannedCommit(id.name());
        out.progress(++done, ids.size());
      }
    }
  }

  private static void diff(RevWalk rw, TreeDiff.Trees trees, ChangeScanner scanner, ObjectId id)
      throws IOException {
    RevCommit c = rw.parseCommit(id);
    int parents = c.getParentCount();
    ObjectId[] roots = new ObjectId[Math.max(1, parents) + 1];
    for (int p = 0; p < parents; p++) {
      roots[p] = rw.parseCommit(c.getParent(p)).getTree();
    }
    // A root commit is compared with the empty tree (null).
    roots[roots.length - 1] = c.getTree();
    scanner.scan(TreeDiff.diff(trees, roots), Optional.of(info(c)));
    rw.reset();
  }

  static CommitInfo info(RevCommit c) {
    PersonIdent a = c.getAuthorIdent();
    return new CommitInfo(c.name(), a.getName(), a.getEmailAddress(), a.getWhenAsInstant());
  }

  /**
   * The commits to scan, in the order their objects are stored (see {@link PackOrder}); tags are
   * peeled and refs to non-commits ignored.
   */
  private List<ObjectId> list(PackReader packs) {
    List<ObjectId> ids = new ArrayList<>();
    PackOrder order = new PackOrder(packs);
    try (RevWalk rw = new RevWalk(repo)) {
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
      for (RevCommit c : rw) {
        ids.add(c.copy());
        order.sample(c);
      }
      // The walk gives newest first; oldest first unless the packs store the history the other way.
      if (!order.newestFirst()) {
        java.util.Collections.reverse(ids);
      }
    } catch (MissingObjectException e) {
      throw new GitException(set.what() + ": missing object " + e.getObjectId().name()
          + " (the repository is corrupt or incomplete)", e);
    } catch (IOException e) {
      throw new GitException(set.what() + ": cannot walk the history: " + e.getMessage(), e);
    }
    return ids;
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
        sink.warn("shallow clone: history is cut at " + shallow.size() + " boundary commit"
            + (shallow.size() == 1 ? "" : "s") + "; each boundary commit is scanned as if it added its"
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
