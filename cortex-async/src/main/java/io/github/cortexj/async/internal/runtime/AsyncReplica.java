package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.AsyncResults;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.backend.StoredObject;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.payload.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica of an AsyncAPI: builds its handler once (with the API's config, not merged with anything), then
 * takes one request at a time from the API's queue and runs Cortex's worker steps (§8.2) on it. A failure of any
 * step after the request was taken stores {@code failed} with the error; the replica never dies from a handler's
 * exception or error (a {@link VirtualMachineError} aside). A handler that cannot be built fails every request
 * with the reason, and is built again after a back-off on the clock.
 *
 * <p>Runs on one thread; {@link #requestStop()} and {@link #awaitEnd} may be called from others.
 */
final class AsyncReplica implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncReplica.class);
  private static final Duration FIRST_BUILD_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BUILD_BACKOFF = Duration.ofMinutes(1);

  private final AsyncApiRun run;
  private final RuntimeSettings settings;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private volatile boolean busy;
  /** The request being handled, for the ticker (timeouts, visibility) and for a shutdown's interrupt. */
  private volatile @Nullable InFlightRequest inFlight;
  private @Nullable AsyncHandler handler;
  private @Nullable HandlerDefinitionException buildFailure;
  private Instant nextBuild = Instant.MIN;
  private Duration buildBackoff = FIRST_BUILD_BACKOFF;

  AsyncReplica(AsyncApiRun run, RuntimeSettings settings) {
    this.run = run;
    this.settings = settings;
  }

  /** Asks the replica to stop once the request at hand, if any, is recorded. */
  void requestStop() {
    stopRequested = true;
  }

  boolean isStopRequested() {
    return stopRequested;
  }

  /** Tells whether the replica is handling a request now. */
  boolean isBusy() {
    return busy;
  }

  /** Returns the request being handled, or {@code null} between requests. */
  @Nullable InFlightRequest inFlight() {
    return inFlight;
  }

  /** Marks the replica ended without running it (its executor refused it). */
  void abandon() {
    ended.countDown();
  }

  boolean awaitEnd(Duration wait) throws InterruptedException {
    return ended.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void run() {
    try {
      if (!stopRequested) {
        try (ReplicaMdc mdc = new ReplicaMdc(run.name())) {
          buildHandler();
          loop(mdc);
        }
      }
    } catch (RuntimeException | Error e) {
      LOG.error("replica of async api {} stopped", run.name(), e);
      throw e;
    } finally {
      ended.countDown();
      run.replicaEnded(this);
    }
  }

  private void loop(ReplicaMdc mdc) {
    String queueUrl = run.queueUrl();
    while (!stopRequested) {
      List<ReceivedMessage> messages;
      try {
        messages =
            settings.queues().receive(queueUrl, ReceiveRequest.one(settings.pollWait(), settings.visibilityTimeout()));
      } catch (BackendException e) {
        if (stopRequested) {
          return;
        }
        LOG.warn("could not receive from the queue of async api {}: {}", run.name(), e.getMessage());
        LockSupport.parkNanos(Math.max(settings.pollWait().toNanos(), TimeUnit.MILLISECONDS.toNanos(10)));
        continue;
      }
      for (ReceivedMessage message : messages) {
        if (stopRequested) {
          run.release(message); // taken while stopping: visible again at once, for another replica or process
        } else {
          busy = true;
          try {
            handle(message, mdc);
          } finally {
            busy = false;
          }
        }
      }
    }
  }

  private void buildHandler() {
    HandlerInit.Builder init =
        HandlerInit.builder()
            .config(run.deployment().spec().config())
            .metrics(run.handlerMetrics())
            .projectFiles(run.deployment().projectFiles())
            .objectMapper(settings.mapper());
    Supplier<CortexClient> client = settings.client();
    if (client != null) {
      init.client(client.get());
    }
    try {
      AsyncHandler built = run.deployment().handlerFactory().create(init.build());
      if (built == null) {
        throw new HandlerDefinitionException(
            HandlerDefinitionException.CONSTRUCTOR_FAILED, "the handler factory returned null");
      }
      handler = built;
      buildFailure = null;
    } catch (Exception e) {
      buildFailure =
          new HandlerDefinitionException(
              HandlerDefinitionException.CONSTRUCTOR_FAILED,
              "the handler of async api " + run.name() + " could not be built: "
                  + (e instanceof HandlerDefinitionException ? e.getMessage() : e.toString()),
              e);
      nextBuild = settings.clock().instant().plus(buildBackoff);
      buildBackoff = buildBackoff.multipliedBy(2).compareTo(MAX_BUILD_BACKOFF) > 0
          ? MAX_BUILD_BACKOFF
          : buildBackoff.multipliedBy(2);
      LOG.error("failed to build the handler of async api {}; every request fails until it builds", run.name(), e);
    }
  }

  private AsyncHandler handler() {
    if (handler == null && !settings.clock().instant().isBefore(nextBuild)) {
      buildHandler();
    }
    AsyncHandler built = handler;
    if (built == null) {
      HandlerDefinitionException failure = buildFailure;
      throw failure != null
          ? failure
          : new HandlerDefinitionException(HandlerDefinitionException.CONSTRUCTOR_FAILED, "no handler was built");
    }
    return built;
  }

  private void handle(ReceivedMessage message, ReplicaMdc mdc) {
    String id = message.body();
    if (!RequestIds.isValid(id)) {
      LOG.warn("dropping a message of async api {} whose body is not a request id", run.name());
      run.deleteMessage(message);
      return;
    }
    mdc.startRequest(id);
    try {
      Optional<Map<AsyncStatus, ObjectInfo>> markers = run.claim(id, message);
      if (markers.isEmpty()) {
        return;
      }
      try {
        handleClaimed(id, message, markers.get());
      } finally {
        run.releaseClaim(id);
      }
    } catch (RuntimeException e) {
      // The store or the queue failed: the message becomes visible again and the request is handled anew.
      LOG.warn("could not finish request {} of async api {}: {}", id, run.name(), e.toString());
    } finally {
      mdc.endRequest();
    }
  }

  private void handleClaimed(String id, ReceivedMessage message, Map<AsyncStatus, ObjectInfo> markers) {
    LOG.info("processing workload...");
    Instant now = settings.clock().instant();
    Duration ttl = run.requestTtl();
    ObjectInfo queued = markers.get(AsyncStatus.IN_QUEUE);
    if (ttl != null && queued != null && now.isAfter(queued.lastModified().plus(ttl))) {
      Duration waited = Duration.between(queued.lastModified(), now);
      fail(id, message, new WorkloadError(
          "expired",
          "request " + id + " waited " + waited + " in the queue, longer than its request_ttl of " + ttl
              + "; it was not handled"));
      return;
    }
    settings.workloads().writeMarker(run.name(), id, AsyncStatus.IN_PROGRESS);
    Duration timeout = run.requestTimeout();
    InFlightRequest request =
        new InFlightRequest(
            id,
            Thread.currentThread(),
            run.queueUrl(),
            message.receiptHandle(),
            now,
            timeout == null ? null : now.plus(timeout));
    inFlight = request;
    byte[] result = null;
    WorkloadError error = null;
    boolean shutdownInterrupt;
    try {
      result = process(id, request);
    } catch (HandlerFailure e) {
      error = WorkloadError.of(e.getCause() == null ? e : e.getCause());
    } catch (CortexException e) {
      error = new WorkloadError(e.kind(), String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      error = WorkloadError.of(e);
    } finally {
      request.finish();
      inFlight = null;
      Thread.interrupted(); // an interrupt meant for this request must not reach the next one
    }
    shutdownInterrupt = request.interruptedForShutdown() && !request.timedOut();
    if (request.timedOut()) {
      error = new WorkloadError(
          "timed_out",
          "request " + id + " did not finish within its request_timeout of " + timeout + "; its handler was"
              + " interrupted");
    } else if (shutdownInterrupt && error != null) {
      // Interrupted because the runtime is closing: nothing is recorded, and the request is handled again.
      LOG.info("request {} was interrupted by shutdown; it stays queued", id);
      run.release(message);
      return;
    }
    if (error != null) {
      LOG.warn("failed to process workload: {}: {}", error.type(), error.message());
      fail(id, message, error);
      return;
    }
    try {
      settings.workloads().writeResult(run.name(), id, java.util.Objects.requireNonNull(result));
      settings.workloads().writeMarker(run.name(), id, AsyncStatus.COMPLETED);
    } catch (CortexException e) {
      fail(id, message, new WorkloadError(e.kind(), String.valueOf(e.getMessage())));
      return;
    }
    settings.workloads().deletePayload(run.name(), id);
    LOG.info("workload processing complete");
    run.deleteMessage(message);
    run.ended();
  }

  private byte[] process(String id, InFlightRequest request) {
    StoredObject stored =
        settings
            .workloads()
            .payload(run.name(), id)
            .orElseThrow(
                () ->
                    new CortexException(
                        "async.payload_missing", "the payload of request " + id + " is missing from the store"));
    Payload payload = run.payloadParser().parse(stored.content(), stored.info().contentType());
    AsyncHandler built = handler();
    AsyncContext.Builder context =
        AsyncContext.builder()
            .apiName(run.name())
            .requestId(id)
            .deadline(request.deadline())
            .metrics(run.handlerMetrics())
            .projectFiles(run.deployment().projectFiles());
    Supplier<CortexClient> client = settings.client();
    if (client != null) {
      context.client(client.get());
    }
    Object value;
    try {
      value = built.handleAsync(payload, context.build());
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // NOPMD: a handler's failure of any kind fails the request, never the replica
      throw new HandlerFailure(e);
    }
    return AsyncResults.toJsonObjectBytes(value, settings.mapper());
  }

  private void fail(String id, ReceivedMessage message, WorkloadError error) {
    settings.workloads().writeError(run.name(), id, error);
    settings.workloads().writeMarker(run.name(), id, AsyncStatus.FAILED);
    settings.workloads().deletePayload(run.name(), id);
    run.deleteMessage(message);
    run.ended();
  }

  /** Carries what a handler threw, to tell it apart from the runtime's own failures. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(Throwable cause) {
      super(cause.toString(), cause, false, false);
    }
  }
}
