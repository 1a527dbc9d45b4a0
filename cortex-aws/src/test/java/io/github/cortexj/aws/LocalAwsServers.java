package io.github.cortexj.aws;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** ElasticMQ and S3Proxy started in this JVM on 127.0.0.1 with dynamic ports, for integration tests. */
final class LocalAwsServers implements AutoCloseable {

  static final String BUCKET = "cortex-test";

  private final SQSRestServer sqsServer;
  private final S3Proxy s3Proxy;
  private final BlobStoreContext blobContext;
  private final int sqsPort;

  private LocalAwsServers(SQSRestServer sqsServer, int sqsPort, S3Proxy s3Proxy, BlobStoreContext blobContext) {
    this.sqsServer = sqsServer;
    this.sqsPort = sqsPort;
    this.s3Proxy = s3Proxy;
    this.blobContext = blobContext;
  }

  static LocalAwsServers start() throws Exception {
    SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int sqsPort = sqs.waitUntilStarted().localAddress().getPort();
    BlobStoreContext context =
        ContextBuilder.newBuilder("transient").credentials("id", "secret").build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!"STARTED".equals(proxy.getState()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    context.getBlobStore().createContainerInLocation(null, BUCKET);
    return new LocalAwsServers(sqs, sqsPort, proxy, context);
  }

  URI sqsEndpoint() {
    return URI.create("http://127.0.0.1:" + sqsPort);
  }

  URI s3Endpoint() {
    return URI.create("http://127.0.0.1:" + s3Proxy.getPort());
  }

  /** Options for both backends against these servers, with a root key prefix of the caller's choosing. */
  AwsBackendOptions.Builder sqsOptions() {
    return AwsBackendOptions.newBuilder()
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
        .compatibleServer(sqsEndpoint());
  }

  AwsBackendOptions.Builder s3Options(String rootKeyPrefix) {
    return AwsBackendOptions.newBuilder()
        .region("us-east-1")
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
        .compatibleServer(s3Endpoint())
        .bucket(BUCKET)
        .rootKeyPrefix(rootKeyPrefix);
  }

  @Override
  public void close() throws Exception {
    try {
      s3Proxy.stop();
    } finally {
      blobContext.close();
      sqsServer.stopAndWait();
    }
  }
}
