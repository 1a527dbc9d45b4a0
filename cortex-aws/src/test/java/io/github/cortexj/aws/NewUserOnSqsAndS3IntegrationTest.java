package io.github.cortexj.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.client.EmbeddedCortexClient;
import io.github.cortexj.core.BatchContext;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueNames;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.job.BatchJobStatus;
import io.github.cortexj.core.job.JobSubmission;
import io.github.cortexj.core.spec.ApiSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What a user moving from the embedded cluster to SQS + S3 does, following {@code docs/backends.md}: every Java
 * snippet of that page run against ElasticMQ + S3Proxy, then the usual mistakes (an endpoint nobody listens on, a
 * bucket that does not exist, wrong or missing credentials, no region, odd root prefixes, long names, closing in
 * the wrong order or twice), each of which must fail fast with a typed error naming what is wrong.
 *
 * <p>The module's test JVMs run with {@code aws.disableEc2Metadata=true}, so the SDK's region and credential
 * chains never try the instance metadata service.
 */
@DisplayName("a new user on SqsQueueBackend + S3ObjectStore, following docs/backends.md")
class NewUserOnSqsAndS3IntegrationTest {

  private static LocalAwsServers servers;

  @BeforeAll
  static void startServers() throws Exception {
    servers = LocalAwsServers.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    servers.close();
  }

  private static AwsBackendOptions.Builder local() {
    return AwsBackendOptions.newBuilder()
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")));
  }

  private static URI endpointNobodyListensOn() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  // --- the snippets of docs/backends.md ---

  @Test
  void awsSnippetBuildsBothBackendsFromOneOptionsObjectWithoutCallingAnything() {
    AwsBackendOptions options = AwsBackendOptions.newBuilder()
        .region("us-east-1")
        .bucket("my-cortex-bucket")
        .rootKeyPrefix("cluster-7f3a9c/")   // Cortex's <cluster_uid>/: every key lives under it
        .build();                           // credentials: the SDK's default chain

    try (SqsQueueBackend queues = SqsQueueBackend.create(options);
         S3ObjectStore store = S3ObjectStore.create(options)) {
      assertThat(store.bucket()).isEqualTo("my-cortex-bucket");
      assertThat(store.rootKeyPrefix()).isEqualTo("cluster-7f3a9c/");
      assertThat(queues).isNotNull();
    }
  }

  @Test
  void compatibleServerSnippetSendsToElasticMqAndStoresInS3Proxy() {
    AwsBackendOptions.Builder local = AwsBackendOptions.newBuilder()
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")));
    SqsQueueBackend queues = SqsQueueBackend.create(
        AwsBackendOptions.newBuilder(local.build()).compatibleServer(servers.sqsEndpoint()).build());
    S3ObjectStore store = S3ObjectStore.create(
        AwsBackendOptions.newBuilder(local.build()).compatibleServer(servers.s3Endpoint())
            .bucket(LocalAwsServers.BUCKET).rootKeyPrefix("dev-" + UUID.randomUUID() + "/").build());
    try (queues; store) {
      String url = queues.createQueue(QueueSpec.fifo("snippet-" + UUID.randomUUID() + ".fifo", Duration.ofSeconds(30)));
      queues.send(url, OutgoingMessage.fifo("m1", "hello", Map.of()));
      List<ReceivedMessage> received =
          queues.receive(url, ReceiveRequest.one(Duration.ofSeconds(1), Duration.ofSeconds(30)));
      store.putText("greeting.txt", "hello", "text/plain");

      assertThat(received).extracting(ReceivedMessage::body).containsExactly("hello");
      assertThat(store.get("greeting.txt").map(o -> new String(o.content(), StandardCharsets.UTF_8)))
          .contains("hello");
      queues.deleteQueue(url);
    }
  }

  @Test
  @Timeout(120)
  void embeddedClusterSnippetRunsAJobOnSqsAndS3(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("cortex.yaml"), "- name: reviews\n  kind: BatchAPI\n  handler:\n    type: java\n"
        + "    class: " + ReviewHandler.class.getName() + "\n");
    AwsBackendOptions sqsOptions = local().compatibleServer(servers.sqsEndpoint()).build();
    AwsBackendOptions s3Options = local().compatibleServer(servers.s3Endpoint())
        .bucket(LocalAwsServers.BUCKET).rootKeyPrefix("embedded-" + UUID.randomUUID() + "/").build();
    List<String> reviews = IntStream.range(0, 200).mapToObj(i -> "review " + i).collect(Collectors.toList());

