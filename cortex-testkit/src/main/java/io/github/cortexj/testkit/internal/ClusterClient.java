package io.github.cortexj.testkit.internal;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.JobSpec;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link CortexClient} a test cluster hands out: the embedded cluster's client, with every submission logged
 * in the timeline and the async requests remembered (no API lists them); in synchronous mode a submission
 * returns only once its work has ended.
 *
 * <p>Thread safe.
 */
public final class ClusterClient implements CortexClient {

  /** Waits for submitted work to end, for synchronous mode. */
  public interface WorkAwaiter {
    /**
     * Waits until a batch job has ended.
     *
     * @param api the API
     * @param jobId the job
     */
    void awaitJob(String api, String jobId);

    /**
     * Waits until an async request has ended.
     *
     * @param api the API
     * @param requestId the request
     */
    void awaitAsync(String api, String requestId);

    /**
     * Waits until a task job has ended.
     *
     * @param api the API
     * @param jobId the job
     */
    void awaitTask(String api, String jobId);
  }

  private final CortexClient delegate;
  private final ClusterEvents events;
  private final @Nullable WorkAwaiter awaiter;
  private final Map<String, List<String>> asyncRequests = new LinkedHashMap<>();

  /**
   * Wraps a client.
   *
   * @param delegate the embedded cluster's client
   * @param events the log
   * @param awaiter waits for submitted work, or {@code null} to return at once
   */
  public ClusterClient(CortexClient delegate, ClusterEvents events, @Nullable WorkAwaiter awaiter) {
    this.delegate = delegate;
    this.events = events;
    this.awaiter = awaiter;
  }

  /**
   * Returns the async requests submitted through this client, by API, in submission order.
   *
   * @return a copy
   */
  public synchronized Map<String, List<String>> asyncRequests() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    asyncRequests.forEach((api, ids) -> copy.put(api, List.copyOf(ids)));
    return copy;
  }

  private synchronized void rememberAsync(String api, String id) {
    asyncRequests.computeIfAbsent(api, a -> new ArrayList<>()).add(id);
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public List<DeployResult> createApi(Path configFile) {
    List<DeployResult> results = delegate.createApi(configFile);
    events.record("client", "deployed " + configFile);
    return results;
  }

  @Override
  public DeployResult createApi(ApiSpec spec, HandlerFactory<?> factory) {
    DeployResult result = delegate.createApi(spec, factory);
    events.record("client", "deployed " + spec.kind() + " " + spec.name());
    return result;
  }

  @Override
  public DeployResult createApi(ApiSpec spec, Class<?> handlerClass) {
    DeployResult result = delegate.createApi(spec, handlerClass);
    events.record("client", "deployed " + spec.kind() + " " + spec.name() + " (" + handlerClass.getName() + ")");
    return result;
  }

  @Override
  public ApiInfo getApi(String apiName) {
    return delegate.getApi(apiName);
  }

  @Override
  public List<ApiInfo> listApis() {
    return delegate.listApis();
  }

  @Override
  public void deleteApi(String apiName) {
    delegate.deleteApi(apiName);
    events.activity("client", "deleted API " + apiName);
  }

  @Override
  public JobSpec submitJob(String apiName, JobSubmission submission) {
    JobSpec spec = delegate.submitJob(apiName, submission);
    events.activity("client", "submitted job " + spec.jobId() + " to " + apiName);
    if (awaiter != null) {
      awaiter.awaitJob(apiName, spec.jobId());
    }
    return spec;
  }

  @Override
  public DryRunResult dryRun(String apiName, JobSubmission submission) {
    return delegate.dryRun(apiName, submission);
  }

  @Override
  public BatchJobStatus getJob(String apiName, String jobId) {
    return delegate.getJob(apiName, jobId);
  }

  @Override
  public List<BatchJobStatus> listJobs(String apiName) {
    return delegate.listJobs(apiName);
  }

  @Override
  public void stopJob(String apiName, String jobId) {
    delegate.stopJob(apiName, jobId);
    events.activity("client", "stopped job " + jobId + " of " + apiName);
  }

  @Override
  public List<FailedBatch> failedBatches(String apiName, String jobId) {
    return delegate.failedBatches(apiName, jobId);
  }

  @Override
  public JobSpec retryFailedBatches(String apiName, String jobId) {
    JobSpec spec = delegate.retryFailedBatches(apiName, jobId);
    events.activity("client", "submitted job " + spec.jobId() + " to " + apiName + " (retry of " + jobId + ")");
    if (awaiter != null) {
      awaiter.awaitJob(apiName, spec.jobId());
    }
    return spec;
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType) {
    return afterAsync(apiName, delegate.submitAsync(apiName, payload, contentType));
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType, String requestId) {
    return afterAsync(apiName, delegate.submitAsync(apiName, payload, contentType, requestId));
  }

  private String afterAsync(String apiName, String id) {
    rememberAsync(apiName, id);
    events.activity("client", "submitted async request " + id + " to " + apiName);
    if (awaiter != null) {
      awaiter.awaitAsync(apiName, id);
    }
    return id;
  }

  @Override
  public AsyncResult getAsync(String apiName, String requestId) {
    return delegate.getAsync(apiName, requestId);
  }

  @Override
  public boolean cancelAsync(String apiName, String requestId) {
    boolean cancelled = delegate.cancelAsync(apiName, requestId);
    events.activity("client", (cancelled ? "cancelled" : "did not cancel") + " async request " + requestId);
    return cancelled;
  }

  @Override
  public TaskJobSpec submitTask(String apiName, TaskSubmission submission) {
    TaskJobSpec spec = delegate.submitTask(apiName, submission);
    events.activity("client", "submitted task " + spec.jobId() + " to " + apiName);
    if (awaiter != null) {
      awaiter.awaitTask(apiName, spec.jobId());
    }
    return spec;
  }

  @Override
  public TaskJobStatus getTaskJob(String apiName, String jobId) {
    return delegate.getTaskJob(apiName, jobId);
  }

  @Override
  public List<TaskJobStatus> listTaskJobs(String apiName) {
    return delegate.listTaskJobs(apiName);
  }

  @Override
  public String toString() {
    return "CortexTestCluster client (" + delegate.describe() + (awaiter == null ? "" : ", synchronous") + ")";
  }
}
