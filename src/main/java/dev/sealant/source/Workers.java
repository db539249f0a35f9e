package dev.sealant.source;

import dev.sealant.error.SealantException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on worker tasks, re-throwing what they threw as the caller's own error. */
public final class Workers {

  private Workers() {}

  public static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof SealantException se) {
        throw se;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
