package io.github.cortexj.aws;

import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.testkit.BackendCompatibilityKit;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * Runs the {@link BackendCompatibilityKit} against {@link SqsQueueBackend} on ElasticMQ and {@link S3ObjectStore}
 * on S3Proxy, both started once for the class on 127.0.0.1 with dynamic ports. Time passes for real: every wait is
 * a few seconds at most. Each test gets its own queues (unique names) and its own root key prefix in one bucket.
 */
@DisplayName("SqsQueueBackend + S3ObjectStore on ElasticMQ + S3Proxy")
class AwsBackendCompatibilityIntegrationTest extends BackendCompatibilityKit {

  private static LocalAwsServers servers;

  @BeforeAll
  static void startServers() throws Exception {
    servers = LocalAwsServers.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    servers.close();
  }

  @Override
  protected QueueBackend createQueueBackend() {
    return SqsQueueBackend.create(servers.sqsOptions().build());
  }

  @Override
  protected ObjectStore createObjectStore() {
    String root = "cluster-" + UUID.randomUUID() + "/";
    return S3ObjectStore.create(servers.s3Options(root).build());
  }

  @Override
  protected void advance(Duration duration) {
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while letting time pass", e);
    }
  }

  @Override
  protected boolean virtualTime() {
    return false;
  }
}
