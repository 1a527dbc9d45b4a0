package io.github.cortexj.server.internal.cli;

import io.github.cortexj.async.AsyncGateway;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueNames;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.CortexYaml;
import io.github.cortexj.server.CortexCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code cortex serve [CONFIG] [--port N] [--bind ADDR] [--classpath PATH]}: deploys every API of a cortex.yaml
 * project on an embedded cluster and serves its AsyncAPIs over HTTP until SIGTERM or SIGINT.
 *
 * <p>The first line on stdout is the gateway's URL (so that a script can start it on port 0 and read where it
 * listens); log lines follow on stdout. On SIGTERM or SIGINT the gateway stops taking requests and lets the ones
 * being handled finish, then the cluster closes, and the command exits with 0.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Deploy every API of a cortex.yaml project on an embedded cluster and serve its AsyncAPIs over HTTP:",
      "POST <url>/<endpoint> creates a workload, GET <url>/<endpoint>/<id> reads it, GET <url>/healthz answers ok.",
      "Prints the URL on the first line of stdout, then logs; stops gracefully on SIGTERM or SIGINT."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped by SIGTERM or SIGINT",
      "1:the project could not be deployed or the address bound",
      "2:wrong usage"
    })
public final class ServeCommand extends CliCommand {

  private static final String LOGGER_PREFIX = "org.slf4j.simpleLogger.";

  /** The name of the embedded cluster, which its queue names derive from. */
  private static final String CLUSTER_NAME = "embedded";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CONFIG",
      defaultValue = DEFAULT_CONFIG,
      description = "The API configuration file (default: ${DEFAULT-VALUE} in the working directory).")
  String config = DEFAULT_CONFIG;

  int port = 8888;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind = "127.0.0.1";

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description =
          "Directories and jars holding the handler classes, separated by '${sys:path.separator}' (default: the"
              + " command's own class path).")
  @Nullable String classpath;

  @ParentCommand @Nullable CortexCommand root;

  /** Creates the command; picocli fills in its arguments. */
  public ServeCommand() {}

  /**
   * Sets the port, refusing one out of range as wrong usage (exit code 2) before anything is deployed.
   *
   * @param port 0 to 65535
   */
  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8888",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}, as Cortex's gateway).")
  void port(int port) {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          commandSpec().commandLine(),
          "Invalid value for option '--port': " + port + " is not a port (0 to 65535; 0 picks a free one)");
    }
    this.port = port;
  }

  @Override
  Path workingDirectory() {
    return injected(root, "root command").workingDirectory();
  }

  @Override
  int execute() throws Exception {
    logToStdoutUnlessConfigured();
    Path configFile = resolveConfig(config);
    List<ApiSpec> specs = CortexYaml.parse(configFile);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader handlers =
        HandlerClassPath.loader(
            classpath == null ? "" : classpath, workingDirectory(), ServeCommand.class.getClassLoader())) {
      Thread.currentThread().setContextClassLoader(handlers);
      try (ServedCluster served = start(configFile)) {
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        log.info("serving config={} apis={} url={}", configFile, specs.size(), served.gateway().uri());
        for (ApiSpec spec : specs) {
          if (spec.kind() == ApiKind.ASYNC_API) {
            log.info("api={} kind={} url={}{}", spec.name(), spec.kind(), served.gateway().uri(),
                spec.networking().endpoint());
          } else {
            log.info("api={} kind={} (deployed; not served over HTTP)", spec.name(), spec.kind());
          }
        }
        ShutdownSignal signal = new ShutdownSignal().install();
        Thread hook = new Thread(served::close, "cortex-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        signal.await();
        served.close();
        removeHook(hook);
        log.info("stopped");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    return 0;
  }

  /**
   * Deploys the project and starts the gateway, holding back what is logged meanwhile so that the URL is the first
   * line on stdout.
   */
  private ServedCluster start(Path configFile) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream held = new ByteArrayOutputStream();
    @Nullable EmbeddedCortexClient client = null;
    @Nullable ServedCluster served = null;
    System.setOut(new PrintStream(held, true, StandardCharsets.UTF_8));
    try {
      InMemoryQueueBackend queues = new InMemoryQueueBackend();
      client = EmbeddedCortexClient.builder().queueBackend(queues).clusterName(CLUSTER_NAME).build();
      client.createApi(configFile);
      AsyncGateway gateway = AsyncGateway.builder(client).bindAddress(bind).port(port).build().start();
      served = new ServedCluster(gateway, client, queues);
      return served;
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      throw e;
    } finally {
      System.setOut(stdout);
      if (served != null) {
        out().println(served.gateway().uri());
        out().flush();
      }
      stdout.write(held.toByteArray(), 0, held.size());
      stdout.flush();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the JVM is exiting: the hook has run or runs, and closing twice is harmless
    }
  }

  /**
   * Sends slf4j-simple's lines (the shaded jar's logging backend) to stdout with an ISO timestamp, unless the user
   * set these properties; another backend ignores them.
   */
  private static void logToStdoutUnlessConfigured() {
    setUnlessSet("logFile", "System.out");
    setUnlessSet("showDateTime", "true");
    setUnlessSet("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setUnlessSet("showShortLogName", "true");
  }

  private static void setUnlessSet(String key, String value) {
    if (System.getProperty(LOGGER_PREFIX + key) == null) {
      System.setProperty(LOGGER_PREFIX + key, value);
    }
  }

  /**
   * The gateway and the cluster it serves, closed once and in that order. The cluster's queues are in memory, so
   * the requests still queued when it closes are lost: closing says so, per API. Thread safe.
   */
  private static final class ServedCluster implements AutoCloseable {
    private final AsyncGateway gateway;
    private final EmbeddedCortexClient client;
    private final QueueBackend queues;
    private boolean closed;

    ServedCluster(AsyncGateway gateway, EmbeddedCortexClient client, QueueBackend queues) {
      this.gateway = gateway;
      this.client = client;
      this.queues = queues;
    }

    AsyncGateway gateway() {
      return gateway;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      Logger log = LoggerFactory.getLogger(ServeCommand.class);
      gateway.close();
      log.info("gateway closed");
      warnOfQueuedRequests(log);
      client.close();
      log.info("cluster closed");
    }

    /** Logs, per AsyncAPI, how many accepted requests no replica has taken yet: they end with the process. */
    private void warnOfQueuedRequests(Logger log) {
      try {
        for (ApiInfo api : client.listApis()) {
          if (api.spec().kind() != ApiKind.ASYNC_API) {
            continue;
          }
          Optional<String> queue = queues.queueUrl(QueueNames.asyncQueue(CLUSTER_NAME, api.name(), api.apiId()));
          long queued = queue.isEmpty() ? 0 : queues.counts(queue.get()).visible();
          if (queued > 0) {
            log.warn("api={}: {} queued request(s) are dropped: cortex serve keeps its queues in memory", api.name(),
                queued);
          }
        }
      } catch (RuntimeException e) {
        log.warn("could not count the queued requests: {}", e.toString());
      }
    }
  }
}
