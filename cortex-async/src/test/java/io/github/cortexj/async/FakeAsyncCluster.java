package io.github.cortexj.async;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.job.ApiInfo;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.DeployResult;
import io.github.cortexj.core.job.DryRunResult;
import io.github.cortexj.core.job.DuplicateRequestIdException;
import io.github.cortexj.core.job.FailedBatch;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.job.WorkloadError;
import io.github.cortexj.core.spec.ApiKind;
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in cluster for the gateway's tests while the async runtime is written alongside: the async operations of
 * {@link CortexClient} over maps (no worker: tests move workloads along with {@link #start}, {@link #complete} and
 * {@link #fail}), plus {@code listApis}/{@code getApi}. Everything else throws. Thread safe.
 */
final class FakeAsyncCluster implements CortexClient {

  /** A stored workload. */
  record Workload(byte[] payload, String contentType, AsyncResult state) {}

  private final Map<String, ApiInfo> apis = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Workload>> workloads = new ConcurrentHashMap<>();
  private final AtomicInteger listCalls = new AtomicInteger();
  private volatile Consumer<String> beforeSubmit = id -> {};
  private volatile @Nullable RuntimeException failure;

  /** Deploys an API (any kind). */
  void deploy(ApiSpec spec) {
    apis.put(spec.name(), new ApiInfo(spec, "id-" + spec.name(), List.of()));
    workloads.putIfAbsent(spec.name(), new ConcurrentHashMap<>());
  }

  /** Runs an action inside every submission before it is stored, with the id (to hold a request in flight). */
  void beforeSubmit(Consumer<String> action) {
    this.beforeSubmit = action;
  }

  /** Makes every async call throw the given exception. */
  void failEveryCallWith(@Nullable RuntimeException exception) {
    this.failure = exception;
  }

  int listCalls() {
    return listCalls.get();
  }

  Workload workload(String api, String id) {
    Workload workload = workloadsOf(api).get(id);
    if (workload == null) {
      throw new AssertionError("no workload " + id + " in " + api);
    }
    return workload;
  }

  Map<String, Workload> workloadsOf(String api) {
    return workloads.getOrDefault(api, Map.of());
  }

  void start(String api, String id) {
    update(api, id, new AsyncResult(id, AsyncStatus.IN_PROGRESS, null, null, null));
  }

  void complete(String api, String id, JsonNode result, Instant at) {
    update(api, id, new AsyncResult(id, AsyncStatus.COMPLETED, result, at, null));
  }

  void fail(String api, String id, WorkloadError error) {
    update(api, id, new AsyncResult(id, AsyncStatus.FAILED, null, null, error));
  }

  private void update(String api, String id, AsyncResult state) {
    Workload workload = workload(api, id);
    workloadsOf(api).put(id, new Workload(workload.payload(), workload.contentType(), state));
  }

  @Override
  public String describe() {
    return "fake async cluster";
  }

  @Override
  public ApiInfo getApi(String apiName) {
    ApiInfo api = apis.get(apiName);
    if (api == null) {
      throw new ApiNotDeployedException(apiName);
    }
    return api;
  }

  @Override
  public List<ApiInfo> listApis() {
    listCalls.incrementAndGet();
    return new ArrayList<>(apis.values());
  }

  @Override
  public void deleteApi(String apiName) {
    if (apis.remove(apiName) == null) {
      throw new ApiNotDeployedException(apiName);
    }
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType) {
    return submitAsync(apiName, payload, contentType, UUID.randomUUID().toString());
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType, String requestId) {
    throwIfFailing();
    Map<String, Workload> store = asyncApi(apiName);
    beforeSubmit.accept(requestId);
    Workload workload =
        new Workload(payload.clone(), contentType, new AsyncResult(requestId, AsyncStatus.IN_QUEUE, null, null, null));
    if (store.putIfAbsent(requestId, workload) != null) {
      throw new DuplicateRequestIdException(apiName, requestId);
    }
    return requestId;
  }

  @Override
  public AsyncResult getAsync(String apiName, String requestId) {
    throwIfFailing();
    Workload workload = asyncApi(apiName).get(requestId);
    if (workload == null) {
      throw new AsyncRequestNotFoundException(apiName, requestId);
    }
    return workload.state();
  }

  @Override
  public boolean cancelAsync(String apiName, String requestId) {
    throw new UnsupportedOperationException("cancelAsync");
  }

  private void throwIfFailing() {
    RuntimeException exception = failure;
    if (exception != null) {
      throw exception;
    }
  }

  private Map<String, Workload> asyncApi(String apiName) {
    ApiInfo api = apis.get(apiName);
    if (api == null || api.spec().kind() != ApiKind.ASYNC_API) {
      throw new ApiNotDeployedException(apiName);
    }
    return workloads.computeIfAbsent(apiName, name -> new ConcurrentHashMap<>());
  }

  @Override
  public List<DeployResult> createApi(Path configFile) {
    throw new UnsupportedOperationException("createApi");
  }

  @Override
  public DeployResult createApi(ApiSpec spec, HandlerFactory<?> factory) {
    throw new UnsupportedOperationException("createApi");
  }

  @Override
  public DeployResult createApi(ApiSpec spec, Class<?> handlerClass) {
    throw new UnsupportedOperationException("createApi");
  }

  @Override
  public JobSpec submitJob(String apiName, JobSubmission submission) {
    throw new UnsupportedOperationException("submitJob");
  }

  @Override
  public DryRunResult dryRun(String apiName, JobSubmission submission) {
    throw new UnsupportedOperationException("dryRun");
  }

  @Override
  public BatchJobStatus getJob(String apiName, String jobId) {
    throw new UnsupportedOperationException("getJob");
  }

  @Override
  public List<BatchJobStatus> listJobs(String apiName) {
    throw new UnsupportedOperationException("listJobs");
  }

  @Override
  public void stopJob(String apiName, String jobId) {
    throw new UnsupportedOperationException("stopJob");
  }

  @Override
  public List<FailedBatch> failedBatches(String apiName, String jobId) {
    throw new UnsupportedOperationException("failedBatches");
  }

  @Override
  public JobSpec retryFailedBatches(String apiName, String jobId) {
    throw new UnsupportedOperationException("retryFailedBatches");
  }

  @Override
  public TaskJobSpec submitTask(String apiName, TaskSubmission submission) {
    throw new UnsupportedOperationException("submitTask");
  }

  @Override
  public TaskJobStatus getTaskJob(String apiName, String jobId) {
    throw new UnsupportedOperationException("getTaskJob");
  }

  @Override
  public List<TaskJobStatus> listTaskJobs(String apiName) {
    throw new UnsupportedOperationException("listTaskJobs");
  }
}
