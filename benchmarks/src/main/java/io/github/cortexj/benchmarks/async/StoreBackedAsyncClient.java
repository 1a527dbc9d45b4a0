package io.github.cortexj.benchmarks.async;

import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.backend.InMemoryObjectStore;
import io.github.cortexj.core.backend.InMemoryQueueBackend;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.job.ApiInfo;
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
import io.github.cortexj.core.spec.ApiSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The create path of Cortex's gateway over the in-memory backends, for the load test while the async runtime is
 * not merged: store the payload with its Content-Type, send the id to the API's FIFO queue, write the
 * {@code in_queue} marker (§8.1 steps 3–5). One AsyncAPI; no worker. Built {@linkplain #withoutStorage without
 * storage} it only answers the id, which isolates the cost of the HTTP layer. Thread safe (the backends are).
 */
final class StoreBackedAsyncClient implements CortexClient {

  private final ApiSpec api;
  private final ObjectStore store = new InMemoryObjectStore("cortex");
  private final QueueBackend queues = new InMemoryQueueBackend();
  private final String queueUrl;
  private final boolean storing;

  StoreBackedAsyncClient(ApiSpec api) {
    this(api, true);
  }

  private StoreBackedAsyncClient(ApiSpec api, boolean storing) {
    this.api = api;
    this.storing = storing;
    this.queueUrl = queues.createQueue(QueueSpec.fifo("cortex-" + api.name() + ".fifo", Duration.ofSeconds(30)));
  }

  /** A stand-in that stores nothing: the gateway's own cost, without the backends'. */
  static StoreBackedAsyncClient withoutStorage(ApiSpec api) {
    return new StoreBackedAsyncClient(api, false);
  }

  private String prefix(String id) {
    return "cortex/workloads/" + api.name() + "/" + id + "/";
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType) {
    return submitAsync(apiName, payload, contentType, UUID.randomUUID().toString());
  }

  @Override
  public String submitAsync(String apiName, byte[] payload, String contentType, String requestId) {
    if (!storing) {
      return requestId;
    }
    if (store.head(prefix(requestId) + "status/in_queue").isPresent()) {
      throw new DuplicateRequestIdException(apiName, requestId);
    }
    store.put(prefix(requestId) + "payload", payload, contentType);
    queues.send(queueUrl, OutgoingMessage.fifo(requestId.replace('.', '_'), requestId, Map.of()));
    store.put(prefix(requestId) + "status/in_queue", new byte[0], "text/plain");
    return requestId;
  }

  @Override
  public AsyncResult getAsync(String apiName, String requestId) {
    List<String> markers =
        store.listAll(prefix(requestId) + "status/").stream().map(ObjectInfo::key).toList();
    AsyncStatus status =
        AsyncStatus.fromMarkers(markers).orElseThrow(() -> new AsyncRequestNotFoundException(apiName, requestId));
    return new AsyncResult(requestId, status, null, null, null);
  }

  @Override
  public ApiInfo getApi(String apiName) {
    return new ApiInfo(api, "bench", List.of());
  }

  @Override
  public List<ApiInfo> listApis() {
    return List.of(new ApiInfo(api, "bench", List.of()));
  }

  @Override
  public String describe() {
    return "in-memory create path (benchmark stand-in)";
  }

  @Override
  public boolean cancelAsync(String apiName, String requestId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<DeployResult> createApi(Path configFile) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeployResult createApi(ApiSpec spec, HandlerFactory<?> factory) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DeployResult createApi(ApiSpec spec, Class<?> handlerClass) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteApi(String apiName) {
    throw new UnsupportedOperationException();
  }

  @Override
  public JobSpec submitJob(String apiName, JobSubmission submission) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DryRunResult dryRun(String apiName, JobSubmission submission) {
    throw new UnsupportedOperationException();
  }

  @Override
  public BatchJobStatus getJob(String apiName, String jobId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<BatchJobStatus> listJobs(String apiName) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void stopJob(String apiName, String jobId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<FailedBatch> failedBatches(String apiName, String jobId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public JobSpec retryFailedBatches(String apiName, String jobId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TaskJobSpec submitTask(String apiName, TaskSubmission submission) {
    throw new UnsupportedOperationException();
  }

  @Override
  public TaskJobStatus getTaskJob(String apiName, String jobId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<TaskJobStatus> listTaskJobs(String apiName) {
    throw new UnsupportedOperationException();
  }
}
