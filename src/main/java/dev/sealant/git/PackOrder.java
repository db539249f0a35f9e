package dev.sealant.git;

import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Which way through the history reads the packs forwards. A delta's base is always stored before
 * it, and {@link PackReader} (like JGit) resolves an object cheaply when the objects before it in
 * its chain were read just before it. Git writes packs newest first, with a file's newer versions
 * as bases of its older ones, so a newest-first scan reads them in order; {@code git fast-import}
 * (and repositories converted from other systems with it, until an aggressive repack) stores them
 * oldest first. This decides by comparing where the root trees of sampled commits and of their
 * parents are stored.
 */
final class PackOrder {

  private static final int SAMPLES = 512;

  private final PackReader packs;
  private int forwards;
  private int backwards;

  PackOrder(PackReader packs) {
    this.packs = packs;
  }

  /** Looks at one commit with its first parent (both parsed, as a revision walk leaves them). */
  void sample(RevCommit c) {
    if (forwards + backwards >= SAMPLES || c.getParentCount() == 0) {
      return;
    }
    RevCommit parent = c.getParent(0);
    if (c.getTree() == null || parent.getTree() == null) {
      return;
    }
    long child = packs.position(c.getTree());
    long old = packs.position(parent.getTree());
    if (child < 0 || old < 0 || child == old || (child >>> 48) != (old >>> 48)) {
      return;
    }
    if (child > old) {
      forwards++;
    } else {
      backwards++;
    }
  }

  /** True when commits' trees are mostly stored after their children's (git's own order). */
  boolean newestFirst() {
    return backwards > forwards;
  }
}
