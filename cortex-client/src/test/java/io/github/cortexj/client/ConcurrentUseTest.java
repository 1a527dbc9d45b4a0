package io.github.cortexj.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.Handlers;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.job.AsyncResult;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.job.TaskJobSpec;
import io.github.cortexj.core.job.TaskJobStatus;
import io.github.cortexj.core.job.TaskSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One embedded cluster used from many request threads at once, as a busy service uses it: jobs, async requests and
 * tasks are submitted, stopped, cancelled, read, APIs redeployed and deleted while their work runs, then the client
 * is closed. Checks what a user relies on: only typed {@link CortexException}s, every accepted job and task ends,
 * {@code onJobComplete} once per completed job and never for a stopped one, and no thread left after close.
 */
class ConcurrentUseTest {

  private static final int CALLERS = 8;
  private static final int ROUNDS = Integer.getInteger("concurrentUse.rounds", 4);
  private static final Duration ROUND_TIME = Duration.ofMillis(1500);
  private static final Duration END_WAIT = Duration.ofSeconds(30);
  private static final List<String> BATCH_APIS = List.of("b0", "b1", "b2");
  private final Map<String, Long> completionStarts = new ConcurrentHashMap<>();
  private final Map<String, Long> stopsAccepted = new ConcurrentHashMap<>();
  private static final Set<String> DOCUMENTED_KINDS =
      Set.of(
          "resources.api_not_deployed",
          "job.job_is_not_in_progress",
          "job.not_found",
          "async.not_found",
          "embedded.closed");

