package io.github.cortexj.core;

import io.github.cortexj.core.env.CliConfigFile;
import io.github.cortexj.core.internal.env.EnvironmentClients;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The client of a Cortex cluster: the one interface users program against to deploy APIs, submit work and read
 * results, whether the cluster is embedded in this JVM or reached over HTTP.
 *
 * <pre>{@code
 * try (EmbeddedCortexClient cortex = EmbeddedCortexClient.builder().build()) {
 *   cortex.createApi(Path.of("reviews/cortex.yaml"));
 *   JobSpec job = cortex.submitJob("reviews", JobSubmission.items(reviews).batchSize(100).workers(4).build());
 *   BatchJobStatus status = cortex.getJob("reviews", job.jobId());
 * }
 * }</pre>
 *
 * <p>Handlers receive the client of the cluster they run in (through their context or their constructor), so a
 * task or an {@code onJobComplete} callback can deploy APIs and submit jobs as Cortex's Python client allows.
 *
 * <p>The interface lives in cortex-core, not cortex-client, because handler contexts hand it out and cortex-core
 * cannot depend on the workload modules; its implementations live in cortex-client. Errors are
 * {@link CortexException}s with Cortex's kinds. Implementations are thread safe.
 */
public interface CortexClient {

  /**
   * Opens the client of the default environment of this user's Cortex CLI config
   * ({@code $CORTEX_CLI_CONFIG_DIR/cli.yaml}, else {@code ~/.cortex/cli.yaml}), as Cortex's
   * {@code cortex.client()} does. The endpoint {@code local}, or an absent file, gives a new embedded cluster.
   * The caller owns the client and closes it.
   *
   * @return a new client
   * @throws io.github.cortexj.core.env.EnvironmentNotFoundException when the config has no default environment,
   *     or its default names an environment it lacks
   * @throws io.github.cortexj.core.env.UnsupportedEndpointException when no client on the class path can reach
   *     the environment's endpoint ({@code http(s)://} operators until the HTTP client exists)
   * @throws io.github.cortexj.core.env.CliConfigException when the config file is invalid or unreadable
   */
  static CloseableCortexClient fromEnvironment() {
    return EnvironmentClients.open(CliConfigFile.forCurrentUser(), null);
  }

  /**
   * Opens the client of a named environment of this user's Cortex CLI config, as Cortex's
   * {@code cortex.client(env)} does. The caller owns the client and closes it.
   *
   * @param environment the environment's name
   * @return a new client
   * @throws io.github.cortexj.core.env.EnvironmentNotFoundException when the config has no such environment
   * @throws io.github.cortexj.core.env.UnsupportedEndpointException when no client on the class path can reach
   *     the environment's endpoint
   */
  static CloseableCortexClient fromEnvironment(String environment) {
    return EnvironmentClients.open(CliConfigFile.forCurrentUser(), Objects.requireNonNull(environment, "environment"));
  }

  /**
   * Opens the client of the default environment of a given CLI config file. The caller owns the client.
   *
   * @param configFile the config file, for example {@code CliConfigFile.at(Path.of("ops/cli.yaml"))}
   * @return a new client
   * @see #fromEnvironment()
   */
  static CloseableCortexClient fromEnvironment(CliConfigFile configFile) {
    return EnvironmentClients.open(configFile, null);
  }

  /**
   * Opens the client of a named environment of a given CLI config file. The caller owns the client.
   *
   * @param configFile the config file
   * @param environment the environment's name
   * @return a new client
   * @see #fromEnvironment(String)
   */
  static CloseableCortexClient fromEnvironment(CliConfigFile configFile, String environment) {
    return EnvironmentClients.open(configFile, Objects.requireNonNull(environment, "environment"));
  }

  /**
   * Returns a short description of the cluster this client talks to, for logs and error messages: for example
   * {@code embedded} or the operator's URL.
   *
   * @return the description
   */
  String describe();

  /**
   * Deploys every API of a cortex.yaml project: loads the project next to the file, validates the specs, resolves
   * each handler class with the context class loader and checks its constructor, then deploys them all (or none,
   * when one fails validation). Cortex's {@code deploy} (v0.34: {@code create_api}).
   *
   * @param configFile the cortex.yaml file
   * @return one result per API, in file order
   * @throws CortexException when the project, a spec or a handler class is invalid, or an API's kind would change
   */
  List<DeployResult> createApi(Path configFile);

  /**
   * Deploys an API built in code, whose handler is built by a factory; it has no project files. The factory must
   * build a handler of the spec's kind: a {@link BatchHandler} for a BatchAPI, an {@link AsyncHandler} for an
   * AsyncAPI, a {@link Task} for a TaskAPI; anything else fails when the handler is built, with a
   * {@link HandlerDefinitionException}.
   *
   * @param spec the API's spec
   * @param factory builds the handler: once per job (batch, task) or once per replica (async)
   * @return the result
   * @throws CortexException when the API's kind would change
   */
  DeployResult createApi(ApiSpec spec, HandlerFactory<?> factory);

  /**
   * Deploys an API built in code, whose handler is a class built by constructor injection; it has no project
   * files.
   *
   * @param spec the API's spec
   * @param handlerClass the handler class
   * @return the result
   * @throws HandlerDefinitionException when the class cannot be a handler of the API's kind
   */
  DeployResult createApi(ApiSpec spec, Class<?> handlerClass);

  /**
   * Describes a deployed API.
   *
   * @param apiName the API's name
   * @return the API
   * @throws io.github.cortexj.core.job.ApiNotDeployedException when it is not deployed
   */
  ApiInfo getApi(String apiName);

