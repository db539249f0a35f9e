package dev.sealant.git;

import dev.sealant.error.GitException;
import dev.sealant.error.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** Builds the {@link CommitSet} of each scan mode from a repository and the user's revisions. */
public final class CommitSets {

  private CommitSets() {}

  /** Every commit of every branch, tag and remote-tracking ref, and HEAD; the stash on request. */
  public static CommitSet all(Repository repo, boolean includeStash) {
    return new CommitSet(refs(repo, includeStash), List.of(), "all refs");
  }

  /**
   * {@code A..B}: reachable from B and not from A (what a pull request from B into A adds); a
   * single revision means everything reachable from it.
   */
  public static CommitSet range(Repository repo, String range) {
    int dots = range.indexOf("..");
    if (range.contains("...")) {
      throw new UsageException(
          "--range " + range + ": use A..B (the symmetric A...B is not supported)");
    }
    if (dots < 0) {
      return new CommitSet(List.of(resolve(repo, range)), List.of(), range);
    }
    String from = range.substring(0, dots);
    String to = range.substring(dots + 2);
    return new CommitSet(
        List.of(resolve(repo, to.isEmpty() ? "HEAD" : to)),
        List.of(resolve(repo, from.isEmpty() ? "HEAD" : from)),
        range);
  }

  /** Every commit of every ref (as a full-history scan) that is not reachable from {@code rev}. */
  public static CommitSet since(Repository repo, String rev, boolean includeStash) {
    return new CommitSet(refs(repo, includeStash), List.of(resolve(repo, rev)), "since " + rev);
  }

  /** The object a revision names, or a clear error naming the revision. */
  public static ObjectId resolve(Repository repo, String rev) {
    try {
      ObjectId id = repo.resolve(rev);
      if (id == null) {
        // A revision that names nothing is a mistyped argument (exit 2), not a broken repository.
        throw new UsageException(
            "revision '" + rev + "' does not resolve in " + repo.getDirectory());
      }
      return id;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UsageException u) {
        throw u;
      }
      throw new GitException("revision '" + rev + "' cannot be resolved: " + e.getMessage(), e);
    }
  }

  /** The objects the refs point at (HEAD included); refs/stash only when asked. */
  static List<ObjectId> refs(Repository repo, boolean includeStash) {
    return refs(repo, "", includeStash);
  }

  static List<ObjectId> refs(Repository repo, String prefix, boolean includeStash) {
    List<ObjectId> ids = new ArrayList<>();
    try {
      for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
        if (!includeStash && r.getName().equals(Constants.R_STASH)) {
          continue;
        }
        if (r.getObjectId() != null) {
          ids.add(r.getObjectId());
        }
      }
      if (prefix.isEmpty()) {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.getObjectId() != null) {
          ids.add(head.getObjectId());
        }
      }
    } catch (IOException e) {
      throw new GitException(
          "cannot read the refs of " + repo.getDirectory() + ": " + e.getMessage(), e);
    }
    return ids;
  }
}
