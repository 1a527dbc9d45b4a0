package io.github.cortexj.testkit;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.spec.ApiSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.jspecify.annotations.Nullable;

/**
 * A JUnit 5 extension that gives each test (or each test class) a {@link CortexTestCluster} with its APIs
 * deployed, injects it, its {@link CortexClient}, {@link ManualClock}, {@link RecordingMetricsClient} and
 * {@link Faults} as parameters of test and lifecycle methods, closes it afterwards, and prints its
 * {@linkplain CortexTestCluster#timeline() timeline} when a test fails.
 *
 * <pre>{@code
 * class ReviewJobTest {
 *   @RegisterExtension
 *   final CortexTestExtension cortex = CortexTestExtension.newBuilder()
 *       .deploy(Path.of("quickstart/cortex.yaml"))
 *       .build();
 *
 *   @Test
 *   void scoresEveryReview(CortexTestCluster cluster, CortexClient client) {
 *     JobSpec job = client.submitJob("reviews", JobSubmission.items(reviews).batchSize(10).build());
 *     cluster.assertThatJob("reviews", job.jobId()).succeeded();
 *   }
 * }
 * }</pre>
 *
 * <p>Register it on an instance field for a cluster per test ({@link Lifecycle#PER_TEST}, the default), or on a
 * static field with {@link Builder#perClass()} for one cluster shared by the class's tests. Immutable once built;
 * the clusters live in JUnit's extension-context stores, so parallel tests each get their own.
 */
public final class CortexTestExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver,
        TestExecutionExceptionHandler {

  /** How long a cluster lives. */
  public enum Lifecycle {
    /** A new cluster for every test method. */
    PER_TEST,
    /** One cluster for all the tests of a class; register the extension on a static field. */
    PER_CLASS
  }

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CortexTestExtension.class);
  private static final String KEY = "cluster";

  private final TestClusterOptions options;
  private final List<Consumer<CortexTestCluster>> deployments;
  private final Lifecycle lifecycle;
  private final PrintStream diagnostics;

  private CortexTestExtension(Builder builder) {
    this.options = builder.options;
    this.deployments = List.copyOf(builder.deployments);
    this.lifecycle = builder.lifecycle;
    this.diagnostics = builder.diagnostics == null ? System.err : builder.diagnostics;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (lifecycle == Lifecycle.PER_CLASS) {
      context.getStore(NAMESPACE).put(KEY, start());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (lifecycle == Lifecycle.PER_TEST) {
      context.getStore(NAMESPACE).put(KEY, start());
    }
  }

  private CortexTestCluster start() {
    CortexTestCluster cluster = CortexTestCluster.newInstance(options);
    try {
      for (Consumer<CortexTestCluster> deployment : deployments) {
        deployment.accept(cluster);
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (lifecycle == Lifecycle.PER_TEST) {
      close(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (lifecycle == Lifecycle.PER_CLASS) {
      close(context);
    }
  }

  private static void close(ExtensionContext context) {
    CortexTestCluster cluster = context.getStore(NAMESPACE).remove(KEY, CortexTestCluster.class);
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Returns the cluster of the current test (or class), for code that has the extension context.
   *
   * @param context the test's extension context
   * @return the cluster
   * @throws IllegalStateException when the extension has started none
   */
  public CortexTestCluster cluster(ExtensionContext context) {
    CortexTestCluster cluster = find(context);
    if (cluster == null) {
      throw new IllegalStateException(
          "CortexTestExtension has no cluster for " + context.getDisplayName() + " (" + lifecycle
              + "): is the extension registered with @RegisterExtension"
              + (lifecycle == Lifecycle.PER_CLASS ? " on a static field" : "") + "?");
    }
    return cluster;
  }

  private static @Nullable CortexTestCluster find(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(KEY, CortexTestCluster.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CortexTestCluster.class
        || type == CortexClient.class
        || type == ManualClock.class
        || type == RecordingMetricsClient.class
        || type == Faults.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CortexTestCluster cluster;
    try {
      cluster = cluster(context);
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == CortexClient.class) {
      return cluster.client();
    }
    if (type == ManualClock.class) {
      return cluster.clock();
    }
    if (type == RecordingMetricsClient.class) {
      return cluster.metrics();
    }
    if (type == Faults.class) {
      return cluster.faults();
    }
    return cluster;
  }

  /** Prints the cluster's timeline, then lets the failure go on. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    CortexTestCluster cluster = find(context);
    if (cluster != null) {
      String timeline;
      try {
        timeline = cluster.timeline();
      } catch (RuntimeException e) {
        timeline = "(the timeline could not be rendered: " + e + ")";
      }
      diagnostics.println("CortexTestExtension: " + context.getDisplayName() + " failed with " + failure
          + "\n" + timeline);
      diagnostics.flush();
    }
    throw failure;
  }

  @Override
  public String toString() {
    return "CortexTestExtension[" + lifecycle + ", " + deployments.size() + " deployments, " + options + "]";
  }

  /** Builds a {@link CortexTestExtension}. Not thread safe. */
  public static final class Builder {
    private TestClusterOptions options = TestClusterOptions.getDefaultInstance();
    private final List<Consumer<CortexTestCluster>> deployments = new ArrayList<>();
    private Lifecycle lifecycle = Lifecycle.PER_TEST;
    private @Nullable PrintStream diagnostics;

    private Builder() {}

    /**
     * Sets the options of every cluster (default {@link TestClusterOptions#getDefaultInstance()}).
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(TestClusterOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Deploys every API of a cortex.yaml project into each cluster.
     *
     * @param cortexYaml the file, relative to the working directory (the module's directory under Maven)
     * @return this builder
     */
    public Builder deploy(Path cortexYaml) {
      Objects.requireNonNull(cortexYaml, "cortexYaml");
      deployments.add(cluster -> cluster.deploy(cortexYaml));
      return this;
    }

    /**
     * Deploys an API whose handler class is built by constructor injection into each cluster.
     *
     * @param spec the API's spec
     * @param handlerClass the handler class
     * @return this builder
     */
    public Builder deploy(ApiSpec spec, Class<?> handlerClass) {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(handlerClass, "handlerClass");
      deployments.add(cluster -> cluster.deploy(spec, handlerClass));
      return this;
    }

    /**
     * Deploys an API whose handler a factory builds into each cluster.
     *
     * @param spec the API's spec
     * @param factory builds the handler
     * @return this builder
     */
    public Builder deploy(ApiSpec spec, HandlerFactory<?> factory) {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(factory, "factory");
      deployments.add(cluster -> cluster.deploy(spec, factory));
      return this;
    }

    /**
     * Shares one cluster among the tests of a class (register the extension on a static field).
     *
     * @return this builder
     */
    public Builder perClass() {
      this.lifecycle = Lifecycle.PER_CLASS;
      return this;
    }

    /**
     * Sets the lifecycle (default {@link Lifecycle#PER_TEST}).
     *
     * @param lifecycle the lifecycle
     * @return this builder
     */
    public Builder lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /**
     * Sets where the timeline of a failed test is printed (default {@code System.err}).
     *
     * @param out the stream
     * @return this builder
     */
    public Builder diagnosticsTo(PrintStream out) {
      this.diagnostics = Objects.requireNonNull(out, "out");
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension
     */
    public CortexTestExtension build() {
      return new CortexTestExtension(this);
    }
  }
}
