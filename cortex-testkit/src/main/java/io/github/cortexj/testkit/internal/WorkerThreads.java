package io.github.cortexj.testkit.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the cluster's worker threads and remembers them, so the virtual-time driver can tell whether any is
 * running code (state {@code RUNNABLE}) or all are waiting: handler code that computes holds the clock still,
 * handler code that blocks lets it move.
 *
 * <p>Thread safe.
 */
public final class WorkerThreads implements ThreadFactory {

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

  /**
   * Creates the factory.
   *
   * @param prefix the thread-name prefix
   */
  public WorkerThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
    thread.setDaemon(true);
    threads.add(thread);
    return thread;
  }

  /**
   * Returns whether any live worker thread is running code rather than waiting.
   *
   * @return {@code true} when one is {@code RUNNABLE}
   */
  public boolean anyRunning() {
    for (Thread thread : threads) {
      Thread.State state = thread.getState();
      if (state == Thread.State.TERMINATED) {
        threads.remove(thread);
      } else if (state == Thread.State.RUNNABLE) {
        return true;
      }
    }
    return false;
  }
}
