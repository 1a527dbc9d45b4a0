package io.github.cortexj.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobStatus;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.job.JobSubmission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A retry delivered to a sibling worker while the failed attempt's worker is still recording it is handled. */
class RetryRedeliveryTest {

  private final CountDownLatch retryReceived = new CountDownLatch(1);
  private final BatchCluster cluster = new BatchCluster(store -> store, HoldsTheFailedAttempt::new);

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aRetryReceivedBeforeTheFailedAttemptIsRecordedRunsAsTheNextAttempt() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    cluster.deploy(
        (batch, context) -> {
          attempts.add(context.attempt());
          if (context.attempt() == 1) {
            throw new IllegalStateException("first attempt fails");
          }
        });

    JobSpec spec =
        cluster.submit(JobSubmission.items(List.of(1)).workers(2).retry(2, Duration.ZERO).build());

    assertThat(cluster.awaitEnd(spec.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
    // Not [1, 3]: the second delivery is not mistaken for the first one still running and left to time out.
    assertThat(attempts).containsExactly(1, 2);
  }

  /**
   * Holds the worker that makes a failed batch visible again (for its retry) until a sibling has received the
   * retry: the failed attempt is then still listed by its worker.
   */
  private final class HoldsTheFailedAttempt extends ForwardingQueueBackend {
    HoldsTheFailedAttempt(QueueBackend delegate) {
      super(delegate);
    }

    @Override
    public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
      delegate.changeVisibility(queueUrl, receiptHandle, timeout);
      if (timeout.isZero()) {
        try {
          retryReceived.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
      List<ReceivedMessage> received = delegate.receive(queueUrl, request);
      if (received.stream().anyMatch(message -> message.receiveCount() == 2)) {
        retryReceived.countDown();
      }
      return received;
    }
  }
}
