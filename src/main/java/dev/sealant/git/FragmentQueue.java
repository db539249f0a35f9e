package dev.sealant.git;

import dev.sealant.detect.Fragment;
import dev.sealant.source.Sink;
import dev.sealant.source.Skipped;
import dev.sealant.source.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sink that hands each fragment, through a small bounded queue, to {@code threads} threads that
 * pass it on to the real sink (where the detector runs). One thread produces: it reads the history
 * in order, which keeps its caches warm; the others detect. Everything but fragments goes straight
 * through, the target sink being thread-safe.
 */
final class FragmentQueue implements Sink, AutoCloseable {

  private static final Fragment END = new Fragment("", Optional.empty(), 1, "");

  private final Sink target;
  private final BlockingQueue<Fragment> queue;
  private final ExecutorService pool;
  private final List<Future<?>> consumers = new ArrayList<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  FragmentQueue(Sink target, int threads) {
    this.target = target;
    this.queue = new ArrayBlockingQueue<>(64 * threads);
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sealant-detect");
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < threads; i++) {
      consumers.add(pool.submit(this::consume));
    }
  }

  @SuppressWarnings("ReferenceEquality") // END is a marker instance, not a value to compare
  private void consume() {
    try {
      for (Fragment f = queue.take(); f != END; f = queue.take()) {
        target.accept(f);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      throw e;
    }
  }

  @Override
  public void accept(Fragment fragment) {
    offer(fragment);
  }

  private void offer(Fragment f) {
    try {
      while (!queue.offer(f, 20, TimeUnit.MILLISECONDS)) {
        RuntimeException e = failure.get();
        if (e != null) {
          // A detecting thread failed: stop producing; finish() reports its error.
          throw new Stopped(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Waits until every fragment is detected; re-throws what a detecting thread threw. */
  void finish() {
    for (int i = 0; i < consumers.size(); i++) {
      offer(END);
    }
    for (Future<?> f : consumers) {
      Workers.await(f);
    }
  }

  /**
   * Runs {@code produce} into this queue and waits for the detection to finish. A failure of a
   * detecting thread is reported before one it caused in the producer.
   */
  void run(Runnable produce) {
    try {
      produce.run();
    } catch (Stopped s) {
      throw s.cause;
    }
    try {
      finish();
    } catch (Stopped s) {
      throw s.cause;
    }
  }

  @Override
  public void skipped(Skipped s) {
    target.skipped(s);
  }

  @Override
  public void progress(long done, long total) {
    target.progress(done, total);
  }

  @Override
  public void scannedCommit(String id) {
    target.scannedCommit(id);
  }

  @Override
  public void warn(String message) {
    target.warn(message);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** The producer's way out when a detecting thread failed. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial")
    final RuntimeException cause;

    Stopped(RuntimeException cause) {
      super(null, null, false, false);
      this.cause = cause;
    }
  }
}
