package io.github.cortexj.async.internal.runtime;

import io.github.cortexj.async.AsyncApiDeployment;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.DuplicateRequestIdException;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.payload.PayloadException;
import io.github.cortexj.core.payload.PayloadParser;
import io.github.cortexj.core.spec.AutoscalingSpec;
import io.github.cortexj.core.spec.HandlerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AsyncAPI running in a runtime: its queue, its replicas and their autoscaler, the requests in flight (for
 * timeouts and visibility renewal), and the submit / read / cancel operations on its requests.
 *
 * <p>Thread safe.
 */
public final class AsyncApiRun {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncApiRun.class);

  /**
   * How far a terminal marker's time may lag this runtime's clock: a store such as S3 stamps objects with its own
   * clock.
   */
  static final Duration MARKER_CLOCK_SKEW = Duration.ofMinutes(1);

  private final RuntimeSettings settings;
  private final AsyncApiDeployment deployment;
  private final String queueUrl;
  private final Runnable onRequestEnded;
  private final RequestClaims claims = new RequestClaims();
  private final PayloadParser payloadParser;
  private final ContentTypes contentTypes = new ContentTypes();
  private final MetricsClient handlerMetrics;
  private final List<AsyncReplica> replicas = new CopyOnWriteArrayList<>();
  private final ReplicaAutoscaler autoscaler;
  private final AutoscalingSpec autoscaling;
  private @Nullable Instant nextPurge;
  private volatile boolean closing;

  /**
   * Creates the run of an API whose queue exists; {@link #start()} starts its replicas.
   *
   * @param settings the runtime's settings
   * @param deployment the API
   * @param queueUrl the API's queue
   * @param onRequestEnded called each time a request of this API ends, to wake waiters
   */
  public AsyncApiRun(
      RuntimeSettings settings, AsyncApiDeployment deployment, String queueUrl, Runnable onRequestEnded) {
    this.settings = settings;
    this.deployment = deployment;
    this.queueUrl = queueUrl;
    this.onRequestEnded = onRequestEnded;
    this.payloadParser = new PayloadParser(settings.mapper());
    this.handlerMetrics = MetricsClient.forHandlers(settings.metrics());
    this.autoscaling = Objects.requireNonNull(deployment.spec().autoscaling(), "an AsyncAPI has autoscaling");
    this.autoscaler = new ReplicaAutoscaler(autoscaling, settings.clock().instant());
  }

  /** Returns the API's name. */
  public String name() {
    return deployment.name();
  }

  /** Returns the deployment this run serves. */
  public AsyncApiDeployment deployment() {
    return deployment;
  }

  /** Returns the API's queue URL. */
  public String queueUrl() {
    return queueUrl;
  }

  PayloadParser payloadParser() {
    return payloadParser;
  }

  MetricsClient handlerMetrics() {
    return handlerMetrics;
  }

  @Nullable Duration requestTimeout() {
    HandlerSpec handler = deployment.spec().handler();
    return handler == null ? null : handler.requestTimeout();
  }

  @Nullable Duration requestTtl() {
    HandlerSpec handler = deployment.spec().handler();
    return handler == null ? null : handler.requestTtl();
  }

  /** Starts {@code init_replicas} replicas. */
  public void start() {
    scaleTo(autoscaling.initReplicas());
  }

  /**
   * Returns the number of replicas running and not asked to stop.
   *
   * @return the replica count
   */
  public int replicas() {
    int count = 0;
    for (AsyncReplica replica : replicas) {
      if (!replica.isStopRequested()) {
        count++;
      }
    }
    return count;
  }

  private synchronized void scaleTo(int wanted) {
    if (closing) {
      return;
    }
    int current = replicas();
    for (int i = current; i < wanted; i++) {
      AsyncReplica replica = new AsyncReplica(this, settings);
      replicas.add(replica);
      try {
        settings.executor().execute(replica);
      } catch (RejectedExecutionException e) {
        replicas.remove(replica);
        replica.abandon();
        LOG.error("the executor refused a replica of async api {}", name(), e);
        return;
      }
    }
    if (wanted < current) {
      // Idle replicas stop first; a replica asked to stop finishes the request it holds.
      int toStop = current - wanted;
      for (boolean busy : new boolean[] {false, true}) {
        for (AsyncReplica replica : replicas) {
          if (toStop > 0 && !replica.isStopRequested() && replica.isBusy() == busy) {
            replica.requestStop();
            toStop--;
          }
        }
      }
    }
  }

  void replicaEnded(AsyncReplica replica) {
    replicas.remove(replica);
  }

  /**
   * Stores and queues a request.
   *
   * @param payload the body
   * @param contentType its Content-Type, stored verbatim
   * @param requestId the caller's id, or {@code null} to generate one
   * @return the id
   * @throws PayloadException of kind {@value PayloadException#INVALID_CONTENT_TYPE} when the Content-Type is empty
   *     or not a media type
   */
  public String submit(byte[] payload, String contentType, @Nullable String requestId) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(contentType, "contentType");
    if (contentType.isBlank()) {
      throw new PayloadException(
          PayloadException.INVALID_CONTENT_TYPE, "missing Content-Type: the payload's Content-Type must not be empty");
    }
    // The replica decodes the payload by this value: one that is no media type would only fail the request later.
    contentTypes.check(contentType);
    if (requestId == null) {
      // A fresh id is known to nobody else yet, so nothing can race on it and no stored request can have it (a
      // collision of 74 random bits within one millisecond): checking the store would only cost a listing.
      return store(RequestIds.generate(settings.clock()), payload, contentType);
    }
    String id = RequestIds.validate(requestId);
    return claims.exclusively(
        id,
        () -> {
          if (settings.workloads().exists(name(), id)) {
            throw new DuplicateRequestIdException(name(), id);
          }
          return store(id, payload, contentType);
        });
  }

  /** Stores a new request and queues its id; on a failed send, removes what it stored. */
  private String store(String id, byte[] payload, String contentType) {
    // Unlike Cortex, the in_queue marker is written before the message is sent, so that a replica never takes a
    // request that has no marker yet (which it would read as cancelled).
    settings.workloads().create(name(), id, payload, contentType);
    try {
      settings.queues().send(queueUrl, new OutgoingMessage("request", id, Map.of(), id, id));
    } catch (RuntimeException e) {
      settings.workloads().delete(name(), id); // nothing half-submitted is left behind
      throw e;
    }
    return id;
  }

  /**
   * Reads a request.
   *
   * @param id the id
   * @return the request
   */
  public AsyncResult get(String id) {
    if (!RequestIds.isValid(id)) {
      throw new AsyncRequestNotFoundException(name(), id);
    }
    return settings.workloads().read(name(), id, settings.clock().instant(), settings.retention());
  }

  /**
   * Cancels a request that is still queued: everything stored for it is deleted (its id answers 404), and its
   * message is dropped when a replica receives it.
   *
   * @param id the id
   * @return whether it was cancelled; {@code false} once it is in progress or ended
   */
  public boolean cancel(String id) {
    AsyncResult current = get(id); // 404 for unknown or expired ids
    if (current.status() != AsyncStatus.IN_QUEUE) {
      return false;
    }
    return claims.exclusively(
        id,
        () -> {
          Map<AsyncStatus, ObjectInfo> markers = settings.workloads().markers(name(), id);
          if (claims.isClaimed(id) || WorkloadStore.status(markers).orElse(null) != AsyncStatus.IN_QUEUE) {
            return false;
          }
          settings.workloads().delete(name(), id);
          onRequestEnded.run();
          return true;
        });
  }

  /**
   * Claims a received request for a replica. A request that was cancelled (it has no marker left) or has ended (a
   * delivery after its outcome was recorded) is not claimed and its message is deleted; one another replica here
   * handles is not claimed either, and its message left alone.
   *
   * @return the request's markers when claimed, empty otherwise
   */
  Optional<Map<AsyncStatus, ObjectInfo>> claim(String id, ReceivedMessage message) {
    return claims.<Optional<Map<AsyncStatus, ObjectInfo>>>exclusively(
        id,
        () -> {
          if (claims.isClaimed(id)) {
            return Optional.empty();
          }
          Map<AsyncStatus, ObjectInfo> markers = settings.workloads().markers(name(), id);
          Optional<AsyncStatus> status = WorkloadStore.status(markers);
          if (status.isEmpty() || status.get().isTerminal()) {
            LOG.info("dropping request {}: {}", id, status.isEmpty() ? "it was cancelled" : "it has ended");
            deleteMessage(message);
            return Optional.empty();
          }
          claims.claim(id);
          return Optional.of(markers);
        });
  }

  void releaseClaim(String id) {
    claims.release(id);
  }

  void deleteMessage(ReceivedMessage message) {
    settings.queues().delete(queueUrl, message.receiptHandle());
  }

  /** Makes a received message visible again at once. */
  void release(ReceivedMessage message) {
    try {
      settings.queues().changeVisibility(queueUrl, message.receiptHandle(), Duration.ZERO);
    } catch (BackendException e) {
      LOG.warn("could not release request {} of async api {}: {}", message.body(), name(), e.getMessage());
    }
  }

  void ended() {
    onRequestEnded.run();
  }

  boolean isClosing() {
    return closing;
  }

  /**
   * Does what is due at {@code now}: interrupts requests past their timeout, renews visibilities, scales the
   * replicas, and purges expired requests.
   *
   * @param now the clock's time
   */
  public void tick(Instant now) {
    for (AsyncReplica replica : replicas) {
      InFlightRequest request = replica.inFlight();
      if (request == null) {
        continue;
      }
      request.enforceDeadline(now);
      request.renewIfDue(settings.queues(), now, settings.visibilityTimeout(), settings.renewalPeriod());
    }
    if (closing) {
      return;
    }
    if (autoscaler.isDue(now)) {
      long queueLength = settings.queues().counts(queueUrl).total();
      int current = replicas();
      int wanted = autoscaler.decide(now, queueLength, current);
      if (wanted != current) {
        LOG.info("scaling async api {} from {} to {} replicas (queue length {})", name(), current, wanted,
            queueLength);
        scaleTo(wanted);
      }
    }
    if (nextPurge == null || !now.isBefore(nextPurge)) {
      WorkloadStore.PurgeOutcome outcome = settings.workloads().purgeExpired(name(), now, settings.retention());
      nextPurge = nextPurgeAfter(now, outcome.earliestKeptEnd(), settings.purgePeriod(), settings.retention());
      if (!outcome.purged().isEmpty()) {
        LOG.debug("purged {} expired requests of async api {}", outcome.purged().size(), name());
      }
    }
  }

  /**
   * When the purge after one at {@code now} is due: a purge period later, or, when nothing can expire before
   * then, the first time something can. Nothing the purge kept expires before its earliest end plus the retention,
   * and a request that ends later carries a later terminal-marker time (less {@link #MARKER_CLOCK_SKEW}, for a
   * store whose clock is not this one); so scanning every object of the retention period each period, when none
   * of them can have expired, is skipped. Expired requests are already 404 when read, so this only decides when
   * their objects are deleted.
   *
   * @param now when the purge ran
   * @param earliestKeptEnd the earliest end among the ended requests it kept, {@code null} for none
   * @param period the purge period
   * @param retention the retention
   * @return when the next purge is due
   */
  static Instant nextPurgeAfter(Instant now, @Nullable Instant earliestKeptEnd, Duration period, Duration retention) {
    Instant earliestEnd = now.minus(MARKER_CLOCK_SKEW);
    if (earliestKeptEnd != null && earliestKeptEnd.isBefore(earliestEnd)) {
      earliestEnd = earliestKeptEnd;
    }
    Instant firstExpiry = earliestEnd.plus(retention);
    Instant periodLater = now.plus(period);
    return firstExpiry.isAfter(periodLater) ? firstExpiry : periodLater;
  }

  /** Asks every replica to stop after the request it holds, and stops scaling; {@link #stop} waits for them. */
  public synchronized void requestStop() {
    closing = true;
    replicas.forEach(AsyncReplica::requestStop);
  }

  /**
   * Stops the replicas: each finishes the request it holds; after {@code wait} the ones still running are
   * interrupted, and their requests are left queued to be handled again.
   *
   * @param wait the longest wall time to wait for requests in flight
   * @return whether every replica ended in time
   */
  public boolean stop(Duration wait) {
    requestStop();
    List<AsyncReplica> stopping = new ArrayList<>(replicas);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean clean = true;
    try {
      for (AsyncReplica replica : stopping) {
        if (!replica.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
          clean = false;
        }
      }
      if (!clean) {
        interruptForShutdown(stopping);
        for (AsyncReplica replica : stopping) {
          replica.awaitEnd(Duration.ofSeconds(5));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      interruptForShutdown(stopping);
      clean = false;
    }
    return clean;
  }

  private static void interruptForShutdown(List<AsyncReplica> stopping) {
    for (AsyncReplica replica : stopping) {
      InFlightRequest request = replica.inFlight();
      if (request != null) {
        request.interruptForShutdown();
      }
    }
  }
}
