package org.whotakespart.job;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Driver work run on a thread of its own beside the main thread's, for steps that use no Spark job
 * and would otherwise leave a core idle. {@link #join()} returns its result or rethrows its failure
 * as it was; closing without a join (the main thread failed) interrupts it and waits for it to
 * stop, so no file is still being written when the job returns.
 *
 * <pre>{@code
 * try (SideTask<Long> equity = SideTask.start("equity", () -> writeEquity())) {
 *   writeTables();
 *   long rows = equity.join();
 * }
 * }</pre>
 */
final class SideTask<T> implements AutoCloseable {
  private final Thread thread;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private SideTask(String name, Callable<T> work) {
    thread =
        new Thread(
            () -> {
              try {
                result.complete(work.call());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "who-takes-part-" + name);
    thread.setDaemon(true);
  }

  static <T> SideTask<T> start(String name, Callable<T> work) {
    SideTask<T> task = new SideTask<>(name, work);
    task.thread.start();
    return task;
  }

  /** Waits for the work; its exception, if it failed, is thrown here unchanged. */
  T join() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(thread.getName() + " failed: " + cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    if (!result.isDone()) {
      thread.interrupt();
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
