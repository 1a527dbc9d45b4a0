package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageBatcherTest {

  private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/000000000000/jobs.fifo";

  private final FlakyQueueBackend backend = new FlakyQueueBackend();
  private final List<Duration> pauses = new ArrayList<>();
  private final MessageBatcher batcher =
      MessageBatcher.newBuilder(backend)
          .maxAttempts(3)
          .backoff(Duration.ofMillis(100), Duration.ofMillis(150))
          .sleeper(pauses::add)
          .build();

  @Test
  void sendsInGroupsOfTen() {
    List<SendBatchResult.Sent> sent = batcher.sendAll(QUEUE, messages(25, 10));
    assertThat(backend.calls).extracting(List::size).containsExactly(10, 10, 5);
    assertThat(sent).extracting(SendBatchResult.Sent::entryId).containsExactlyElementsOf(ids(25));
    assertThat(pauses).isEmpty();
  }

  @Test
  void startsNewGroupWhenBytesWouldExceedLimit() {
    List<List<OutgoingMessage>> groups = MessageBatcher.groups(messages(5, 100_000));
    assertThat(groups).extracting(List::size).containsExactly(2, 2, 1);
  }

  @Test
  void sendsNothingForNoMessages() {
    assertThat(batcher.sendAll(QUEUE, List.of())).isEmpty();
    assertThat(backend.calls).isEmpty();
  }

  @Test
  void retriesOnlyTheFailedEntries() {
    backend.failTimes("m3", 1);
    backend.failTimes("m7", 2);
    List<SendBatchResult.Sent> sent = batcher.sendAll(QUEUE, messages(10, 10));
    assertThat(backend.calls).hasSize(3);
    assertThat(backend.calls.get(1)).extracting(OutgoingMessage::entryId).containsExactly("m3", "m7");
    assertThat(backend.calls.get(2)).extracting(OutgoingMessage::entryId).containsExactly("m7");
    assertThat(sent).extracting(SendBatchResult.Sent::entryId).containsExactlyInAnyOrderElementsOf(ids(10));
  }

  @Test
  void backsOffExponentiallyUpToTheMaximum() {
    MessageBatcher patient =
        MessageBatcher.newBuilder(backend)
            .maxAttempts(5)
            .backoff(Duration.ofMillis(100), Duration.ofMillis(300))
            .sleeper(pauses::add)
            .build();
    backend.failTimes("m0", 4);
    patient.sendAll(QUEUE, messages(1, 10));
    assertThat(pauses)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(300));
  }

  @Test
  void throwsNamingEntriesStillFailingAfterMaxAttempts() {
    backend.failTimes("m1", 3);
    assertThatThrownBy(() -> batcher.sendAll(QUEUE, messages(3, 10)))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "1 of 3 messages could not be sent to queue \"jobs.fifo\" after up to 3 attempts: m1 (InternalError:"
                + " try again)")
        .extracting(e -> ((BackendException) e).kind())
        .isEqualTo("queue.send_failed");
    assertThat(backend.delivered).containsExactlyInAnyOrder("m0", "m2");
    assertThat(pauses).hasSize(2);
  }

  @Test
  void doesNotRetrySenderFaults() {
    backend.refuse("m2");
    assertThatThrownBy(() -> batcher.sendAll(QUEUE, messages(4, 10)))
        .isInstanceOf(BackendException.class)
        .hasMessage(
            "1 of 4 messages could not be sent to queue \"jobs.fifo\" after up to 3 attempts: m2"
                + " (InvalidMessageContents: bad characters)");
    assertThat(backend.calls).hasSize(1);
    assertThat(backend.delivered).containsExactlyInAnyOrder("m0", "m1", "m3");
  }

  @Test
  void refusesOversizedMessageBeforeSendingAnything() {
    List<OutgoingMessage> messages = new ArrayList<>(messages(3, 10));
    messages.add(OutgoingMessage.fifo("huge", "x".repeat(256_001), Map.of()));
    assertThatThrownBy(() -> batcher.sendAll(QUEUE, messages))
        .isInstanceOf(BackendException.class)
        .hasMessage("message \"huge\" to queue \"jobs.fifo\" is 256001 bytes, over the 256000-byte limit")
        .extracting(e -> ((BackendException) e).kind())
        .isEqualTo("queue.message_too_long");
    assertThat(backend.calls).isEmpty();
  }

  @Test
  void refusesRepeatedEntryIdsBeforeSendingAnything() {
    List<OutgoingMessage> messages = List.of(
        OutgoingMessage.fifo("a", "1", Map.of()), OutgoingMessage.fifo("a", "2", Map.of()));
    assertThatThrownBy(() -> batcher.sendAll(QUEUE, messages))
        .isInstanceOf(BackendException.class)
        .hasMessage("entry id \"a\" repeats in the messages for queue \"jobs.fifo\"");
    assertThat(backend.calls).isEmpty();
  }

  @Test
  void rejectsBackoffWhoseMaximumIsBelowItsStart() {
    assertThatThrownBy(() -> MessageBatcher.newBuilder(backend).backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backoff must satisfy 0 <= initial <= max (got PT2S and PT1S)");
  }

  @Test
  void groupsKeepOrderAndRespectBothLimits() {
    qt().withExamples(40).forAll(lists().of(integers().between(0, 256_000)).ofSizeBetween(0, 30))
        .checkAssert(
            sizes -> {
              List<OutgoingMessage> messages =
                  IntStream.range(0, sizes.size())
                      .mapToObj(i -> OutgoingMessage.fifo("m" + i, "x".repeat(sizes.get(i)), Map.of()))
                      .toList();
              List<List<OutgoingMessage>> groups = MessageBatcher.groups(messages);
              assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(messages);
              for (int g = 0; g < groups.size(); g++) {
                List<OutgoingMessage> group = groups.get(g);
                long bytes = group.stream().mapToLong(m -> m.body().length()).sum();
                assertThat(group).isNotEmpty().hasSizeLessThanOrEqualTo(10);
                assertThat(bytes).isLessThanOrEqualTo(256_000);
                if (g + 1 < groups.size()) {
                  // Greedy: the next group's first message did not fit into this one.
                  long next = groups.get(g + 1).get(0).body().length();
                  assertThat(group.size() == 10 || bytes + next > 256_000).isTrue();
                }
              }
            });
  }

  private static List<OutgoingMessage> messages(int count, int bodyBytes) {
    return IntStream.range(0, count)
        .mapToObj(i -> OutgoingMessage.fifo("m" + i, "x".repeat(bodyBytes), Map.of()))
        .toList();
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
  }

  /** A queue backend that accepts batches but fails chosen entries a chosen number of times. */
  private static final class FlakyQueueBackend implements QueueBackend {

    final List<List<OutgoingMessage>> calls = new ArrayList<>();
    final List<String> delivered = new ArrayList<>();
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    private final Set<String> refused = new java.util.HashSet<>();

    void failTimes(String entryId, int times) {
      failuresLeft.put(entryId, times);
    }

    void refuse(String entryId) {
      refused.add(entryId);
    }

    @Override
    public SendBatchResult sendBatch(String queueUrl, List<OutgoingMessage> messages) {
      assertThat(messages).hasSizeBetween(1, 10);
      calls.add(List.copyOf(messages));
      List<SendBatchResult.Sent> sent = new ArrayList<>();
      List<SendBatchResult.Failed> failed = new ArrayList<>();
      for (OutgoingMessage message : messages) {
        String id = message.entryId();
        if (refused.contains(id)) {
          failed.add(new SendBatchResult.Failed(id, "InvalidMessageContents", "bad characters", true));
        } else if (failuresLeft.getOrDefault(id, 0) > 0) {
          failuresLeft.merge(id, -1, Integer::sum);
          failed.add(new SendBatchResult.Failed(id, "InternalError", "try again", false));
        } else {
          delivered.add(id);
          sent.add(new SendBatchResult.Sent(id, "msg-" + id));
        }
      }
      return new SendBatchResult(sent, failed);
    }

    @Override
    public String createQueue(QueueSpec spec) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> queueUrl(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String queueArn(String queueUrl) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void deleteQueue(String queueUrl) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String send(String queueUrl, OutgoingMessage message) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ReceivedMessage> receive(String queueUrl, ReceiveRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void changeVisibility(String queueUrl, String receiptHandle, Duration timeout) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String queueUrl, String receiptHandle) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> deleteBatch(String queueUrl, List<String> receiptHandles) {
      throw new UnsupportedOperationException();
    }

    @Override
    public QueueCounts counts(String queueUrl) {
      throw new UnsupportedOperationException();
    }
  }
}
