package dev.sealant.git;

import dev.sealant.error.GitException;
import dev.sealant.error.UsageException;
import java.io.IOException;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The range a CI pipeline checks, in the clone CI made: the revisions must be there, and the range
 * must not cross a shallow clone's boundary. Each refusal says what to change in the pipeline.
 */
public final class PullRange {

  private PullRange() {}

  /** The commit {@code rev} names, or a usage error saying how to fetch it ({@code which}). */
  public static ObjectId commit(Repository repo, String rev, String which) {
    try {
      ObjectId id = repo.resolve(rev + "^{commit}");
      if (id != null) {
        return id;
      }
    } catch (IOException | RuntimeException e) {
      // reported below with the remedy
    }
    throw new UsageException(
        "the "
            + which
            + " revision '"
            + rev
            + "' is not in this clone. Fetch it: on GitHub"
            + " set 'fetch-depth: 0' on actions/checkout; on GitLab set GIT_DEPTH: \"0\"; elsewhere run"
            + " 'git fetch origin "
            + rev
            + "' (or 'git fetch --unshallow') before 'sealant ci'");
  }

  /**
   * Counts the commits in the range and refuses one that crosses a shallow boundary: the scan would
   * take the boundary commit's whole tree for new and report old secrets as added.
   */
  public static int count(Repository repo, CommitSet set) {
    try (RevWalk walk = new RevWalk(repo)) {
      Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
      for (ObjectId id : set.include()) {
        walk.markStart(walk.parseCommit(id));
      }
      for (ObjectId id : set.exclude()) {
        walk.markUninteresting(walk.parseCommit(id));
      }
      int n = 0;
      for (RevCommit c : walk) {
        n++;
        if (shallow.contains(c) && !set.exclude().isEmpty()) {
          throw new UsageException(
              "the range "
                  + set.what()
                  + " reaches the shallow clone's boundary at "
                  + c.name()
                  + ", so its base history is missing. Fetch more history: on GitHub set 'fetch-depth: 0'"
                  + " on actions/checkout; on GitLab set GIT_DEPTH: \"0\"; elsewhere 'git fetch --unshallow'");
        }
      }
      return n;
    } catch (IOException e) {
      throw new GitException("cannot walk " + set.what() + ": " + e.getMessage(), e);
    }
  }
}
