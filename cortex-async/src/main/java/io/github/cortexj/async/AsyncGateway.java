package io.github.cortexj.async;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.cortexj.async.internal.gateway.GatewayHandler;
import io.github.cortexj.async.internal.gateway.GatewayUri;
import io.github.cortexj.async.internal.gateway.InFlightRequests;
import io.github.cortexj.async.internal.gateway.TcpNoDelay;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cortex's async gateway over HTTP: serves every AsyncAPI of a cluster at its endpoint ({@code networking.endpoint},
 * {@code /<name>} by default), as Cortex's gateway and ingress do together.
 *
 * <ul>
 *   <li>{@code POST /<endpoint>} creates a workload from the body and its {@code Content-Type} (required), under
 *       the id of the {@code x-request-id} header (optional: 1 to 128 characters of {@code [A-Za-z0-9._-]}; a UUID
 *       otherwise) and answers {@code {"id":"<id>"}}. A known id is refused with 409, a body over the limit with
 *       413.
 *   <li>{@code GET /<endpoint>/<id>} answers the workload's status, and its result or error once it has ended
 *       ({@link io.github.cortexj.core.job.AsyncResult} as JSON); an unknown id is 404 {@code error: id <id> not
 *       found}. {@code HEAD} answers as {@code GET} without the body.
 *   <li>{@code /healthz} answers {@code ok} to any method; {@code OPTIONS} is a CORS preflight answered with
 *       Cortex's policy; other methods get 405 with {@code Allow}, other paths 404.
 * </ul>
 *
 * <pre>{@code
 * try (AsyncGateway gateway = AsyncGateway.builder(cortex).port(8888).build().start()) {
 *   System.out.println(gateway.uri()); // http://127.0.0.1:8888
 *   ...
 * }
 * }</pre>
 *
 * <p>The gateway talks to the cluster only through {@link CortexClient}, so it serves an embedded cluster or any
 * other implementation alike. It reads the deployed APIs when a path matches none of the endpoints it knows (so an
 * API deployed a moment ago is served at once) and at most every {@linkplain Builder#routeRefreshInterval refresh
 * interval} otherwise.
 *
 * <p>It runs on the JDK's {@code com.sun.net.httpserver} with a bounded pool of threads. Before creating its server
 * it sets the system property {@code sun.net.httpserver.nodelay} to {@code true} unless it is set: without
 * TCP_NODELAY every small answer waits about 40 ms on Linux. The JDK reads that property once, so an application
 * that creates another {@code HttpServer} first should set it itself.
 *
 * <p>Thread safe. {@link #close()} is graceful: no new request is taken, the ones being handled finish (within the
 * {@linkplain Builder#shutdownTimeout shutdown timeout}), then the server and the threads it created stop; the
 * client is left open.
 */
public final class AsyncGateway implements AutoCloseable {

  /** The largest request body accepted by default: 32 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;

  /** The kind of the {@link CortexException} thrown when the gateway cannot listen on its address. */
  public static final String BIND_FAILED_KIND = "async.gateway_bind_failed";

  private static final Logger LOG = LoggerFactory.getLogger(AsyncGateway.class);

  private final CortexClient client;
  private final String bindAddress;
  private final int port;
  private final long maxBodyBytes;
  private final int threads;
  private final @Nullable ExecutorService userExecutor;
  private final Duration shutdownTimeout;
  private final Duration routeRefreshInterval;
  private final Clock clock;
  private final InFlightRequests inFlight = new InFlightRequests();
  private final Object lifecycle = new Object();
  private @Nullable HttpServer server;
  private @Nullable InetAddress requestedAddress;
  private @Nullable ExecutorService ownedExecutor;
  private boolean closed;

  private AsyncGateway(Builder builder) {
    this.client = builder.client;
    this.bindAddress = builder.bindAddress;
    this.port = builder.port;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.threads = builder.threads;
    this.userExecutor = builder.executor;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.routeRefreshInterval = builder.routeRefreshInterval;
    this.clock = builder.clock;
  }

  /**
   * Starts a builder for a gateway over a cluster.
   *
   * @param client the cluster whose AsyncAPIs to serve
   * @return a new builder
   */
  public static Builder builder(CortexClient client) {
    return new Builder(client);
  }

  /**
   * Binds the address and starts serving.
   *
   * @return this gateway
   * @throws CortexException of kind {@value #BIND_FAILED_KIND}, naming the address, when it cannot be bound
   * @throws IllegalStateException when the gateway was started or closed before
   */
  public AsyncGateway start() {
    synchronized (lifecycle) {
      if (server != null || closed) {
        throw new IllegalStateException("the async gateway can be started once (it was started or closed)");
      }
      TcpNoDelay.enableUnlessSet();
      HttpServer created;
      try {
        requestedAddress = InetAddress.getByName(bindAddress);
        created = HttpServer.create(new InetSocketAddress(requestedAddress, port), 0);
      } catch (IOException e) {
        throw new CortexException(
            BIND_FAILED_KIND,
            "cannot listen on " + bindAddress + ":" + port + " for the async gateway: " + e.getMessage(),
            e);
      }
      ExecutorService executor = userExecutor;
      if (executor == null) {
        ownedExecutor = newPool(threads);
        executor = ownedExecutor;
      }
      created.setExecutor(executor);
      created.createContext(
          "/",
          new GatewayHandler(client, clock, routeRefreshInterval, maxBodyBytes, inFlight, new ObjectMapper()));
      created.start();
      server = created;
      LOG.info("async gateway listening on {} for {}", uri(), client.describe());
      return this;
    }
  }

  /**
   * Returns the URL the gateway answers at, with the port it bound (useful with port 0), for example
   * {@code http://127.0.0.1:8888}; an API's endpoint is appended to it.
   *
   * @return the URL, without a trailing {@code /}
   * @throws IllegalStateException before {@link #start()}
   */
  public URI uri() {
    synchronized (lifecycle) {
      if (server == null || requestedAddress == null) {
        throw new IllegalStateException("the async gateway is not started");
      }
      return GatewayUri.of(requestedAddress, server.getAddress());
    }
  }

  /**
   * Returns the port the gateway listens on.
   *
   * @return the bound port
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    return boundAddress().getPort();
  }

  private InetSocketAddress boundAddress() {
    synchronized (lifecycle) {
      if (server == null) {
        throw new IllegalStateException("the async gateway is not started");
      }
      return server.getAddress();
    }
  }

  /**
   * Stops the gateway gracefully: requests that arrive from now on get 503, the ones being handled finish (waiting
   * at most the shutdown timeout), then the listener and every connection close and the threads the gateway created
   * stop. Calling it again does nothing.
   */
  @Override
  public void close() {
    HttpServer running;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      running = server;
    }
    if (running == null) {
      return;
    }
    boolean interrupted = false;
    try {
      if (!inFlight.closeAndAwait(shutdownTimeout)) {
        LOG.warn("async gateway: {} request(s) still running after {}; closing anyway", inFlight.size(),
            shutdownTimeout);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    running.stop(0);
    ExecutorService owned = ownedExecutor;
    if (owned != null) {
      owned.shutdown();
      try {
        if (!owned.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          owned.shutdownNow();
        }
      } catch (InterruptedException e) {
        owned.shutdownNow();
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    LOG.info("async gateway stopped");
  }

  private static ExecutorService newPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "cortex-gateway-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    // Bounded threads and a bounded backlog: a flood is refused (the JDK closes the connection) rather than queued
    // without end.
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1024, threads * 256)),
        factory);
  }

  /**
   * Configures an {@link AsyncGateway}. Not thread safe; {@link #build()} validates and copies the settings.
   */
  public static final class Builder {

    private final CortexClient client;
    private String bindAddress = "127.0.0.1";
    private int port;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private @Nullable ExecutorService executor;
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private Duration routeRefreshInterval = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();

    private Builder(CortexClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Sets the address to listen on (default {@code 127.0.0.1}: only this machine can connect).
     *
     * @param address a host name or IP address, for example {@code 0.0.0.0} for every interface
     * @return this builder
     */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the port (default 0: any free port; {@link AsyncGateway#uri()} tells which). Cortex's gateway uses 8888.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535 (got " + port + ")");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the largest request body accepted (default {@value AsyncGateway#DEFAULT_MAX_BODY_BYTES} bytes, 32 MiB);
     * a larger one is answered with 413 without being read. Cortex's gateway has no limit.
     *
     * @param bytes 0 to {@code Integer.MAX_VALUE - 8}
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxBodyBytes must be between 0 and " + (Integer.MAX_VALUE - 8) + " (got " + bytes + ")");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Sets how many threads handle requests (default: the number of processors, at least 2). Ignored when an
     * {@link #executor(ExecutorService)} is given.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Hands the requests to an executor of the caller's instead of a pool of the gateway's own; the gateway never
     * shuts it down. It should be bounded.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how long {@link AsyncGateway#close()} lets the requests being handled finish (default 30 seconds).
     *
     * @param timeout zero or more
     * @return this builder
     */
    public Builder shutdownTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("shutdownTimeout must not be negative (got " + timeout + ")");
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * Sets how long the table of endpoints read from {@link CortexClient#listApis()} is reused (default 1 second):
     * within it, a changed endpoint or a deleted API may still be looked up at its old endpoint. A path no known
     * endpoint matches always reads the APIs again.
     *
     * @param interval zero or more
     * @return this builder
     */
    public Builder routeRefreshInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("routeRefreshInterval must not be negative (got " + interval + ")");
      }
      this.routeRefreshInterval = interval;
      return this;
    }

    /**
     * Sets the clock that tells when the table of endpoints is due for a refresh (default the system's UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the gateway; {@link AsyncGateway#start()} makes it listen.
     *
     * @return a gateway, not started
     * @throws CortexException of kind {@value AsyncGateway#BIND_FAILED_KIND} when the bind address is not a known
     *     host
     */
    public AsyncGateway build() {
      try {
        InetAddress.getByName(bindAddress);
      } catch (UnknownHostException e) {
        throw new CortexException(
            BIND_FAILED_KIND, "unknown bind address for the async gateway: " + bindAddress, e);
      }
      return new AsyncGateway(this);
    }
  }
}