    BatchJobStatus status;
    try (SqsQueueBackend queues = SqsQueueBackend.create(sqsOptions);
         S3ObjectStore store = S3ObjectStore.create(s3Options);
         EmbeddedCortexClient cortex = EmbeddedCortexClient.builder()
             .queueBackend(queues)
             .objectStore(store)
             .clusterName("prod-" + UUID.randomUUID().toString().substring(0, 8))
             .build()) {
      cortex.createApi(dir.resolve("cortex.yaml"));
      JobSpec job = cortex.submitJob("reviews", JobSubmission.items(reviews).batchSize(50).workers(4).build());
      status = cortex.awaitJob("reviews", job.jobId(), Duration.ofMinutes(10));
    }

    assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(status.batchMetrics().succeeded()).isEqualTo(4);
  }

  // --- misuse ---

  @Test
  @Timeout(30)
  void sqsEndpointNobodyListensOnFailsAsUnavailableNamingQueueAndEndpointAfterBoundedRetries() throws Exception {
    URI endpoint = endpointNobodyListensOn();
    try (SqsQueueBackend queues = SqsQueueBackend.create(local().compatibleServer(endpoint).build())) {
      assertThatThrownBy(() -> queues.queueUrl("cx_abc.fifo"))
          .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("queue.unavailable"))
          .hasMessageStartingWith("queue \"cx_abc.fifo\" is unavailable (GetQueueUrl at " + endpoint + "): ")
          .hasMessageContaining("Connect to " + endpoint + " failed: Connection refused")
          .hasMessageContaining("(SDK Attempt Count: 5)");
    }
  }

  @Test
  @Timeout(30)
  void s3EndpointNobodyListensOnFailsAsUnavailableNamingKeyAndEndpoint() throws Exception {
    URI endpoint = endpointNobodyListensOn();
    try (S3ObjectStore store =
        S3ObjectStore.create(local().compatibleServer(endpoint).bucket("cortex").rootKeyPrefix("dev/").build())) {
      assertThatThrownBy(() -> store.putText("a/b.txt", "x", "text/plain"))
          .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.unavailable"))
          .hasMessageStartingWith("s3://cortex/dev/a/b.txt is unavailable (PutObject at " + endpoint + "): ")
          .hasMessageContaining("Connect to " + endpoint + " failed: Connection refused");
    }
  }

  @Test
  @Timeout(30)
  void serverThatNeverAnswersFailsAfterTheHttpClientsTimeoutNamingTheEndpoint() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
         SdkHttpClient http = Apache5HttpClient.builder().socketTimeout(Duration.ofMillis(500)).build()) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      AwsBackendOptions options =
          local().compatibleServer(endpoint).httpClient(http).maxAttempts(2).bucket("cortex").build();
      try (SqsQueueBackend queues = SqsQueueBackend.create(options);
           S3ObjectStore store = S3ObjectStore.create(options)) {
        assertThatThrownBy(() -> queues.queueUrl("cx_abc.fifo"))
            .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("queue.unavailable"))
            .hasMessage("queue \"cx_abc.fifo\" is unavailable (GetQueueUrl at " + endpoint + "): Unable to execute"
                + " HTTP request: Read timed out (SDK Attempt Count: 2)");
        assertThatThrownBy(() -> store.head("a.txt"))
            .isInstanceOfSatisfying(
                BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.unavailable"))
            .hasMessage("s3://cortex/a.txt is unavailable (HeadObject at " + endpoint + "): Unable to execute"
                + " HTTP request: Read timed out (SDK Attempt Count: 2)");
      }
    }
  }

  @Test
  void httpClientPassedInOptionsOutlivesTheBackends() {
    try (SdkHttpClient http = Apache5HttpClient.builder().build()) {
      AwsBackendOptions options = local().compatibleServer(servers.sqsEndpoint()).httpClient(http).build();
      SqsQueueBackend first = SqsQueueBackend.create(options);
      first.queueUrl("cx_none.fifo");
      first.close();

      try (SqsQueueBackend second = SqsQueueBackend.create(options)) {
        assertThat(second.queueUrl("cx_none-" + UUID.randomUUID() + ".fifo")).isEmpty();
      }
    }
  }

  @Test
  void bucketThatDoesNotExistIsNamedByWritesReadsAndListings() {
    try (S3ObjectStore store =
        S3ObjectStore.create(local().compatibleServer(servers.s3Endpoint()).bucket("no-such-bucket").build())) {
      assertThatThrownBy(() -> store.putText("a", "x", "text/plain"))
          .isInstanceOfSatisfying(
              BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.bucket_not_found"))
          .hasMessage("bucket \"no-such-bucket\" does not exist (PutObject)");
      assertThatThrownBy(() -> store.get("a"))
          .hasMessage("bucket \"no-such-bucket\" does not exist (GetObject)");
      assertThatThrownBy(() -> store.list("", null, 10))
          .hasMessage("bucket \"no-such-bucket\" does not exist (ListObjectsV2)");
      // A HEAD answer has no error code, so a missing bucket looks like a missing key (documented).
      assertThat(store.head("a")).isEmpty();
    }
  }

  @Test
  void wrongCredentialsOnAnAuthenticatingS3ProxyFailAsAccessDeniedNamingTheKey() throws Exception {
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient").credentials("id", "secret").build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "id", "secret")
        .endpoint(URI.create("http://127.0.0.1:0"))
        .build();
    proxy.start();
    try {
      while (!"STARTED".equals(proxy.getState())) {
        Thread.onSpinWait();
      }
      context.getBlobStore().createContainerInLocation(null, "cortex");
      AwsBackendOptions options = AwsBackendOptions.newBuilder()
          .region("us-east-1")
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "wrong")))
          .compatibleServer(URI.create("http://127.0.0.1:" + proxy.getPort()))
          .bucket("cortex")
          .build();
      try (S3ObjectStore store = S3ObjectStore.create(options)) {
        assertThatThrownBy(() -> store.putText("a.txt", "x", "text/plain"))
            .isInstanceOfSatisfying(
                BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.access_denied"))
            .hasMessageStartingWith("access denied to s3://cortex/a.txt (PutObject): SignatureDoesNotMatch");
      }
    } finally {
      proxy.stop();
      context.close();
    }
  }

  @Test
  void serversAsTheTestsStartThemAcceptAnyCredentials() {
    StaticCredentialsProvider wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("who", "ever"));
    try (SqsQueueBackend queues = SqsQueueBackend.create(
            local().credentialsProvider(wrong).compatibleServer(servers.sqsEndpoint()).build());
         S3ObjectStore store = S3ObjectStore.create(local().credentialsProvider(wrong)
            .compatibleServer(servers.s3Endpoint()).bucket(LocalAwsServers.BUCKET).build())) {
      assertThat(queues.queueUrl("cx_none-" + UUID.randomUUID() + ".fifo")).isEmpty();
      assertThat(store.head("none-" + UUID.randomUUID())).isEmpty();
    }
  }

  @Test
  void missingRegionFailsWhenTheBackendIsCreatedNamingTheOption() {
    AwsBackendOptions options = AwsBackendOptions.newBuilder()
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
        .compatibleServer(servers.sqsEndpoint())
        .bucket("cortex")
        .build();

    assertThatThrownBy(() -> SqsQueueBackend.create(options))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("queue.region_missing"))
        .hasMessage("SqsQueueBackend has no AWS region: set AwsBackendOptions.Builder.region (needed for compatible"
            + " servers too, to sign requests), the AWS_REGION environment variable, the aws.region system property"
            + " or a region in the AWS profile");
    assertThatThrownBy(() -> S3ObjectStore.create(options))
        .isInstanceOfSatisfying(
            BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.region_missing"))
        .hasMessageStartingWith("S3ObjectStore has no AWS region: ");
  }

  @Test
  void missingCredentialsFailAsCredentialsMissingRatherThanUnavailable() {
    AwsBackendOptions sqsOptions = AwsBackendOptions.newBuilder()
        .region("us-east-1")
        .compatibleServer(servers.sqsEndpoint())
        .build();
    AwsBackendOptions s3Options = AwsBackendOptions.newBuilder(sqsOptions)
        .compatibleServer(servers.s3Endpoint())
        .bucket(LocalAwsServers.BUCKET)
        .build();
    try (SqsQueueBackend queues = SqsQueueBackend.create(sqsOptions);
         S3ObjectStore store = S3ObjectStore.create(s3Options)) {
      assertThatThrownBy(() -> queues.queueUrl("cx_abc.fifo"))
          .isInstanceOfSatisfying(
              BackendException.class, e -> assertThat(e.kind()).isEqualTo("queue.credentials_missing"))
          .hasMessageStartingWith("no AWS credentials for queue \"cx_abc.fifo\" (GetQueueUrl): set"
              + " AwsBackendOptions.Builder.credentialsProvider, or credentials for the SDK's default chain");
      assertThatThrownBy(() -> store.head("a.txt"))
          .isInstanceOfSatisfying(
              BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.credentials_missing"))
          .hasMessageStartingWith("no AWS credentials for s3://cortex-test/a.txt (HeadObject): set");
    }
  }

  @Test
  void rootPrefixesWithSpacesPercentSignsAndNonAsciiRoundTrip() {
    for (String prefix : List.of("a b/", "ü/", "a+b/", "100%/", "a?b#c/", "a\\b/", "~!$&'()*,;=@/")) {
      String unique = prefix + UUID.randomUUID() + "/";
      try (S3ObjectStore store = S3ObjectStore.create(local().compatibleServer(servers.s3Endpoint())
          .bucket(LocalAwsServers.BUCKET).rootKeyPrefix(unique).build())) {
        store.putText("k e+y%/ü.txt", "v", "text/plain");

        assertThat(store.get("k e+y%/ü.txt").map(o -> new String(o.content(), StandardCharsets.UTF_8)))
            .as(prefix).contains("v");
        assertThat(store.list("", null, 10).objects()).as(prefix).extracting(o -> o.key())
            .containsExactly("k e+y%/ü.txt");
        assertThat(store.deleteByPrefix("k")).as(prefix).isEqualTo(1);
      }
    }
  }

  @Test
  void rootPrefixWithAnEmptySegmentIsRefusedByTheOptionsNamingIt() {
    assertThatThrownBy(() -> local().bucket("cortex").rootKeyPrefix("x//").build())
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.invalid_key"))
        .hasMessage("invalid object key prefix \"x//\": it contains an empty path segment");
  }

  @Test
  void queueOfAVeryLongClusterAndApiNameStaysWithinSqsLimitsAndIsCreated() {
    String name = QueueNames.batchJobQueue("c".repeat(300), "a".repeat(QueueNames.MAX_API_NAME_LENGTH),
        "j".repeat(QueueNames.MAX_ID_LENGTH));
    try (SqsQueueBackend queues = SqsQueueBackend.create(local().compatibleServer(servers.sqsEndpoint()).build())) {
      String url = queues.createQueue(QueueSpec.fifo(name, Duration.ofSeconds(30)));

      assertThat(name).hasSizeLessThanOrEqualTo(80).endsWith(".fifo");
      assertThat(queues.queueUrl(name)).contains(url);
      queues.deleteQueue(url);
    }
  }

  @Test
  void callsAfterCloseFailNamingTheClosedBackendAndCloseTwiceIsHarmless() {
    SqsQueueBackend queues = SqsQueueBackend.create(local().compatibleServer(servers.sqsEndpoint()).build());
    S3ObjectStore store = S3ObjectStore.create(
        local().compatibleServer(servers.s3Endpoint()).bucket(LocalAwsServers.BUCKET).rootKeyPrefix("dev/").build());
    queues.close();
    queues.close();
    store.close();
    store.close();

    assertThatThrownBy(() -> queues.queueUrl("cx_abc.fifo"))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("queue.closed"))
        .hasMessage("SqsQueueBackend is closed: cannot GetQueueUrl on queue \"cx_abc.fifo\" (close the client that"
            + " uses a backend before the backend)");
    assertThatThrownBy(() -> store.head("a.txt"))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.kind()).isEqualTo("storage.closed"))
        .hasMessage("S3ObjectStore is closed: cannot HeadObject on s3://cortex-test/dev/a.txt (close the client that"
            + " uses a store before the store)");
  }

  @Test
  @Timeout(60)
  void closingTheBackendsBeforeTheClientFailsOnlyWithATypedErrorNamingTheClosedBackend() throws Exception {
    SqsQueueBackend queues = SqsQueueBackend.create(local().compatibleServer(servers.sqsEndpoint()).build());
    S3ObjectStore store = S3ObjectStore.create(local().compatibleServer(servers.s3Endpoint())
        .bucket(LocalAwsServers.BUCKET).rootKeyPrefix("order-" + UUID.randomUUID() + "/").build());
    EmbeddedCortexClient cortex = EmbeddedCortexClient.builder()
        .queueBackend(queues)
        .objectStore(store)
        .clusterName("order-" + UUID.randomUUID().toString().substring(0, 8))
        .build();
    CountDownLatch handling = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    cortex.createApi(ApiSpec.batch("reviews").handlerClass(ReviewHandler.class).build(), init -> new BatchHandler() {
      @Override
      public void handleBatch(List<JsonNode> batch, BatchContext context) throws InterruptedException {
        handling.countDown();
        never.await(); // until the client's close interrupts it
      }
    });
    cortex.submitJob("reviews", JobSubmission.items(List.of("a")).batchSize(1).workers(1).build());
    assertThat(handling.await(30, TimeUnit.SECONDS)).isTrue();

    queues.close();
    store.close();

    // Closing the client ends the running job, which needs the store; the batch ticker may have met the closed
    // queue backend first and ended the job itself. Either way nothing but a typed error naming the closed
    // backend may come out.
    Throwable thrown = catchThrowable(cortex::close);
    assertThat(thrown).satisfiesAnyOf(
        t -> assertThat(t).isNull(),
        t -> assertThat(t).isInstanceOfSatisfying(BackendException.class,
            e -> assertThat(e.kind()).isIn("storage.closed", "queue.closed")));
    if (thrown != null) {
      assertThat(thrown.getMessage()).containsPattern("^(S3ObjectStore|SqsQueueBackend) is closed: cannot ");
    }
  }
}
