package dev.sealant.git;

import dev.sealant.detect.CommitInfo;
import dev.sealant.error.GitException;
import dev.sealant.source.Limits;
import dev.sealant.source.Sink;
import dev.sealant.source.Source;
import dev.sealant.source.Workers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * empty tree) and each scanned once. One thread lists the commit ids (a cheap walk over headers
 * only); then {@code threads} workers, each with its own {@link ObjectReader} and {@link RevWalk},
 * take commits from that list and stream their added lines to the sink. Only the id list is held
 * for the whole scan; diffs are never collected.
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
    List<ObjectId> ids = list();
    listed = ids.size();
    if (ids.isEmpty()) {
      return;
    }
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    HashCache cache = HashCache.forHeap();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    int n = Math.min(threads, ids.size());
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "sealant-git");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < n; w++) {
        futures.add(pool.submit(() -> {
          try {
            work(ids, next, done, seen, sink, failed, cache);
          } catch (RuntimeException e) {
            failed.set(true);
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

  /** One worker: its own reader and walk, commits taken from the shared list until none is left. */
  private void work(List<ObjectId> ids, AtomicInteger next, AtomicInteger done, Set<Long> seen, Sink sink,
      AtomicBoolean failed, HashCache cache) {
    try (ObjectReader reader = repo.newObjectReader(); RevWalk rw = new RevWalk(reader)) {
      ChangeScanner scanner = new ChangeScanner(reader, limits, pathAllowed, seen, sink, cache);
      TreeDiff.Trees trees = tree -> reader.open(tree, Constants.OBJ_TREE).getCachedBytes();
      for (int i = next.getAndIncrement(); i < ids.size() && !failed.get(); i = next.getAndIncrement()) {
        ObjectId id = ids.get(i);
        try {
          diff(rw, trees, scanner, id);
        } catch (MissingObjectException e) {
          throw new GitException("commit " + id.name() + ": missing object " + e.getObjectId().name()
              + " (the repository is corrupt or incomplete)", e);
        } catch (IOException e) {
          throw new GitException("commit " + id.name() + ": cannot read: " + e.getMessage(), e);
        }
        sink.scannedCommit(id.name());
        sink.progress(done.incrementAndGet(), ids.size());
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

  /** The commits to scan, oldest first; tags are peeled and refs to non-commits ignored. */
  private List<ObjectId> list() {
    List<ObjectId> ids = new ArrayList<>();
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
      }
      // Oldest first: a commit's new versions are then usually hashed (and cached) before the
      // next commit to touch the same paths compares against them.
      java.util.Collections.reverse(ids);
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
