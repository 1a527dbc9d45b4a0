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
import io.github.cortexj.core.Task;
import io.github.cortexj.task.TaskApiDeployment;
import io.github.cortexj.task.TaskRuntime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The APIs deployed on an embedded cluster: deploys (with Cortex's created / updated / up to date messages and
 * its refusal to change an API's kind), describes and deletes them, and registers BatchAPIs with the
 * {@link BatchRuntime}, AsyncAPIs with the {@link AsyncRuntime} and TaskAPIs with the {@link TaskRuntime}.
 *
 * <p>Thread safe: deploys and deletes are serialised.
 */
public final class ApiRegistry {

  /** Cortex's kind for a deploy that would change an API's kind. */
  public static final String CANNOT_CHANGE_KIND = "resources.cannot_change_kind_of_deployed_api";

  /** Cortex's kind for an operation on an API of a kind that does not have it (submitting a job to a TaskAPI). */
  public static final String OPERATION_IS_ONLY_SUPPORTED_FOR_KIND = "resources.operation_is_only_supported_for_kind";

  /** The kind for APIs of a kind the embedded cluster does not run yet. */
  public static final String UNSUPPORTED_KIND = "embedded.unsupported_kind";

  private static final int JOBS_SHOWN = 10;

  private final BatchRuntime runtime;
  private final AsyncRuntime asyncRuntime;
  private final TaskRuntime tasks;
  private final Map<String, Deployed> apis = new TreeMap<>();
  private final AtomicLong deployments = new AtomicLong();

  /**
   * Creates a registry.
   *
   * @param runtime runs the jobs of the BatchAPIs
   * @param asyncRuntime runs the AsyncAPIs
   * @param tasks runs the jobs of the TaskAPIs
   */
  public ApiRegistry(BatchRuntime runtime, AsyncRuntime asyncRuntime, TaskRuntime tasks) {
    this.runtime = runtime;
    this.asyncRuntime = asyncRuntime;
    this.tasks = tasks;
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
        requireSupported(spec);
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
    } catch (ClassNotFoundException e) {
      throw new HandlerDefinitionException(
          HandlerDefinitionException.INVALID_CLASS,
          spec.name() + ": handler class " + spec.className() + " cannot be loaded: " + e
              + "; check the class name in the config file and that the class is on the classpath",
          e);
    } catch (LinkageError e) {
      throw new HandlerDefinitionException(
          HandlerDefinitionException.INVALID_CLASS,
          spec.name() + ": handler class " + spec.className() + " cannot be loaded: " + e,
          e);
    }
  }

  /**
   * Deploys one API built in code whose handler class is built by constructor injection; the class is checked
   * now, after the kind, so that a class that cannot be a handler of the API's kind fails at deploy time.
   *
   * @param spec the spec
   * @param handlerClass the handler class
   * @return the result
   * @throws HandlerDefinitionException when the class cannot be a handler of the spec's kind
   */
  public synchronized DeployResult deploy(ApiSpec spec, Class<?> handlerClass) {
    checkKind(spec);
    return deploy(spec, factoryFor(spec, handlerClass), ProjectFiles.none(), handlerClass.getName());
  }

  private static HandlerFactory<?> factoryFor(ApiSpec spec, Class<?> handlerClass) {
    requireSupported(spec);
    return switch (spec.kind()) {
      case TASK_API -> Handlers.task(handlerClass);
      case ASYNC_API -> Handlers.async(handlerClass);
      default -> Handlers.batch(handlerClass);
    };
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
    requireSupported(spec);
    Deployed existing = apis.get(spec.name());
    String kind = spec.kind().cortexName();
    if (existing != null && existing.spec().equals(spec) && existing.source().equals(source)) {
      return new DeployResult(info(existing), spec.name() + " (" + kind + ") is up to date", "");
    }
    String apiId = Long.toHexString(deployments.incrementAndGet()) + "--" + specId(spec, source);
    Deployed deployed = new Deployed(spec, apiId, source);
    register(spec, apiId, factory, files, source);
    apis.put(spec.name(), deployed);
    String verb = existing == null ? "created " : "updated ";
    return new DeployResult(info(deployed), verb + spec.name() + " (" + kind + ")", "");
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

  private void register(ApiSpec spec, String apiId, HandlerFactory<?> factory, ProjectFiles files, String source) {
    if (spec.kind() == ApiKind.ASYNC_API) {
      HandlerFactory<AsyncHandler> handler =
          Handlers.async(init -> built(spec, AsyncHandler.class, factory.create(init)));
      asyncRuntime.register(new AsyncApiDeployment(spec, apiId, handler, files));
    } else if (spec.kind() == ApiKind.TASK_API) {
      HandlerFactory<Task> task = Handlers.task(init -> built(spec, Task.class, factory.create(init)));
      String specId = apiId.substring(apiId.lastIndexOf('-') + 1);
      String handlerId = sha256(spec.className() + "\n" + source).substring(0, 63);
      tasks.register(new TaskApiDeployment(spec.name(), apiId, specId, handlerId, spec.config(), task, files));
    } else {
      HandlerFactory<BatchHandler> batch = Handlers.batch(init -> built(spec, BatchHandler.class, factory.create(init)));
      runtime.register(new BatchApiDeployment(spec.name(), apiId, spec.config(), batch, files));
    }
  }

  /** Checks that a factory built a handler of the API's kind, naming what it built instead. */
  private static <H> H built(ApiSpec spec, Class<H> expected, Object handler) {
    if (!expected.isInstance(handler)) {
      throw new HandlerDefinitionException(
          HandlerDefinitionException.INVALID_CLASS,
          spec.name() + ": the factory of this " + spec.kind().cortexName() + " built a "
              + handler.getClass().getName() + ", which does not implement " + expected.getName());
    }
    return expected.cast(handler);
  }

  private static void requireSupported(ApiSpec spec) {
    if (spec.kind() != ApiKind.BATCH_API && spec.kind() != ApiKind.TASK_API && spec.kind() != ApiKind.ASYNC_API) {
      throw new CortexException(
          UNSUPPORTED_KIND,
          spec.name() + " is a " + spec.kind().cortexName()
              + ": the embedded cluster runs BatchAPIs, AsyncAPIs and TaskAPIs");
    }
  }

  private static String specId(ApiSpec spec, String source) {
    return sha256(spec.toSpecJson().toString() + "\n" + source).substring(0, 32);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
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
   * Checks that an API is deployed and is of one of the kinds an operation is for, with Cortex's errors: an
   * unknown name is {@code resources.api_not_deployed}, another kind
   * {@value #OPERATION_IS_ONLY_SUPPORTED_FOR_KIND} naming the kinds allowed and the API's own.
   *
   * @param name the API name
   * @param kinds the kinds the operation is for, at least one
   * @return the API's kind
   * @throws ApiNotDeployedException when no API has that name
   * @throws CortexException when the API is of another kind
   */
  public synchronized ApiKind requireKind(String name, ApiKind... kinds) {
    Deployed deployed = apis.get(Objects.requireNonNull(name, "apiName"));
    if (deployed == null) {
      throw new ApiNotDeployedException(name);
    }
    ApiKind kind = deployed.spec().kind();
    for (ApiKind allowed : kinds) {
      if (allowed == kind) {
        return kind;
      }
    }
    throw new CortexException(
        OPERATION_IS_ONLY_SUPPORTED_FOR_KIND,
        "this operation is only allowed for " + kindsOr(kinds) + (kinds.length == 1 ? " kind" : " kinds")
            + " and is not supported for " + name + " of kind " + kind.cortexName());
  }

  /** Cortex's {@code s.StrsOr}: {@code A}, {@code A or B}, {@code A, B, or C}. */
  private static String kindsOr(ApiKind... kinds) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < kinds.length; i++) {
      if (i > 0) {
        text.append(kinds.length > 2 ? ", " : " ").append(i == kinds.length - 1 ? "or " : "");
      }
      text.append(kinds[i].cortexName());
    }
    return text.toString();
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
    if (deployed.spec().kind() == ApiKind.TASK_API) {
      tasks.unregister(name);
    } else if (deployed.spec().kind() == ApiKind.ASYNC_API) {
      asyncRuntime.unregister(name);
    } else {
      runtime.unregister(name);
    }
    apis.remove(name);
  }

  private ApiInfo info(Deployed deployed) {
    List<BatchJobStatus> jobs =
        deployed.spec().kind() == ApiKind.BATCH_API ? runtime.listJobs(deployed.spec().name()) : List.of();
    return new ApiInfo(deployed.spec(), deployed.apiId(), jobs.subList(0, Math.min(JOBS_SHOWN, jobs.size())));
  }
}
