package dev.sealant.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Where the rewrite a blocked push needs starts: of the commits that added secrets, the one every
 * other descends from (else the one committed first). A secret in a commit already made stays in
 * the push until that commit is rewritten.
 *
 * @param id the commit's full id
 * @param subject its message's first line
 * @param root whether it has no parent (a rebase then starts at {@code --root})
 * @param tip whether it is a tip being pushed (an amend suffices when it is the only one)
 */
public record Rewrite(String id, String subject, boolean root, boolean tip) {

  /** For a pre-push hook: the tip is the local HEAD. */
  public static Optional<Rewrite> forPush(Repository repo, Collection<String> ids) {
    return of(repo, ids, head(repo));
  }

  /** For a pre-receive hook: the tips are the pushed refs' new values. */
  public static Optional<Rewrite> forReceive(
      Repository repo, CommitSet pushed, Collection<String> ids) {
    return of(repo, ids, pushed.include());
  }

  private static Optional<Rewrite> of(
      Repository repo, Collection<String> ids, List<ObjectId> tips) {
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return oldest(repo, ids)
        .map(
            c ->
                new Rewrite(
                    c.name(),
                    c.getShortMessage(),
                    c.getParentCount() == 0,
                    tips.contains(c.getId())));
  }

  /** The commit that every other one descends from, else the one committed first. */
  private static Optional<RevCommit> oldest(Repository repo, Collection<String> ids) {
    try (RevWalk walk = new RevWalk(repo)) {
      List<RevCommit> commits = new ArrayList<>();
      for (String id : ids) {
        commits.add(walk.parseCommit(ObjectId.fromString(id)));
      }
      for (RevCommit c : commits) {
        boolean ancestorOfAll = true;
        for (RevCommit d : commits) {
          if (!d.equals(c) && !walk.isMergedInto(c, d)) {
            ancestorOfAll = false;
            break;
          }
        }
        if (ancestorOfAll) {
          return Optional.of(c);
        }
      }
      return commits.stream().min(Comparator.comparingInt(RevCommit::getCommitTime));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<ObjectId> head(Repository repo) {
    try {
      return Optional.ofNullable(repo.resolve("HEAD")).stream().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
