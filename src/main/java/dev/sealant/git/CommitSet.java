package dev.sealant.git;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Which commits to scan, as git's revision syntax would say it: reachable from any of {@code
 * include} and from none of {@code exclude}.
 *
 * @param what describes the set for messages, e.g. "origin/main..HEAD"
 */
public record CommitSet(List<ObjectId> include, List<ObjectId> exclude, String what) {

  public CommitSet {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }
}