  @Test
  void aClusterUsedFromManyThreadsAtOnceKeepsItsPromises() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      runRound(round);
    }
  }

  private record Submitted(String api, String id) {}

  private void runRound(int round) throws Exception {
    Set<String> threadsBefore = liveThreadNames();
    Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();
    Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    Set<String> kinds = ConcurrentHashMap.newKeySet();
    Queue<Submitted> jobs = new ConcurrentLinkedQueue<>();
    Queue<Submitted> tasks = new ConcurrentLinkedQueue<>();
    Queue<Submitted> requests = new ConcurrentLinkedQueue<>();
    Set<String> deletedApis = ConcurrentHashMap.newKeySet();
    AtomicInteger version = new AtomicInteger();

    EmbeddedCortexClient client = EmbeddedCortexClient.builder().workerThreads(4).build();
    for (String api : BATCH_APIS) {
      deployBatch(client, api, version.incrementAndGet(), completions);
    }
    deployBatch(client, "doomed", 0, completions);
    deployAsync(client, "a0");
    deployAsync(client, "a-doomed");
    deployTask(client, "t0");

    ExecutorService callers = Executors.newFixedThreadPool(CALLERS, r -> new Thread(r, "test-caller"));
    long end = System.nanoTime() + ROUND_TIME.toNanos();
    CountDownLatch done = new CountDownLatch(CALLERS);
    for (int c = 0; c < CALLERS; c++) {
      int caller = c;
      callers.execute(
          () -> {
            try {
              while (System.nanoTime() < end) {
                try {
                  step(client, caller, jobs, tasks, requests, deletedApis, version, completions);
                } catch (CortexException e) {
                  kinds.add(e.kind());
                  if (!DOCUMENTED_KINDS.contains(e.kind())) {
                    unexpected.add(e);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (Throwable e) {
                  unexpected.add(e);
                }
              }
            } finally {
              done.countDown();
            }
          });
    }
    boolean finished = done.await(60, TimeUnit.SECONDS);
    callers.shutdownNow();
    assertThat(finished).as("callers finished (round %d)%n%s", round, threadDump()).isTrue();
    assertThat(unexpected).as("unexpected exceptions (round %d), kinds seen %s", round, kinds).isEmpty();

    // Every accepted job and task ends, and awaitJob returns within its bound.
    for (Submitted job : jobs) {
      long started = System.nanoTime();
      BatchJobStatus status;
      try {
        status = client.awaitJob(job.api(), job.id(), END_WAIT);
      } catch (CortexException e) {
        assertThat(deletedApis).as("%s of %s: %s", job.id(), job.api(), e.getMessage()).contains(job.api());
        continue;
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(END_WAIT.plusSeconds(5));
      assertThat(status.status().isTerminal())
          .as("job %s of %s is %s%n%s", job.id(), job.api(), status.status(), threadDump())
          .isTrue();
      int calls = completions.getOrDefault(job.id(), new AtomicInteger()).get();
      if (status.status() == JobStatus.SUCCEEDED || status.status() == JobStatus.COMPLETED_WITH_FAILURES) {
        assertThat(calls).as("onJobComplete of %s (%s)", job.id(), status.status()).isEqualTo(1);
      } else if (status.status() == JobStatus.STOPPED) {
        // a stop that lands while onJobComplete runs interrupts it and wins; but onJobComplete never starts once a
        // stop has been accepted
        Long began = completionStarts.get(job.id());
        Long stopped = stopsAccepted.get(job.id());
        if (began != null && stopped != null) {
          assertThat(began).as("onJobComplete of %s began after its stop returned", job.id()).isLessThan(stopped);
        }
        assertThat(calls).as("onJobComplete of stopped %s", job.id()).isLessThanOrEqualTo(1);
      }
    }
    for (Submitted task : tasks) {
      TaskJobStatus status = client.awaitTask(task.api(), task.id(), END_WAIT);
      assertThat(status.status().isTerminal()).as("task %s is %s", task.id(), status.status()).isTrue();
    }
    for (Submitted request : requests) {
      try {
        if (request.api().equals("a-doomed")) {
          // deleteApi drops the queue of an AsyncAPI: its queued requests are never run, and once the API is
          // deployed again they answer in_queue for good (reported, not fixed here); only check they answer
          client.getAsync(request.api(), request.id());
          continue;
        }
        AsyncResult result = client.awaitAsync(request.api(), request.id(), END_WAIT);
        assertThat(result.status().isTerminal()).as("request %s of %s is %s", request.id(), request.api(), result.status()).isTrue();
      } catch (CortexException e) {
        // cancelled requests and those of a deleted API answer not found
        assertThat(e.kind()).as(e.getMessage()).isIn("async.not_found", "resources.api_not_deployed");
      }
    }

    client.close();
    Set<String> left = liveThreadNames();
    left.removeAll(threadsBefore);
    left.removeIf(name -> name.startsWith("test-caller"));
    assertThat(left).as("threads left after close (round %d)", round).isEmpty();
  }

  private void step(
      EmbeddedCortexClient client,
      int caller,
      Queue<Submitted> jobs,
      Queue<Submitted> tasks,
      Queue<Submitted> requests,
      Set<String> deletedApis,
      AtomicInteger version,
      Map<String, AtomicInteger> completions)
      throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String api = BATCH_APIS.get(random.nextInt(BATCH_APIS.size()));
    switch (random.nextInt(14)) {
      case 0, 1, 2 -> {
        JobSpec job =
            client.submitJob(
                api,
                JobSubmission.items(IntStream.range(0, 1 + random.nextInt(40)).boxed().toList())
                    .batchSize(1 + random.nextInt(5))
                    .workers(1 + random.nextInt(3))
                    .build());
        jobs.add(new Submitted(api, job.jobId()));
      }
      case 3 -> {
        List<BatchJobStatus> listed = client.listJobs(api);
        if (!listed.isEmpty()) {
          BatchJobStatus pick = listed.get(random.nextInt(listed.size()));
          if (pick.status().isInProgress()) {
            client.stopJob(api, pick.jobId());
            stopsAccepted.putIfAbsent(pick.jobId(), System.nanoTime());
          }
        }
      }
      case 4 -> {
        Submitted any = jobs.peek();
        if (any != null) {
          client.getJob(any.api(), any.id());
        }
        client.getApi(api);
        client.listApis();
      }
      case 5 -> deployBatch(client, api, version.incrementAndGet(), completions);
      case 6 -> {
        String id = client.submitAsync("a0", ("hello " + caller).getBytes(StandardCharsets.UTF_8), "text/plain");
        requests.add(new Submitted("a0", id));
        if (random.nextBoolean()) {
          client.cancelAsync("a0", id);
        }
        client.getAsync("a0", id);
      }
      case 7 -> {
        String id = client.submitAsync("a-doomed", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        requests.add(new Submitted("a-doomed", id));
      }
      case 8 -> {
        TaskJobSpec task = client.submitTask("t0", TaskSubmission.builder().config(Map.of("n", caller)).build());
        tasks.add(new Submitted("t0", task.jobId()));
        if (random.nextBoolean()) {
          client.stopJob("t0", task.jobId());
        }
        client.getTaskJob("t0", task.jobId());
        client.listTaskJobs("t0");
      }
      case 9 -> {
        JobSpec job = client.submitJob("doomed", JobSubmission.items(List.of(1, 2, 3, 4, 5, 6)).batchSize(1).build());
        jobs.add(new Submitted("doomed", job.jobId()));
      }
      case 10 -> {
        deletedApis.add("doomed");
        client.deleteApi("doomed");
      }
      case 11 -> deployBatch(client, "doomed", 0, completions);
      case 12 -> {
        deletedApis.add("a-doomed");
        client.deleteApi("a-doomed");
      }
      case 13 -> deployAsync(client, "a-doomed");
      default -> throw new AssertionError();
    }
  }

  private void deployBatch(
      EmbeddedCortexClient client, String api, int version, Map<String, AtomicInteger> completions) {
    client.createApi(
        ApiSpec.batch(api).handlerClass("unused.Placeholder").config(Map.of("version", version)).build(),
        Handlers.batch(
            init ->
                new BatchHandler() {
                  @Override
                  public void handleBatch(List<com.fasterxml.jackson.databind.JsonNode> batch,
                      io.github.cortexj.core.BatchContext context) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200 + ThreadLocalRandom.current().nextInt(2000)));
                  }

                  @Override
                  public void onJobComplete(JobSummary summary) {
                    if (!Thread.currentThread().isInterrupted()) { // else a stop raced it and interrupts it
                      completionStarts.putIfAbsent(summary.jobId(), System.nanoTime());
                    }
                    completions.computeIfAbsent(summary.jobId(), id -> new AtomicInteger()).incrementAndGet();
                  }
                }));
  }

  private static void deployAsync(EmbeddedCortexClient client, String api) {
    client.createApi(
        ApiSpec.async(api).handlerClass("unused.Placeholder").build(),
        Handlers.async(
            init ->
                (payload, context) -> {
                  LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                  return Map.of("ok", true);
                }));
  }

  private static void deployTask(EmbeddedCortexClient client, String api) {
    client.createApi(
        ApiSpec.task(api).handlerClass("unused.Placeholder").build(),
        Handlers.task(
            init ->
                (config, context) -> {
                  // runs about 20 ms unless stopped first
                  new CountDownLatch(1).await(20, TimeUnit.MILLISECONDS);
                }));
  }

  private static Set<String> liveThreadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  private static String threadDump() {
    ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
    List<String> lines = new ArrayList<>();
    Arrays.stream(infos).forEach(info -> lines.add(info.toString()));
    return String.join("", lines);
  }
}
