package io.github.cortexj.core.backend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A receive with the longest wait (20 s) running on its own thread, started only once that thread is actually
 * blocked waiting, so that what the test does next happens during the wait.
 */
final class LongPoll {

  private final CompletableFuture<List<ReceivedMessage>> result = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();
  private volatile long endNanos;

  private LongPoll() {}

  static LongPoll start(QueueBackend backend, String url) throws InterruptedException {
    LongPoll poll = new LongPoll();
    Thread thread =
        new Thread(
            () -> {
              try {
                poll.result.complete(
                    backend.receive(url, new ReceiveRequest(1, Duration.ofSeconds(20), Duration.ofSeconds(30))));
              } catch (RuntimeException e) {
                poll.result.completeExceptionally(e);
              } finally {
                poll.endNanos = System.nanoTime();
              }
            },
            "long-poll");
    thread.setDaemon(true);
    thread.start();
    // Wait (bounded) until the receiver parks on the queue's condition.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread.getState() != Thread.State.TIMED_WAITING && !poll.result.isDone()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the receiver never started waiting");
      }
      Thread.onSpinWait();
    }
    return poll;
  }

  List<ReceivedMessage> result() throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    return result.get(10, TimeUnit.SECONDS);
  }

  Throwable failure() throws InterruptedException, java.util.concurrent.TimeoutException {
    try {
      result.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the receive did not fail");
  }

  Duration elapsed() {
    return Duration.ofNanos(endNanos - startNanos);
  }
}
