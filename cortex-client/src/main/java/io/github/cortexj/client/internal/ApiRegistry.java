package io.github.cortexj.client.internal;

import io.github.cortexj.batch.BatchApiDeployment;
import io.github.cortexj.batch.BatchRuntime;
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
 * {@link BatchRuntime}.
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
  private final Map<String, Deployed> apis = new TreeMap<>();
  private final AtomicLong deployments = new AtomicLong();

  /**
   * Creates a registry.
   *
   * @param runtime runs the jobs of the BatchAPIs
   */
  public ApiRegistry(BatchRuntime runtime) {
    this.runtime = runtime;
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
      List<HandlerFactory<BatchHandler>> factories = new ArrayList<>();
      for (ApiSpec spec : specs) {
        checkKind(spec);
        requireBatch(spec);
        factories.add(Handlers.batch(loadClass(spec)));
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
   * Deploys one API.
   *
   * @param spec the spec
   * @param factory builds its handler
   * @param files its project files
   * @param source identifies the handler's code, to tell an unchanged deploy from an update
   * @return the result
   */
  public synchronized DeployResult deploy(
      ApiSpec spec, HandlerFactory<BatchHandler> factory, ProjectFiles files, String source) {
    checkKind(spec);
    requireBatch(spec);
    Deployed existing = apis.get(spec.name());
    String kind = spec.kind().cortexName();
    if (existing != null && existing.spec().equals(spec) && existing.source().equals(source)) {
      return new DeployResult(info(existing), spec.name() + " (" + kind + ") is up to date", "");
    }
    String apiId = Long.toHexString(deployments.incrementAndGet()) + "--" + specId(spec, source);
    Deployed deployed = new Deployed(spec, apiId, source);
    runtime.register(new BatchApiDeployment(spec.name(), apiId, spec.config(), factory, files));
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

  private static void requireBatch(ApiSpec spec) {
    if (spec.kind() != ApiKind.BATCH_API) {
      throw new CortexException(
          UNSUPPORTED_KIND,
          spec.name() + " is a " + spec.kind().cortexName() + ": the embedded cluster runs BatchAPIs only so far");
    }
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
    if (!apis.containsKey(name)) {
      throw new ApiNotDeployedException(name);
    }
    runtime.unregister(name);
    apis.remove(name);
  }

  private ApiInfo info(Deployed deployed) {
    List<BatchJobStatus> jobs = runtime.listJobs(deployed.spec().name());
    return new ApiInfo(deployed.spec(), deployed.apiId(), jobs.subList(0, Math.min(JOBS_SHOWN, jobs.size())));
  }
}