  /**
   * Lists the deployed APIs, by name.
   *
   * @return the APIs
   */
  List<ApiInfo> listApis();

  /**
   * Deletes an API, stopping its jobs in progress.
   *
   * @param apiName the API's name
   * @throws io.github.cortexj.core.job.ApiNotDeployedException when it is not deployed
   */
  void deleteApi(String apiName);

  /**
   * Validates and submits a batch job.
   *
   * @param apiName the BatchAPI
   * @param submission the job
   * @return the job's spec (its id, and no queue URL or batch count yet, as Cortex answers)
   * @throws io.github.cortexj.core.job.JobSubmissionException when the submission is invalid
   */
  JobSpec submitJob(String apiName, JobSubmission submission);

  /**
   * Validates a submission and lists the objects it would read, without submitting it.
   *
   * @param apiName the BatchAPI
   * @param submission the job
   * @return the dry-run result
   */
  DryRunResult dryRun(String apiName, JobSubmission submission);

  /**
   * Reads a batch job's status.
   *
   * @param apiName the BatchAPI
   * @param jobId the job id
   * @return the status
   * @throws io.github.cortexj.core.job.JobNotFoundException when the API has no such job
   */
  BatchJobStatus getJob(String apiName, String jobId);

  /**
   * Lists the batch jobs of an API, newest first.
   *
   * @param apiName the BatchAPI
   * @return their statuses
   */
  List<BatchJobStatus> listJobs(String apiName);

  /**
   * Stops a batch or task job in progress: work in flight is interrupted, no new batch starts, and its status
   * becomes {@code stopped}. Stopping a job that has ended is an error of kind {@code job.job_is_not_in_progress}.
   *
   * @param apiName the BatchAPI or TaskAPI
   * @param jobId the job id
   */
  void stopJob(String apiName, String jobId);

  /**
   * Lists the batches of a job that failed for good, with their items and errors.
   *
   * @param apiName the BatchAPI
   * @param jobId the job id
   * @return the failed batches
   */
  List<FailedBatch> failedBatches(String apiName, String jobId);

  /**
   * Submits a new job made of exactly the failed batches of a job, with its workers, config and timeout.
   *
   * @param apiName the BatchAPI
   * @param jobId the job whose failed batches to retry
   * @return the new job's spec
   */
  JobSpec retryFailedBatches(String apiName, String jobId);

  /**
   * Submits a request to an AsyncAPI, as {@code POST /<endpoint>} on Cortex's gateway: the payload is stored with
   * its Content-Type, the request queued, and its id returned at once.
   *
   * @param apiName the AsyncAPI
   * @param payload the request body
   * @param contentType its Content-Type, which decides how the handler receives it (JSON, text or bytes)
   * @return the generated request id (a UUID)
   * @throws io.github.cortexj.core.job.ApiNotDeployedException when no such AsyncAPI is deployed
   * @throws io.github.cortexj.core.payload.PayloadException of kind {@code async.invalid_content_type} when the
   *     Content-Type is empty or not a media type
   */
  String submitAsync(String apiName, byte[] payload, String contentType);

  /**
   * Submits a request to an AsyncAPI under an id chosen by the caller (Cortex's {@code x-request-id}).
   *
   * @param apiName the AsyncAPI
   * @param payload the request body
   * @param contentType its Content-Type
   * @param requestId 1 to 128 characters of {@code [A-Za-z0-9._-]}
   * @return the request id
   * @throws io.github.cortexj.core.job.DuplicateRequestIdException when the API already holds that id
   * @throws io.github.cortexj.core.payload.PayloadException of kind {@code async.invalid_content_type} when the
   *     Content-Type is empty or not a media type
   * @throws IllegalArgumentException when the id is not valid
   */
  String submitAsync(String apiName, byte[] payload, String contentType, String requestId);

  /**
   * Reads an async request's status and, once completed, its result, as {@code GET /<endpoint>/<id>}.
   *
   * @param apiName the AsyncAPI
   * @param requestId the request id
   * @return the request
   * @throws io.github.cortexj.core.job.AsyncRequestNotFoundException when the API holds no such request
   */
  AsyncResult getAsync(String apiName, String requestId);

  /**
   * Cancels an async request that is still {@code in_queue}: it will not be handled and its id is forgotten.
   * A request already in progress or ended is left alone.
   *
   * @param apiName the AsyncAPI
   * @param requestId the request id
   * @return whether the request was cancelled
   * @throws io.github.cortexj.core.job.AsyncRequestNotFoundException when the API holds no such request
   */
  boolean cancelAsync(String apiName, String requestId);

  /**
   * Validates and submits a task job; it starts at once.
   *
   * @param apiName the TaskAPI
   * @param submission the job
   * @return the task's spec
   * @throws io.github.cortexj.core.job.JobSubmissionException when the submission is invalid
   */
  TaskJobSpec submitTask(String apiName, TaskSubmission submission);

  /**
   * Reads a task job's status.
   *
   * @param apiName the TaskAPI
   * @param jobId the job id
   * @return the status
   * @throws io.github.cortexj.core.job.JobNotFoundException when the API has no such job
   */
  TaskJobStatus getTaskJob(String apiName, String jobId);

  /**
   * Lists the task jobs of an API, newest first.
   *
   * @param apiName the TaskAPI
   * @return their statuses
   */
  List<TaskJobStatus> listTaskJobs(String apiName);
}
