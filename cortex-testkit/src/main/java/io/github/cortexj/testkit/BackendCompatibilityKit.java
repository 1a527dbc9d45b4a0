package io.github.cortexj.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.cortexj.core.backend.BackendException;
import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.backend.ObjectStream;
import io.github.cortexj.core.backend.OutgoingMessage;
import io.github.cortexj.core.backend.QueueBackend;
import io.github.cortexj.core.backend.QueueCounts;
import io.github.cortexj.core.backend.QueueSpec;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.backend.RedrivePolicy;
import io.github.cortexj.core.backend.SendBatchResult;
import io.github.cortexj.core.backend.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link QueueBackend} / {@link ObjectStore} pair must share with SQS and S3 for the runtime
 * to work the same embedded and distributed: visibility timeouts, receive counts, redrive, FIFO deduplication,
 * batch limits, approximate counts, listing order and paging, prefix deletes, last-modified times, concurrent
 * receivers and the object layout the runtime writes.
 *
 * <p>Extend it once per backend pair, say how to build a fresh pair for each test and how time passes, and every
 * test below runs against that pair:
 *
 * <pre>{@code
 * class InMemoryBackendCompatibilityTest extends BackendCompatibilityKit {
 *   private final ManualClock clock = new ManualClock();
 *
 *   @Override
 *   protected QueueBackend createQueueBackend() {
 *     return new InMemoryQueueBackend(clock);
 *   }
 *
 *   @Override
 *   protected ObjectStore createObjectStore() {
 *     return new InMemoryObjectStore("bucket", clock);
 *   }
 *
 *   @Override
 *   protected void advance(Duration duration) {
 *     clock.advance(duration);
 *   }
 *
 *   @Override
 *   protected boolean virtualTime() {
 *     return true;
 *   }
 *
 *   @Override
 *   protected Instant now() {
 *     return clock.instant();
 *   }
 * }
 * }</pre>
 *
 * <p>Timeouts are short (1 to 3 seconds) so that a run against real servers, where {@link #advance} waits for real,
 * takes seconds. Queue names are unique per test, so a subclass may share one server (and one bucket, with a root
 * key prefix per store) across tests. Backends that are {@link AutoCloseable} are closed after each test.
 *
 * <p>Where SQS or S3 and a backend disagree, the real protocol is the truth: fix the backend, not the kit.
 */
public abstract class BackendCompatibilityKit {

  /** The visibility timeout most tests use; short so that real-time runs stay fast. */
  protected static final Duration SHORT_VISIBILITY = Duration.ofSeconds(1);

  /** Enough time for a {@link #SHORT_VISIBILITY} to expire, with a margin for real servers. */
  protected static final Duration PAST_SHORT_VISIBILITY = Duration.ofMillis(1_500);

  private static final Duration LONG_VISIBILITY = Duration.ofMinutes(5);

  /** The queue backend under test; fresh for each test. */
  protected QueueBackend queues;

  /** The object store under test; fresh for each test, empty at its start. */
  protected ObjectStore store;

  /** Creates the kit; JUnit makes one instance per test. */
  protected BackendCompatibilityKit() {}

  /**
   * Returns a queue backend for one test.
   *
   * @return a fresh backend (or one that only shares a server with other tests)
   */
  protected abstract QueueBackend createQueueBackend();

  /**
   * Returns an object store for one test, empty as far as its keys go.
   *
   * @return a fresh store (or one under a root key prefix of its own)
   */
  protected abstract ObjectStore createObjectStore();

  /**
   * Lets time pass for the backends: moves a manual clock, or waits for real.
   *
   * @param duration how much time passes
   */
  protected abstract void advance(Duration duration);

  /**
   * Tells whether {@link #advance} moves a virtual clock. Tests of exact timing run only then; tests that need a
   * second thread to act while a call blocks run only with real time.
   *
   * @return {@code true} for a manual clock
   */
  protected abstract boolean virtualTime();

  /**
   * Returns the backends' current time, against which last-modified times are checked.
   *
   * @return now, by the backends' clock; the system clock unless overridden
   */
  protected Instant now() {
    return Instant.now();
  }

  /** Builds the backends under test. */
  @BeforeEach
  void createBackends() {
    queues = createQueueBackend();
    store = createObjectStore();
  }

  /** Closes the backends under test if they can be closed. */
  @AfterEach
  void closeBackends() throws Exception {
    if (queues instanceof AutoCloseable) {
      ((AutoCloseable) queues).close();
    }
    if (store instanceof AutoCloseable) {
      ((AutoCloseable) store).close();
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Queues
  // ---------------------------------------------------------------------------------------------------------

  /** Creating, finding and deleting queues. */
  @Nested
  @DisplayName("Queue lifecycle")
  class QueueLifecycle {

    @Test
    @DisplayName("creating a queue twice with the same attributes returns the same URL, which queueUrl finds")
    void createQueueIsIdempotent() {
      QueueSpec spec = QueueSpec.fifo(uniqueQueueName(), Duration.ofSeconds(60));
      String first = queues.createQueue(spec);
      String second = queues.createQueue(spec);
      assertThat(second).isEqualTo(first);
      assertThat(queues.queueUrl(spec.name())).contains(first);
    }

    @Test
    @DisplayName("queueUrl of a queue that was never created is empty")
    void missingQueueHasNoUrl() {
      assertThat(queues.queueUrl(uniqueQueueName())).isEmpty();
    }

    @Test
    @DisplayName("a deleted queue is gone, and deleting it again does nothing")
    void deletedQueueIsGone() {
      QueueSpec spec = QueueSpec.fifo(uniqueQueueName(), Duration.ofSeconds(60));
      String url = queues.createQueue(spec);
      queues.deleteQueue(url);
      assertThat(queues.queueUrl(spec.name())).isEmpty();
      queues.deleteQueue(url);
    }

    @Test
    @DisplayName("a queue has an ARN, the name a redrive policy uses for it")
    void queueHasArn() {
      QueueSpec spec = QueueSpec.fifo(uniqueQueueName(), Duration.ofSeconds(60));
      String url = queues.createQueue(spec);
      assertThat(queues.queueArn(url)).endsWith(spec.name());
      assertThat(queues.queueArn(url)).isEqualTo(queues.queueArn(url));
    }
  }

  /** Sending, receiving, visibility and receive counts. */
  @Nested
  @DisplayName("Messages and visibility")
  class MessagesAndVisibility {

    @Test
    @DisplayName("a sent message is received with its body, attributes, message id and a receive count of 1")
    void receivesWhatWasSent() {
      String url = newQueue(SHORT_VISIBILITY);
      String id =
          queues.send(url, OutgoingMessage.fifo("m1", "[1,2,3]", Map.of("api_name", "iris", "job_id", "69b1")));
      List<ReceivedMessage> received = queues.receive(url, ReceiveRequest.one(Duration.ZERO, LONG_VISIBILITY));
      assertThat(received).hasSize(1);
      ReceivedMessage message = received.get(0);
      assertThat(message.messageId()).isEqualTo(id);
      assertThat(message.body()).isEqualTo("[1,2,3]");
      assertThat(message.attributes()).isEqualTo(Map.of("api_name", "iris", "job_id", "69b1"));
      assertThat(message.receiveCount()).isEqualTo(1);
      assertThat(message.receiptHandle()).isNotBlank();
    }

    @Test
    @DisplayName("receiving from an empty queue without waiting returns no message")
    void emptyQueueReceivesNothing() {
      String url = newQueue(SHORT_VISIBILITY);
      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();
    }

    @Test
    @DisplayName("a received message stays hidden until its visibility timeout expires, then returns with a"
        + " receive count of 2 and the same message id")
    void visibilityExpiry() {
      String url = newQueue(Duration.ofSeconds(60));
      String id = queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage first = receiveOne(url, SHORT_VISIBILITY);
      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();

      advance(PAST_SHORT_VISIBILITY);

      ReceivedMessage second = receiveOne(url, SHORT_VISIBILITY);
      assertThat(second.messageId()).isEqualTo(id).isEqualTo(first.messageId());
      assertThat(second.receiveCount()).isEqualTo(2);
      assertThat(second.body()).isEqualTo("body");
    }

    @Test
    @DisplayName("the receive count grows by one with every delivery")
    void receiveCountGrows() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      List<Integer> counts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ReceivedMessage message = receiveOne(url, SHORT_VISIBILITY);
        counts.add(message.receiveCount());
        queues.changeVisibility(url, message.receiptHandle(), Duration.ZERO);
      }
      assertThat(counts).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("extending a message's visibility keeps it hidden past its first timeout")
    void visibilityExtension() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage message = receiveOne(url, SHORT_VISIBILITY);

      queues.changeVisibility(url, message.receiptHandle(), Duration.ofSeconds(3));
      advance(PAST_SHORT_VISIBILITY);
      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();

      advance(Duration.ofMillis(2_000));
      assertThat(receiveOne(url, SHORT_VISIBILITY).receiveCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a visibility change to zero makes the message visible at once")
    void zeroVisibility() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage message = receiveOne(url, LONG_VISIBILITY);
      queues.changeVisibility(url, message.receiptHandle(), Duration.ZERO);
      assertThat(receiveOne(url, LONG_VISIBILITY).messageId()).isEqualTo(message.messageId());
    }

    @Test
    @DisplayName("a visibility change to 11 hours keeps the message hidden until those hours have passed")
    void longVisibility() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage message = receiveOne(url, SHORT_VISIBILITY);

      // SQS refuses a change that would hide a message more than 12 hours after its receive, so stay under that.
      queues.changeVisibility(url, message.receiptHandle(), Duration.ofHours(11));

      advance(PAST_SHORT_VISIBILITY);
      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();
      if (virtualTime()) {
        advance(Duration.ofHours(11));
        assertThat(receiveOne(url, SHORT_VISIBILITY).receiveCount()).isEqualTo(2);
      }
    }

    @Test
    @DisplayName("changing the visibility of a deleted message fails with queue.receipt_handle_invalid")
    void visibilityOfDeletedMessage() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage message = receiveOne(url, LONG_VISIBILITY);
      queues.delete(url, message.receiptHandle());
      assertBackendError(
          () -> queues.changeVisibility(url, message.receiptHandle(), Duration.ofSeconds(30)),
          "queue.receipt_handle_invalid");
    }

    @Test
    @DisplayName("a deleted message is never delivered again")
    void deletedMessageIsGone() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage message = receiveOne(url, SHORT_VISIBILITY);
      queues.delete(url, message.receiptHandle());
      advance(PAST_SHORT_VISIBILITY);
      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();
    }

    @Test
    @DisplayName("deleting a message a second time with the same receipt handle does nothing")
    void deleteTwice() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      ReceivedMessage message = receiveOne(url, LONG_VISIBILITY);
      queues.delete(url, message.receiptHandle());
      queues.delete(url, message.receiptHandle());
      awaitCounts(url, new QueueCounts(0, 0));
    }

    @Test
    @DisplayName("a receive of up to 10 returns several visible messages at once")
    void receivesSeveral() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.sendBatch(url, messages(10, 10));
      List<ReceivedMessage> all = new ArrayList<>();
      for (int i = 0; i < 10 && all.size() < 10; i++) {
        all.addAll(queues.receive(url, new ReceiveRequest(10, Duration.ZERO, LONG_VISIBILITY)));
      }
      assertThat(all).hasSize(10);
      assertThat(all.stream().map(ReceivedMessage::body).collect(Collectors.toSet())).hasSize(10);
    }

    @Test
    @DisplayName("a receive with a wait time returns a message sent while it waits (long polling)")
    void longPolling() throws Exception {
      assumeFalse(virtualTime(), "long polling needs a second thread to send while the receive blocks");
      String url = newQueue(Duration.ofSeconds(60));
      ExecutorService sender = Executors.newSingleThreadExecutor();
      try {
        Future<String> sent =
            sender.submit(
                () -> {
                  TimeUnit.MILLISECONDS.sleep(500);
                  return queues.send(url, OutgoingMessage.fifo("late", "late", Map.of()));
                });
        List<ReceivedMessage> received = queues.receive(url, ReceiveRequest.one(Duration.ofSeconds(5), LONG_VISIBILITY));
        assertThat(received).extracting(ReceivedMessage::messageId).containsExactly(sent.get(5, TimeUnit.SECONDS));
      } finally {
        sender.shutdownNow();
      }
    }
  }

  /** Dead-letter queues and FIFO deduplication. */
  @Nested
  @DisplayName("Redrive and deduplication")
  class RedriveAndDeduplication {

    @Test
    @DisplayName("a message received maxReceiveCount times without being deleted moves to the dead-letter queue")
    void redriveAfterMaxReceiveCount() {
      String deadLetters = newQueue(Duration.ofSeconds(60));
      String url =
          queues.createQueue(
              QueueSpec.fifo(uniqueQueueName(), SHORT_VISIBILITY)
                  .withRedrivePolicy(new RedrivePolicy(queues.queueArn(deadLetters), 2)));
      String id = queues.send(url, OutgoingMessage.fifo("m1", "poison", Map.of("job_id", "j1")));

      assertThat(receiveOne(url, SHORT_VISIBILITY).receiveCount()).isEqualTo(1);
      advance(PAST_SHORT_VISIBILITY);
      assertThat(receiveOne(url, SHORT_VISIBILITY).receiveCount()).isEqualTo(2);
      advance(PAST_SHORT_VISIBILITY);

      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();
      ReceivedMessage dead = receiveOne(deadLetters, LONG_VISIBILITY);
      assertThat(dead.messageId()).isEqualTo(id);
      assertThat(dead.body()).isEqualTo("poison");
      assertThat(dead.attributes()).containsEntry("job_id", "j1");
    }

    @Test
    @DisplayName("a message deleted before maxReceiveCount never reaches the dead-letter queue")
    void deletedMessageIsNotRedriven() {
      String deadLetters = newQueue(Duration.ofSeconds(60));
      String url =
          queues.createQueue(
              QueueSpec.fifo(uniqueQueueName(), SHORT_VISIBILITY)
                  .withRedrivePolicy(new RedrivePolicy(queues.queueArn(deadLetters), 1)));
      queues.send(url, OutgoingMessage.fifo("m1", "fine", Map.of()));
      queues.delete(url, receiveOne(url, SHORT_VISIBILITY).receiptHandle());
      advance(PAST_SHORT_VISIBILITY);
      assertThat(queues.receive(url, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();
      assertThat(queues.receive(deadLetters, ReceiveRequest.one(Duration.ZERO, SHORT_VISIBILITY))).isEmpty();
    }

    @Test
    @DisplayName("a second message with the same deduplication id is accepted but not delivered")
    void fifoDeduplication() {
      String url = newQueue(Duration.ofSeconds(60));
      String first = queues.send(url, new OutgoingMessage("a", "first", Map.of(), "dedup-1", "group-a"));
      queues.send(url, new OutgoingMessage("b", "second", Map.of(), "dedup-1", "group-b"));
      List<ReceivedMessage> received = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        received.addAll(queues.receive(url, new ReceiveRequest(10, Duration.ZERO, LONG_VISIBILITY)));
      }
      assertThat(received).extracting(ReceivedMessage::messageId).containsExactly(first);
      assertThat(received.get(0).body()).isEqualTo("first");
    }

    @Test
    @DisplayName("a deduplicated message stays deduplicated after the first one is deleted")
    void deduplicationOutlivesDelete() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("a", "first", Map.of()));
      queues.delete(url, receiveOne(url, LONG_VISIBILITY).receiptHandle());
      queues.send(url, OutgoingMessage.fifo("a", "again", Map.of()));
      assertThat(queues.receive(url, new ReceiveRequest(10, Duration.ZERO, LONG_VISIBILITY))).isEmpty();
    }
  }

  /** SQS's batch limits, checked before anything is sent. */
  @Nested
  @DisplayName("Batch limits")
  class SendLimits {

    @Test
    @DisplayName("a batch of 10 messages is sent whole, each with the message id the receive reports")
    void batchOfTen() {
      String url = newQueue(Duration.ofSeconds(60));
      SendBatchResult result = queues.sendBatch(url, messages(10, 100));
      assertThat(result.allSucceeded()).isTrue();
      assertThat(result.successful())
          .extracting(SendBatchResult.Sent::entryId)
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "e" + i).toList());
      Set<String> sentIds =
          result.successful().stream().map(SendBatchResult.Sent::messageId).collect(Collectors.toSet());
      List<ReceivedMessage> received = receiveAll(url, 10);
      assertThat(received.stream().map(ReceivedMessage::messageId).collect(Collectors.toSet())).isEqualTo(sentIds);
    }

    @Test
    @DisplayName("a batch of exactly 256,000 bytes of bodies is accepted")
    void batchAtByteLimit() {
      String url = newQueue(Duration.ofSeconds(60));
      SendBatchResult result = queues.sendBatch(url, messages(10, QueueBackend.MAX_MESSAGE_BYTES / 10));
      assertThat(result.allSucceeded()).isTrue();
    }

    @Test
    @DisplayName("a message of exactly 256,000 bytes is accepted")
    void messageAtByteLimit() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("big", "x".repeat(QueueBackend.MAX_MESSAGE_BYTES), Map.of()));
      assertThat(receiveOne(url, LONG_VISIBILITY).body()).hasSize(QueueBackend.MAX_MESSAGE_BYTES);
    }

    @Test
    @DisplayName("a batch of 11 messages is refused with queue.batch_limit, and nothing is sent")
    void elevenEntriesRefused() {
      String url = newQueue(Duration.ofSeconds(60));
      assertBackendError(() -> queues.sendBatch(url, messages(11, 10)), "queue.batch_limit");
      assertThat(queues.receive(url, new ReceiveRequest(10, Duration.ZERO, LONG_VISIBILITY))).isEmpty();
    }

    @Test
    @DisplayName("an entry SQS refuses on its own (an empty body) fails alone as the sender's fault, and the others"
        + " are sent")
    void entryRefusedAlone() {
      String url = newQueue(Duration.ofSeconds(60));
      SendBatchResult result =
          queues.sendBatch(
              url, List.of(OutgoingMessage.fifo("ok", "fine", Map.of()), OutgoingMessage.fifo("empty", "", Map.of())));
      assertThat(result.successful()).extracting(SendBatchResult.Sent::entryId).containsExactly("ok");
      assertThat(result.failed()).extracting(SendBatchResult.Failed::entryId).containsExactly("empty");
      assertThat(result.failed().get(0).senderFault()).isTrue();
      assertThat(receiveOne(url, LONG_VISIBILITY).body()).isEqualTo("fine");
    }

    @Test
    @DisplayName("an empty batch is refused with queue.batch_limit")
    void emptyBatchRefused() {
      String url = newQueue(Duration.ofSeconds(60));
      assertBackendError(() -> queues.sendBatch(url, List.of()), "queue.batch_limit");
    }

    @Test
    @DisplayName("a batch whose bodies add up to more than 256,000 bytes is refused with queue.batch_limit")
    void oversizedBatchRefused() {
      String url = newQueue(Duration.ofSeconds(60));
      List<OutgoingMessage> batch = new ArrayList<>(messages(9, QueueBackend.MAX_MESSAGE_BYTES / 10));
      batch.add(OutgoingMessage.fifo("last", "x".repeat(QueueBackend.MAX_MESSAGE_BYTES / 10 + 1), Map.of()));
      assertBackendError(() -> queues.sendBatch(url, batch), "queue.batch_limit");
    }

    @Test
    @DisplayName("a batch that repeats an entry id is refused with queue.batch_limit")
    void repeatedEntryIdRefused() {
      String url = newQueue(Duration.ofSeconds(60));
      List<OutgoingMessage> batch =
          List.of(
              new OutgoingMessage("same", "a", Map.of(), "d1", "g1"),
              new OutgoingMessage("same", "b", Map.of(), "d2", "g2"));
      assertBackendError(() -> queues.sendBatch(url, batch), "queue.batch_limit");
    }

    @Test
    @DisplayName("a message over 256,000 bytes is refused: alone with queue.message_too_long, in a batch with"
        + " queue.batch_limit, as SQS refuses the whole batch (BatchRequestTooLong)")
    void oversizedMessageRefused() {
      String url = newQueue(Duration.ofSeconds(60));
      OutgoingMessage tooLong = OutgoingMessage.fifo("big", "x".repeat(QueueBackend.MAX_MESSAGE_BYTES + 1), Map.of());
      assertBackendError(() -> queues.send(url, tooLong), "queue.message_too_long");
      assertBackendError(
          () -> queues.sendBatch(url, List.of(OutgoingMessage.fifo("small", "x", Map.of()), tooLong)),
          "queue.batch_limit");
      assertThat(queues.receive(url, new ReceiveRequest(10, Duration.ZERO, LONG_VISIBILITY))).isEmpty();
    }

    @Test
    @DisplayName("a body's limit counts UTF-8 bytes, not characters")
    void limitCountsUtf8Bytes() {
      String url = newQueue(Duration.ofSeconds(60));
      // 128,001 two-byte characters: under the limit in chars, over it in bytes.
      OutgoingMessage tooLong =
          OutgoingMessage.fifo("big", "é".repeat(QueueBackend.MAX_MESSAGE_BYTES / 2 + 1), Map.of());
      assertBackendError(() -> queues.send(url, tooLong), "queue.message_too_long");
    }

    @Test
    @DisplayName("a delete batch of 10 handles deletes them all; one of 11 is refused with queue.batch_limit")
    void deleteBatchLimits() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.sendBatch(url, messages(10, 10));
      List<String> handles = receiveAll(url, 10).stream().map(ReceivedMessage::receiptHandle).toList();
      List<String> eleven = new ArrayList<>(handles);
      eleven.add(handles.get(0));
      assertBackendError(() -> queues.deleteBatch(url, eleven), "queue.batch_limit");
      assertBackendError(() -> queues.deleteBatch(url, List.of()), "queue.batch_limit");
      assertThat(queues.deleteBatch(url, handles)).isEmpty();
      awaitCounts(url, new QueueCounts(0, 0));
    }
  }

  /** Approximate counts and concurrent receivers. */
  @Nested
  @DisplayName("Counts and concurrency")
  class CountsAndConcurrency {

    @Test
    @DisplayName("approximate counts track visible and in-flight messages and settle to zero once all are deleted")
    void countsSettleToZero() {
      String url = newQueue(Duration.ofSeconds(60));
      assertThat(queues.counts(url)).isEqualTo(new QueueCounts(0, 0));
      queues.sendBatch(url, messages(5, 10));
      awaitCounts(url, new QueueCounts(5, 0));

      List<ReceivedMessage> received = receiveAll(url, 5);
      awaitCounts(url, new QueueCounts(0, 5));

      queues.deleteBatch(url, received.stream().map(ReceivedMessage::receiptHandle).toList());
      awaitCounts(url, new QueueCounts(0, 0));
    }

    @Test
    @DisplayName("a message whose visibility expired counts as visible again")
    void expiredMessageCountsAsVisible() {
      String url = newQueue(Duration.ofSeconds(60));
      queues.send(url, OutgoingMessage.fifo("m1", "body", Map.of()));
      receiveOne(url, SHORT_VISIBILITY);
      awaitCounts(url, new QueueCounts(0, 1));
      advance(PAST_SHORT_VISIBILITY);
      awaitCounts(url, new QueueCounts(1, 0));
    }

    @Test
    @DisplayName("concurrent receivers never share a visible message, and together receive every one")
    void concurrentReceivers() throws Exception {
      String url = newQueue(Duration.ofSeconds(60));
      int total = 60;
      for (int i = 0; i < total; i += 10) {
        int base = i;
        List<OutgoingMessage> batch =
            IntStream.range(base, base + 10)
                .mapToObj(n -> OutgoingMessage.fifo("m" + n, "body-" + n, Map.of()))
                .toList();
        assertThat(queues.sendBatch(url, batch).allSucceeded()).isTrue();
      }
      Map<String, Integer> deliveries = new ConcurrentHashMap<>();
      AtomicInteger received = new AtomicInteger();
      ExecutorService receivers = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          futures.add(
              receivers.submit(
                  () -> {
                    int emptyPolls = 0;
                    while (received.get() < total && emptyPolls < 20) {
                      List<ReceivedMessage> batch =
                          queues.receive(url, new ReceiveRequest(3, Duration.ZERO, LONG_VISIBILITY));
                      emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                      for (ReceivedMessage message : batch) {
                        deliveries.merge(message.body(), 1, Integer::sum);
                        received.incrementAndGet();
                      }
                    }
                  }));
        }
        for (Future<?> future : futures) {
          future.get(60, TimeUnit.SECONDS);
        }
      } finally {
        receivers.shutdownNow();
      }
      assertThat(deliveries.values()).as("deliveries per message").allMatch(count -> count == 1);
      assertThat(deliveries).hasSize(total);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Object store
  // ---------------------------------------------------------------------------------------------------------

  /** Writing and reading objects. */
  @Nested
  @DisplayName("Objects")
  class StoredObjects {

    @Test
    @DisplayName("an object reads back with its bytes, content type, size and key")
    void roundTrip() {
      byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
      store.put("jobs/x/payload.json", content, "application/json");
      StoredObject object = store.get("jobs/x/payload.json").orElseThrow();
      assertThat(object.content()).isEqualTo(content);
      assertThat(object.info().key()).isEqualTo("jobs/x/payload.json");
      assertThat(object.info().size()).isEqualTo(content.length);
      assertThat(object.info().contentType()).isEqualTo("application/json");
      assertThat(store.head("jobs/x/payload.json")).map(ObjectInfo::contentType).contains("application/json");
      assertThat(store.head("jobs/x/payload.json")).map(ObjectInfo::size).contains((long) content.length);
    }

    @Test
    @DisplayName("an object written without a content type reads back with none or the store's octet-stream"
        + " default")
    void noContentType() {
      store.putText("workloads/api/r1/result.json", "{}", null);
      @Nullable String contentType = store.head("workloads/api/r1/result.json").orElseThrow().contentType();
      // S3 answers binary/octet-stream for objects stored without one; S3-compatible servers vary.
      assertThat(contentType).isIn(null, "binary/octet-stream", "application/octet-stream");
    }

    @Test
    @DisplayName("an empty object (a status marker) reads back with size 0")
    void emptyObject() {
      store.put("jobs/x/succeeded", new byte[0], null);
      assertThat(store.get("jobs/x/succeeded").orElseThrow().content()).isEmpty();
      assertThat(store.head("jobs/x/succeeded").orElseThrow().size()).isZero();
    }

    @Test
    @DisplayName("writing a key again replaces the object")
    void overwrite() {
      store.putText("k", "first", "text/plain");
      store.putText("k", "second", "application/json");
      StoredObject object = store.get("k").orElseThrow();
      assertThat(object.text()).isEqualTo("second");
      assertThat(object.info().contentType()).isEqualTo("application/json");
      assertThat(store.listAll("k")).hasSize(1);
    }

    @Test
    @DisplayName("a missing key reads as empty from get, open and head")
    void missingKey() {
      assertThat(store.get("no/such/key")).isEmpty();
      assertThat(store.open("no/such/key")).isEmpty();
      assertThat(store.head("no/such/key")).isEmpty();
    }

    @Test
    @DisplayName("deleting a key removes it, and deleting a missing key does nothing")
    void deleteKey() {
      store.putText("k", "v", null);
      store.delete("k");
      assertThat(store.get("k")).isEmpty();
      store.delete("k");
      store.delete("never/written");
    }

    @Test
    @DisplayName("a streamed object of 3 MiB is written from a stream and reads back whole through open")
    void streaming() throws IOException {
      byte[] content = new byte[3 * 1024 * 1024 + 17];
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) (i * 31 + 7);
      }
      try (InputStream in = new ByteArrayInputStream(content)) {
        store.put("projects/p.zip", in, content.length, "application/zip");
      }
      Optional<ObjectStream> opened = store.open("projects/p.zip");
      assertThat(opened).isPresent();
      try (ObjectStream stream = opened.get()) {
        assertThat(stream.info().size()).isEqualTo(content.length);
        assertThat(stream.info().contentType()).isEqualTo("application/zip");
        assertThat(stream.content().readAllBytes()).isEqualTo(content);
      }
    }

    @Test
    @DisplayName("invalid keys are refused with storage.invalid_key before they touch storage")
    void invalidKeys() {
      for (String key : List.of("", "/abs", "a//b", "a/../b", "./a", "a/", "nul\u0000byte")) {
        assertBackendError(() -> store.put(key, new byte[0], null), "storage.invalid_key");
        assertBackendError(() -> store.get(key), "storage.invalid_key");
      }
      assertBackendError(() -> store.list("../", null, 10), "storage.invalid_key");
      assertThat(store.listAll("")).isEmpty();
    }
  }

  /** Listing, paging and prefix deletes. */
  @Nested
  @DisplayName("Listing and prefix deletes")
  class Listing {

    @Test
    @DisplayName("listing returns keys in ascending UTF-8 byte order, page by page, until the token runs out")
    void orderingAndPaging() {
      List<String> keys = List.of("b", "a/b", "ab", "a-b", "a", "z", "\u00e9t\u00e9", "A", "a/a/a", "0");
      for (String key : keys) {
        store.putText(key, key, null);
      }
      List<String> listed = new ArrayList<>();
      List<Integer> pageSizes = new ArrayList<>();
      String token = null;
      do {
        ObjectPage page = store.list("", token, 3);
        pageSizes.add(page.objects().size());
        page.objects().forEach(object -> listed.add(object.key()));
        token = page.nextToken();
      } while (token != null);
      List<String> expected = keys.stream().sorted(UTF8_ORDER).toList();
      assertThat(listed).containsExactlyElementsOf(expected);
      assertThat(pageSizes).containsExactly(3, 3, 3, 1);
    }

    @Test
    @DisplayName("a page with exactly maxKeys objects left may end the listing or hand a token to an empty page")
    void exactPage() {
      for (String key : List.of("a", "b", "c")) {
        store.putText(key, key, null);
      }
      ObjectPage first = store.list("", null, 3);
      assertThat(first.objects()).extracting(ObjectInfo::key).containsExactly("a", "b", "c");
      if (first.nextToken() != null) {
        assertThat(store.list("", first.nextToken(), 3).objects()).isEmpty();
      }
    }

    @Test
    @DisplayName("listing returns only keys that start with the prefix, with their sizes")
    void prefixFilter() {
      store.putText("jobs/a/1", "1", null);
      store.putText("jobs/a/22", "22", null);
      store.putText("jobs/ab/3", "333", null);
      store.putText("jobs/b/4", "4444", null);
      assertThat(store.listAll("jobs/a/")).extracting(ObjectInfo::key).containsExactly("jobs/a/1", "jobs/a/22");
      assertThat(store.listAll("jobs/a/")).extracting(ObjectInfo::size).containsExactly(1L, 2L);
      assertThat(store.listAll("jobs/a")).extracting(ObjectInfo::key)
          .containsExactly("jobs/a/1", "jobs/a/22", "jobs/ab/3");
      assertThat(store.listAll("nothing/")).isEmpty();
    }

    @Test
    @DisplayName("deleteByPrefix deletes every object under the prefix, across more than one page of 1,000, and"
        + " no other")
    void deleteByPrefix() throws Exception {
      int count = ObjectStore.MAX_PAGE_SIZE + 5;
      ExecutorService writers = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          String key = String.format("workloads/api/r%05d/payload", i);
          writes.add(writers.submit(() -> store.put(key, new byte[0], null)));
        }
        for (Future<?> write : writes) {
          write.get(60, TimeUnit.SECONDS);
        }
      } finally {
        writers.shutdownNow();
      }
      store.putText("workloads/apis/keep", "keep", null);
      store.putText("workloads/keep", "keep", null);

      assertThat(store.deleteByPrefix("workloads/api/")).isEqualTo(count);

      assertThat(store.listAll("workloads/")).extracting(ObjectInfo::key)
          .containsExactly("workloads/apis/keep", "workloads/keep");
      assertThat(store.deleteByPrefix("workloads/api/")).isZero();
    }

    @Test
    @DisplayName("deleteByPrefix refuses an empty prefix, so that a bug cannot empty the bucket")
    void deleteByEmptyPrefix() {
      store.putText("k", "v", null);
      assertThatThrownBy(() -> store.deleteByPrefix("")).isInstanceOf(RuntimeException.class);
      assertThat(store.get("k")).isPresent();
    }
  }

  /** Last-modified times, which job end times are read from. */
  @Nested
  @DisplayName("Last-modified times")
  class LastModified {

    @Test
    @DisplayName("last-modified is the write time in whole seconds, the same from get, head, open and list")
    void wholeSecondsEverywhere() throws IOException {
      Instant before = now().truncatedTo(ChronoUnit.SECONDS);
      store.putText("jobs/x/succeeded", "", null);
      Instant after = now();
      Instant fromHead = store.head("jobs/x/succeeded").orElseThrow().lastModified();
      assertThat(fromHead.getNano()).as("sub-second part").isZero();
      assertThat(fromHead).isBetween(before, after);
      assertThat(store.get("jobs/x/succeeded").orElseThrow().info().lastModified()).isEqualTo(fromHead);
      try (ObjectStream stream = store.open("jobs/x/succeeded").orElseThrow()) {
        assertThat(stream.info().lastModified()).isEqualTo(fromHead);
      }
      assertThat(store.listAll("jobs/x/")).extracting(ObjectInfo::lastModified).containsExactly(fromHead);
    }

    @Test
    @DisplayName("a later write has a later last-modified time, and rewriting a key moves its time")
    void laterWriteIsLater() {
      store.putText("jobs/x/running", "", null);
      store.putText("jobs/x/enqueuing", "", null);
      Instant first = store.head("jobs/x/running").orElseThrow().lastModified();
      advance(Duration.ofMillis(2_100));
      store.putText("jobs/x/succeeded", "", null);
      store.putText("jobs/x/enqueuing", "", null);
      Instant second = store.head("jobs/x/succeeded").orElseThrow().lastModified();
      assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(store.head("jobs/x/enqueuing").orElseThrow().lastModified()).isAfterOrEqualTo(second);
      assertThat(store.head("jobs/x/running").orElseThrow().lastModified()).isEqualTo(first);
    }
  }

  /** The keys the runtime writes, as Cortex lays them out (reference §2). */
  @Nested
  @DisplayName("Object layout")
  class Layout {

    @Test
    @DisplayName("a batch job's spec, payload, counts, metrics and status markers list back under the job's prefix"
        + " in key order")
    void batchJobLayout() {
      String job = "jobs/BatchAPI/0.35.0/iris/69b1c2d3e4f5a6b7/";
      store.putText(job + "spec.json", "{\"job_id\":\"69b1c2d3e4f5a6b7\"}", "application/json");
      store.putText(job + "payload.json", "{\"item_list\":{\"items\":[1],\"batch_size\":1}}", "application/json");
      store.putText(job + "max_batch_count", "1", null);
      store.putText(job + "metrics.json", "{\"succeeded\":1,\"failed\":0,\"average_time_per_batch\":0.5}", null);
      store.put(job + "enqueuing", new byte[0], null);
      store.put(job + "running", new byte[0], null);
      store.put(job + "succeeded", new byte[0], null);
      store.putText("jobs/BatchAPI/0.35.0/iris2/1/spec.json", "{}", null);

      List<ObjectInfo> listed = store.listAll(job);
      assertThat(listed).extracting(ObjectInfo::key).containsExactly(
          job + "enqueuing", job + "max_batch_count", job + "metrics.json", job + "payload.json", job + "running",
          job + "spec.json", job + "succeeded");
      assertThat(listed.stream().filter(o -> o.size() == 0).map(ObjectInfo::key).toList())
          .containsExactly(job + "enqueuing", job + "running", job + "succeeded");
      assertThat(store.get(job + "max_batch_count").orElseThrow().text()).isEqualTo("1");
      assertThat(store.deleteByPrefix(job + "payload.json")).isEqualTo(1);
      assertThat(store.listAll(job)).hasSize(6);
    }

    @Test
    @DisplayName("an async request's payload keeps its content type and its status markers list under status/")
    void asyncLayout() {
      String request = "workloads/text-generator/6f1d2e3c-0a1b-4c5d-8e9f-001122334455/";
      store.putText(request + "payload", "{\"text\":\"hi\"}", "application/json; charset=utf-8");
      store.put(request + "status/in_queue", new byte[0], null);
      store.put(request + "status/in_progress", new byte[0], null);
      store.putText(request + "result.json", "{\"ok\":true}", null);
      store.put(request + "status/completed", new byte[0], null);
      store.delete(request + "payload");

      assertThat(store.listAll(request + "status/")).extracting(ObjectInfo::key).containsExactly(
          request + "status/completed", request + "status/in_progress", request + "status/in_queue");
      assertThat(store.get(request + "result.json").orElseThrow().text()).isEqualTo("{\"ok\":true}");
      assertThat(store.get(request + "payload")).isEmpty();
    }

    @Test
    @DisplayName("job ids that decrease over time list newest first, as Cortex's ids are built for")
    void decreasingJobIdsListNewestFirst() {
      long older = Long.MAX_VALUE - 1_700_000_000_000_000_000L;
      long newer = Long.MAX_VALUE - 1_700_000_001_000_000_000L;
      String prefix = "jobs/TaskAPI/0.35.0/cleanup/";
      store.putText(prefix + Long.toHexString(older) + "/spec.json", "{}", null);
      store.putText(prefix + Long.toHexString(newer) + "/spec.json", "{}", null);
      store.put("jobs/TaskAPI/in_progress/cleanup/" + Long.toHexString(newer), new byte[0], null);
      assertThat(store.listAll(prefix)).extracting(ObjectInfo::key).containsExactly(
          prefix + Long.toHexString(newer) + "/spec.json", prefix + Long.toHexString(older) + "/spec.json");
      assertThat(store.listAll("jobs/TaskAPI/in_progress/cleanup/")).hasSize(1);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------------------

  /** Orders strings by their UTF-8 bytes, unsigned, as S3 lists keys. */
  private static final Comparator<String> UTF8_ORDER =
      (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  /**
   * Returns a FIFO queue name no other test uses.
   *
   * @return the name
   */
  protected String uniqueQueueName() {
    return "kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + ".fifo";
  }

  /**
   * Creates a FIFO queue with a unique name.
   *
   * @param visibility the queue's default visibility timeout
   * @return its URL
   */
  protected String newQueue(Duration visibility) {
    return queues.createQueue(QueueSpec.fifo(uniqueQueueName(), visibility));
  }

  private ReceivedMessage receiveOne(String url, Duration visibility) {
    List<ReceivedMessage> received = queues.receive(url, ReceiveRequest.one(Duration.ZERO, visibility));
    assertThat(received).as("messages received from %s", url).hasSize(1);
    return received.get(0);
  }

  private List<ReceivedMessage> receiveAll(String url, int expected) {
    List<ReceivedMessage> all = new ArrayList<>();
    for (int i = 0; i < 20 && all.size() < expected; i++) {
      all.addAll(queues.receive(url, new ReceiveRequest(10, Duration.ZERO, LONG_VISIBILITY)));
    }
    assertThat(all).as("messages received from %s", url).hasSize(expected);
    return all;
  }

  private static List<OutgoingMessage> messages(int count, int bodyBytes) {
    return IntStream.range(0, count)
        .mapToObj(i -> OutgoingMessage.fifo("e" + i, (i + "-").concat("x".repeat(bodyBytes)).substring(0, bodyBytes),
            Map.of()))
        .toList();
  }

  /** Approximate counts may lag on real servers: poll them for up to five seconds of backend time. */
  private void awaitCounts(String url, QueueCounts expected) {
    QueueCounts counts = queues.counts(url);
    for (int i = 0; i < 50 && !counts.equals(expected) && !virtualTime(); i++) {
      advance(Duration.ofMillis(100));
      counts = queues.counts(url);
    }
    assertThat(counts).as("approximate counts of %s", url).isEqualTo(expected);
  }

  private void assertBackendError(ThrowingCallable call, String kind) {
    assertThatThrownBy(call)
        .isInstanceOf(BackendException.class)
        .satisfies(e -> assertThat(((BackendException) e).kind()).as("kind of \"%s\"", e.getMessage()).isEqualTo(kind));
  }
}
