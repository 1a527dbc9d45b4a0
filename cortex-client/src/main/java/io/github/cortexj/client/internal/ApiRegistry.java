package io.github.cortexj.client.internal;

import io.github.cortexj.async.AsyncApiDeployment;
import io.github.cortexj.async.AsyncRuntime;
import io.github.cortexj.batch.BatchApiDeployment;
import io.github.cortexj.batch.BatchRuntime;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.project.Project;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.CortexYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The APIs deployed on an embedded cluster: deploys (with Cortex's created / updated / up to date messages and
 * its refusal to change an API's kind), describes and deletes them, and registers BatchAPIs with the
 * {@link BatchRuntime} and AsyncAPIs with the {@link AsyncRuntime}.
 *
 * <p>Thread safe: deploys and deletes are serialised.
 */
public final class ApiRegistry {

  /** Cortex's kind for a deploy that would change an API's kind. */
  public static final String CANNOT_CHANGE_KIND = "resources.cannot_change_kind_of_deployed_api";

  /** The kind for APIs of a kind the embedded cluster does not run yet. */
  public static final String UNSUPPORTED_KIND = "embedded.unsupported_kind";

  private static final int JOBS_SHOWN = 10;

  private final BatchRuntime runtime;
  private final AsyncRuntime asyncRuntime;
  private final Map<String, Deployed> apis = new TreeMap<>();
  private final AtomicLong deployments = new AtomicLong();

  /**
   * Creates a registry.
   *
   * @param runtime runs the jobs of the BatchAPIs
   * @param asyncRuntime runs the AsyncAPIs
   */
  public ApiRegistry(BatchRuntime runtime, AsyncRuntime asyncRuntime) {
    this.runtime = runtime;
    this.asyncRuntime = asyncRuntime;
  }

  private record Deployed(ApiSpec spec, String apiId, String source) {}

  /**
   * Deploys every API of a cortex.yaml project, or none when one is invalid.
   *
   * @param configFile the cortex.yaml file
   * @return the results, in file order
   */
  public List<DeployResult> deployProject(Path configFile) {
    Project project = Project.load(configFile);
    List<ApiSpec> specs = CortexYaml.parse(configFile);
    synchronized (this) {
      List<HandlerFactory<?>> factories = new ArrayList<>();
      for (ApiSpec spec : specs) {
        checkKind(spec);
        factories.add(factoryFor(spec, loadClass(spec)));
      }
      List<DeployResult> results = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        ApiSpec spec = specs.get(i);
        results.add(deploy(spec, factories.get(i), project.files(), spec.className() + "@" + project.projectId()));
      }
      return results;
    }
  }

  private static Class<?> loadClass(ApiSpec spec) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ApiRegistry.class.getClassLoader();
    }
    try {
      return Class.forName(spec.className(), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new HandlerDefinitionException(
          HandlerDefinitionException.INVALID_CLASS,
          spec.name() + ": handler class " + spec.className() + " cannot be loaded: " + e,
          e);
    }
  }

  /**
   * Returns the factory that builds a handler class by constructor injection, for the spec's kind.
   *
   * @param spec the spec
   * @param handlerClass the handler class
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be a handler of that kind
   */
  public static HandlerFactory<?> factoryFor(ApiSpec spec, Class<?> handlerClass) {
    return switch (spec.kind()) {
      case BATCH_API -> Handlers.batch(handlerClass);
      case ASYNC_API -> Handlers.async(handlerClass);
      default -> throw unsupported(spec);
    };
  }

  /**
   * Deploys one API whose handler class is built by constructor injection; the kind is checked before the class.
   *
   * @param spec the spec
   * @param handlerClass the handler class
   * @param files its project files
   * @return the result
   */
  public synchronized DeployResult deployClass(ApiSpec spec, Class<?> handlerClass, ProjectFiles files) {
    checkKind(spec);
    return deploy(spec, factoryFor(spec, handlerClass), files, handlerClass.getName());
  }

  /**
   * Deploys one API.
   *
   * @param spec the spec
   * @param factory builds its handler, which must be of the spec's kind
   * @param files its project files
   * @param source identifies the handler's code, to tell an unchanged deploy from an update
   * @return the result
   */
  public synchronized DeployResult deploy(ApiSpec spec, HandlerFactory<?> factory, ProjectFiles files, String source) {
    checkKind(spec);
    if (spec.kind() != ApiKind.BATCH_API && spec.kind() != ApiKind.ASYNC_API) {
      throw unsupported(spec);
    }
    Deployed existing = apis.get(spec.name());
    String kind = spec.kind().cortexName();
    if (existing != null && existing.spec().equals(spec) && existing.source().equals(source)) {
      return new DeployResult(info(existing), spec.name() + " (" + kind + ") is up to date", "");
    }
    String apiId = Long.toHexString(deployments.incrementAndGet()) + "--" + specId(spec, source);
    Deployed deployed = new Deployed(spec, apiId, source);
    if (spec.kind() == ApiKind.ASYNC_API) {
      asyncRuntime.register(
          new AsyncApiDeployment(spec, apiId, checked(spec, factory, AsyncHandler.class, Handlers::async), files));
    } else {
      runtime.register(
          new BatchApiDeployment(
              spec.name(), apiId, spec.config(), checked(spec, factory, BatchHandler.class, Handlers::batch), files));
    }
    apis.put(spec.name(), deployed);
    String verb = existing == null ? "created " : "updated ";
    return new DeployResult(info(deployed), verb + spec.name() + " (" + kind + ")", "");
  }

  /** Wraps a factory of any handler kind so that a handler of the wrong kind is a clear definition error. */
  private static <H> HandlerFactory<H> checked(
      ApiSpec spec,
      HandlerFactory<?> factory,
      Class<H> type,
      java.util.function.Function<HandlerFactory<? extends H>, HandlerFactory<H>> wrap) {
    return wrap.apply(
        init -> {
          Object handler = factory.create(init);
          if (!type.isInstance(handler)) {
            throw new HandlerDefinitionException(
                HandlerDefinitionException.INVALID_CLASS,
                spec.name() + ": the handler factory built "
                    + (handler == null ? "null" : handler.getClass().getName()) + "; " + spec.kind().cortexName()
                    + " handlers must implement " + type.getSimpleName());
          }
          return type.cast(handler);
        });
  }

  private void checkKind(ApiSpec spec) {
    Deployed existing = apis.get(spec.name());
    if (existing != null && existing.spec().kind() != spec.kind()) {
      throw new CortexException(
          CANNOT_CHANGE_KIND,
          "cannot change the kind of deployed api "
              + spec.name()
              + " from "
              + existing.spec().kind().cortexName()
              + " to "
              + spec.kind().cortexName()
              + "; delete it first");
    }
  }

  private static CortexException unsupported(ApiSpec spec) {
    return new CortexException(
        UNSUPPORTED_KIND,
        spec.name() + " is a " + spec.kind().cortexName()
            + ": the embedded cluster runs BatchAPIs and AsyncAPIs only so far");
  }

  private static String specId(ApiSpec spec, String source) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest((spec.toSpecJson().toString() + "\n" + source).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Describes a deployed API with its newest jobs.
   *
   * @param name the API name
   * @return the API
   */
  public synchronized ApiInfo get(String name) {
    Deployed deployed = apis.get(name);
    if (deployed == null) {
      throw new ApiNotDeployedException(name);
    }
    return info(deployed);
  }

  /**
   * Lists the deployed APIs by name.
   *
   * @return the APIs
   */
  public synchronized List<ApiInfo> list() {
    List<ApiInfo> infos = new ArrayList<>();
    for (Deployed deployed : apis.values()) {
      infos.add(info(deployed));
    }
    return infos;
  }

  /**
   * Deletes an API and stops its jobs in progress.
   *
   * @param name the API name
   */
  public synchronized void delete(String name) {
    Deployed deployed = apis.get(name);
    if (deployed == null) {
      throw new ApiNotDeployedException(name);
    }
    if (deployed.spec().kind() == ApiKind.ASYNC_API) {
      asyncRuntime.unregister(name);
    } else {
      runtime.unregister(name);
    }
    apis.remove(name);
  }

  private ApiInfo info(Deployed deployed) {
    if (deployed.spec().kind() != ApiKind.BATCH_API) {
      return new ApiInfo(deployed.spec(), deployed.apiId(), List.of());
    }
    List<BatchJobStatus> jobs = runtime.listJobs(deployed.spec().name());
    return new ApiInfo(deployed.spec(), deployed.apiId(), jobs.subList(0, Math.min(JOBS_SHOWN, jobs.size())));
  }
}
