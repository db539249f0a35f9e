package dev.sealant.git;

/**
 * Claims in the order of a commit list, whatever order the workers get there in: two commits that
 * make the same change (a cherry-pick, one patch applied on two branches) report it at the commit
 * listed first, as a one-thread scan does. A worker claims its commit's changes only once every
 * commit listed before it has claimed its own (right after its tree comparison, before any blob is
 * read, so the wait is short), and passes its turn when it has none.
 */
final class Turns {

  private final LongSet seen = new LongSet();

  /** The listing index whose turn it is: every commit before it has claimed its changes. */
  private int turn;

  private boolean abandoned;

  /** The claims of the commit at listing index {@code index} (claimed at most once). */
  Claims at(int index) {
    return keys -> {
      synchronized (this) {
        awaitTurn(index);
        boolean[] mine = Claims.unordered(seen).claim(keys);
        pass(index);
        return mine;
      }
    };
  }

  /**
   * Ends the turn of the commit at {@code index} if it claimed nothing (waiting for it first), so
   * the commits after it go on. Called once its scan is over, whether it claimed or not.
   */
  synchronized void done(int index) {
    awaitTurn(index);
    pass(index);
  }

  /** A worker failed: nobody waits for a turn again. */
  synchronized void abandon() {
    abandoned = true;
    notifyAll();
  }

  private void awaitTurn(int index) {
    while (turn < index && !abandoned) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for an earlier commit", e);
      }
    }
  }

  private void pass(int index) {
    if (turn == index) {
      turn = index + 1;
      notifyAll();
    }
  }
}
