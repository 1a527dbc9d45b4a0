package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Differential test: random sequences of sends, batch sends, receives, visibility changes, deletes, clock moves and
 * redrives run against {@link InMemoryQueueBackend} and against {@link ReferenceQueue}, a deliberately naive model
 * of SQS's rules (one list in send order, everything found by scanning it), and must agree on every delivery, every
 * count and every error.
 */
class InMemoryQueueBackendModelTest {

  private static final int STEP_KINDS = 9;
  private static final List<String> BODIES = List.of("a", "b", "{\"id\":1}", "ok\u00e9", "bad\u0000");
  private static final List<Duration> VISIBILITIES =
      List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
  private static final List<Duration> NEW_TIMEOUTS =
      List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofHours(12), Duration.ofHours(13));
  private static final List<Duration> CLOCK_MOVES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(31), Duration.ofSeconds(61),
          Duration.ofMinutes(5), Duration.ofMinutes(6));

  @Test
  void standardQueueAgreesWithTheReferenceModel() {
    qt().withExamples(300)
        .forAll(integers().between(0, 3), steps())
        .checkAssert((maxReceiveCount, steps) -> new Run(false, maxReceiveCount).play(steps));
  }

  @Test
  void fifoQueueAgreesWithTheReferenceModel() {
    qt().withExamples(300)
        .forAll(integers().between(0, 3), steps())
        .checkAssert((maxReceiveCount, steps) -> new Run(true, maxReceiveCount).play(steps));
  }

  private static Gen<List<Step>> steps() {
    Gen<Integer> any = integers().between(0, 99);
    Gen<Step> step = integers().between(0, STEP_KINDS - 1).zip(any, any, any, Step::new);
    return lists().of(step).ofSizeBetween(1, 60);
  }

  /**
   * One action, chosen by {@code kind}, its details taken from {@code a}, {@code b} and {@code c} (so that
   * QuickTheories shrinks plain numbers).
   */
  record Step(int kind, int a, int b, int c) {}

  /** One sequence played against the backend and the model side by side. */
  private static final class Run {

    private final boolean fifo;
    private final int maxReceiveCount;
    private final MutableClock clock = new MutableClock();
    private final InMemoryQueueBackend backend = new InMemoryQueueBackend(clock);
    private final String url;
    private final String deadLetterUrl;
    private final ReferenceQueue model;
    /** Every receipt handle the backend has returned; the model names them by index. */
    private final List<String> handles = new ArrayList<>();

    Run(boolean fifo, int maxReceiveCount) {
      this.fifo = fifo;
      this.maxReceiveCount = maxReceiveCount;
      String suffix = fifo ? ".fifo" : "";
      deadLetterUrl = backend.createQueue(new QueueSpec("dead" + suffix, fifo, Duration.ofSeconds(30), null));
      RedrivePolicy redrive =
          maxReceiveCount == 0 ? null : new RedrivePolicy(backend.queueArn(deadLetterUrl), maxReceiveCount);
      url = backend.createQueue(new QueueSpec("jobs" + suffix, fifo, Duration.ofSeconds(30), redrive));
      model = new ReferenceQueue(fifo);
    }

    void play(List<Step> steps) {
      for (Step step : steps) {
        switch (step.kind()) {
          case 0 -> send(step);
          case 1 -> sendBatch(step);
          case 2, 3 -> receive(step);
          case 4 -> changeVisibility(step);
          case 5 -> delete(step);
          case 6 -> deleteBatch(step);
          case 7 -> clock.advance(CLOCK_MOVES.get(step.a() % CLOCK_MOVES.size()));
          default -> receive(new Step(2, 3, step.b(), step.c())); // several at once, hidden for 60 s
        }
        Instant now = clock.instant();
        assertThat(backend.counts(url)).as("counts after %s", step).isEqualTo(model.counts(now));
        assertThat(backend.counts(deadLetterUrl).total())
            .as("dead letters after %s", step)
            .isEqualTo(model.deadLetters.size());
      }
      drainDeadLetters();
    }

    private OutgoingMessage message(String entryId, int a, int b, int c) {
      String body = BODIES.get(a % BODIES.size());
      String group = fifo || c % 2 == 0 ? "g" + (b % 3) : null;
      String deduplicationId = fifo ? "d" + (c % 5) : null;
      return new OutgoingMessage(entryId, body, Map.of(), deduplicationId, group);
    }

    private void send(Step step) {
      OutgoingMessage message = message("e", step.a(), step.b(), step.c());
      Outcome actual;
      String messageId = null;
      try {
        messageId = backend.send(url, message);
        actual = Outcome.OK;
      } catch (BackendException e) {
        actual = Outcome.of(e);
      }
      Outcome expected = ReferenceQueue.valid(message) ? Outcome.OK : Outcome.INVALID_MESSAGE;
      assertThat(actual).as("send %s", message).isEqualTo(expected);
      if (messageId != null) {
        model.expectSent(message, messageId, clock.instant());
      }
    }

    private void sendBatch(Step step) {
      List<OutgoingMessage> batch = new ArrayList<>();
      for (int i = 0; i <= step.a() % 4; i++) {
        batch.add(message("e" + i, step.a() + i, step.b() + i * 7, step.c() + i * 3));
      }
      SendBatchResult result = backend.sendBatch(url, batch);
      List<String> expectedFailed = new ArrayList<>();
      Map<String, String> sentIds = new HashMap<>();
      result.successful().forEach(sent -> sentIds.put(sent.entryId(), sent.messageId()));
      for (OutgoingMessage message : batch) {
        if (!ReferenceQueue.valid(message)) {
          expectedFailed.add(message.entryId());
          continue;
        }
        String messageId = sentIds.get(message.entryId());
        assertThat(messageId).as("id of entry %s", message.entryId()).isNotNull();
        model.expectSent(message, messageId, clock.instant());
      }
      assertThat(result.successful())
          .extracting(SendBatchResult.Sent::entryId)
          .containsExactlyElementsOf(
              batch.stream().map(OutgoingMessage::entryId).filter(id -> !expectedFailed.contains(id)).toList());
      assertThat(result.failed()).extracting(SendBatchResult.Failed::entryId).isEqualTo(expectedFailed);
      assertThat(result.failed()).allSatisfy(failed -> assertThat(failed.code()).isEqualTo("InvalidMessageContents"));
    }

    private void receive(Step step) {
      int max = 1 + step.a() % 4;
      Duration visibility = VISIBILITIES.get(step.b() % VISIBILITIES.size());
      List<ReceivedMessage> actual = backend.receive(url, new ReceiveRequest(max, Duration.ZERO, visibility));
      List<ReferenceQueue.Delivery> expected =
          model.receive(max, visibility, clock.instant(), maxReceiveCount, handles.size());
      assertThat(actual)
          .as("receive %d hidden for %s", max, visibility)
          .extracting(m -> new ReferenceQueue.Delivery(m.messageId(), m.body(), m.receiveCount()))
          .containsExactlyElementsOf(expected);
      for (ReceivedMessage message : actual) {
        assertThat(handles).as("earlier handles").doesNotContain(message.receiptHandle());
        handles.add(message.receiptHandle());
      }
    }

    private void changeVisibility(Step step) {
      int handle = handleIndex(step.a());
      Duration timeout = NEW_TIMEOUTS.get(step.b() % NEW_TIMEOUTS.size());
      Outcome actual;
      try {
        backend.changeVisibility(url, handleText(handle, step.c()), timeout);
        actual = Outcome.OK;
      } catch (BackendException e) {
        actual = Outcome.of(e);
      }
      Outcome expected = model.changeVisibility(bogus(handle, step.c()) ? -1 : handle, timeout, clock.instant());
      assertThat(actual).as("change visibility of handle %d to %s", handle, timeout).isEqualTo(expected);
    }

    private void delete(Step step) {
      int handle = handleIndex(step.a());
      Outcome actual;
      try {
        backend.delete(url, handleText(handle, step.c()));
        actual = Outcome.OK;
      } catch (BackendException e) {
        actual = Outcome.of(e);
      }
      Outcome expected = model.delete(bogus(handle, step.c()) ? -1 : handle, clock.instant());
      assertThat(actual).as("delete with handle %d", handle).isEqualTo(expected);
    }

    private void deleteBatch(Step step) {
      List<String> texts = new ArrayList<>();
      List<String> expectedFailed = new ArrayList<>();
      Set<String> distinct = new LinkedHashSet<>();
      for (int i = 0; i <= step.b() % 3; i++) {
        int handle = handleIndex(step.a() + i * 13);
        String text = handleText(handle, step.c() + i);
        if (!distinct.add(text)) {
          continue;
        }
        texts.add(text);
        if (model.delete(bogus(handle, step.c() + i) ? -1 : handle, clock.instant()) != Outcome.OK) {
          expectedFailed.add(text);
        }
      }
      assertThat(backend.deleteBatch(url, texts)).as("delete batch %s", texts).isEqualTo(expectedFailed);
    }

    /** Picks one of the handles returned so far, or -1 for none yet. */
    private int handleIndex(int choice) {
      return handles.isEmpty() ? -1 : choice % handles.size();
    }

    /** One choice in ten (and every choice before any receive) is a string that was never a handle. */
    private boolean bogus(int handle, int choice) {
      return handle < 0 || choice % 10 == 9;
    }

    private String handleText(int handle, int choice) {
      if (!bogus(handle, choice)) {
        return handles.get(handle);
      }
      return handle < 0 || choice % 20 == 9 ? "bogus" : handles.get(handle) + ":1";
    }

    /** Receives everything from the dead-letter queue, deleting as it goes: the model's moves, in order. */
    private void drainDeadLetters() {
      List<ReferenceQueue.Delivery> drained = new ArrayList<>();
      while (true) {
        List<ReceivedMessage> batch =
            backend.receive(deadLetterUrl, new ReceiveRequest(10, Duration.ZERO, Duration.ofHours(1)));
        if (batch.isEmpty()) {
          break;
        }
        batch.forEach(m -> drained.add(new ReferenceQueue.Delivery(m.messageId(), m.body(), m.receiveCount())));
        backend.deleteBatch(deadLetterUrl, batch.stream().map(ReceivedMessage::receiptHandle).toList());
      }
      assertThat(drained)
          .as("dead-letter queue")
          .containsExactlyElementsOf(
              model.deadLetters.stream()
                  .map(m -> new ReferenceQueue.Delivery(m.id, m.body, m.receiveCount + 1))
                  .toList());
    }
  }

  /** What a call did, in the terms the model can predict. */
  enum Outcome {
    OK,
    INVALID_MESSAGE,
    /** The string was never a handle of the queue. */
    NOT_A_HANDLE,
    /** A FIFO queue refuses to delete with the current handle of an expired delivery. */
    EXPIRED,
    /** The handle's message is gone. */
    GONE,
    /** The handle is of an earlier delivery of a message received again since. */
    RECEIVED_AGAIN,
    /** The timeout would hide the message more than 12 hours after its receive. */
    OVER_TWELVE_HOURS,
    /** The timeout is outside 0 to 12 hours. */
    TIMEOUT_OUT_OF_RANGE;

    static Outcome of(BackendException e) {
      String message = e.getMessage();
      return switch (e.kind()) {
        case "queue.invalid_message" -> INVALID_MESSAGE;
        case "queue.invalid_visibility" ->
            message.contains("is not between 0 and 12 hours") ? TIMEOUT_OUT_OF_RANGE : OVER_TWELVE_HOURS;
        case "queue.receipt_handle_invalid" -> {
          if (message.contains("is not a valid receipt handle")) {
            yield NOT_A_HANDLE;
          } else if (message.contains("the receipt handle has expired")) {
            yield EXPIRED;
          } else if (message.contains("(it was received again since)")) {
            yield RECEIVED_AGAIN;
          } else {
            yield GONE;
          }
        }
        default -> throw new AssertionError("unexpected failure", e);
      };
    }
  }

  /**
   * SQS's rules as plainly as they can be written: the live messages in one list in send order, a message in flight
   * while its hiding deadline is after now, every question answered by scanning. Handles are numbered in the order
   * they were issued.
   */
  static final class ReferenceQueue {

    private final boolean fifo;
    private final List<ModelMessage> messages = new ArrayList<>();
    final List<ModelMessage> deadLetters = new ArrayList<>();
    /** Which message each handle was issued for. */
    private final Map<Integer, ModelMessage> handleOwners = new HashMap<>();
    /** FIFO: deduplication id to the first message's id and when it was sent. */
    private final Map<String, Sent> deduplication = new HashMap<>();
    private final Set<String> messageIds = new HashSet<>();

    ReferenceQueue(boolean fifo) {
      this.fifo = fifo;
    }

    /** SQS's content rules for the bodies the test uses: not empty, no character below #x20 but tab, LF, CR. */
    static boolean valid(OutgoingMessage message) {
      return !message.body().isEmpty() && message.body().chars().noneMatch(c -> c < 0x20 && c != 9 && c != 10 && c != 13);
    }

    /** Checks the id the backend answered for a valid message, and records the message unless it is a duplicate. */
    void expectSent(OutgoingMessage message, String messageId, Instant now) {
      String deduplicationId = message.deduplicationId();
      Sent earlier = deduplicationId == null ? null : deduplication.get(deduplicationId);
      if (earlier != null && earlier.at().plus(Duration.ofMinutes(5)).isAfter(now)) {
        assertThat(messageId).as("id of a duplicate").isEqualTo(earlier.messageId());
        return;
      }
      assertThat(messageIds.add(messageId)).as("new message id %s", messageId).isTrue();
      messages.add(new ModelMessage(messageId, message.body(), fifo ? message.groupId() : null));
      if (deduplicationId != null) {
        deduplication.put(deduplicationId, new Sent(messageId, now));
      }
    }

    List<Delivery> receive(int max, Duration visibility, Instant now, int maxReceiveCount, int firstHandle) {
      Set<String> blockedGroups = new HashSet<>();
      for (ModelMessage message : messages) {
        if (fifo && message.inFlight(now)) {
          blockedGroups.add(message.group);
        }
      }
      List<Delivery> delivered = new ArrayList<>();
      int handle = firstHandle;
      for (ModelMessage message : List.copyOf(messages)) {
        if (delivered.size() == max) {
          break;
        }
        if (message.inFlight(now) || (message.group != null && blockedGroups.contains(message.group))) {
          continue;
        }
        if (maxReceiveCount > 0 && message.receiveCount >= maxReceiveCount) {
          messages.remove(message);
          deadLetters.add(message);
          continue;
        }
        message.receiveCount++;
        message.receivedAt = now;
        message.hiddenUntil = now.plus(visibility);
        message.currentHandle = handle;
        handleOwners.put(handle++, message);
        delivered.add(new Delivery(message.id, message.body, message.receiveCount));
      }
      return delivered;
    }

    Outcome changeVisibility(int handle, Duration timeout, Instant now) {
      if (timeout.isNegative() || timeout.compareTo(Duration.ofHours(12)) > 0) {
        return Outcome.TIMEOUT_OUT_OF_RANGE;
      }
      if (handle < 0) {
        return Outcome.NOT_A_HANDLE;
      }
      ModelMessage message = handleOwners.get(handle);
      if (message == null || !messages.contains(message)) {
        return Outcome.GONE;
      }
      if (message.currentHandle != handle) {
        return Outcome.RECEIVED_AGAIN;
      }
      if (!message.inFlight(now)) {
        return Outcome.OK;
      }
      if (now.plus(timeout).isAfter(message.receivedAt.plus(Duration.ofHours(12)))) {
        return Outcome.OVER_TWELVE_HOURS;
      }
      message.hiddenUntil = now.plus(timeout);
      return Outcome.OK;
    }

    Outcome delete(int handle, Instant now) {
      if (handle < 0) {
        return Outcome.NOT_A_HANDLE;
      }
      ModelMessage message = handleOwners.get(handle);
      if (message == null || !messages.contains(message) || message.currentHandle != handle) {
        return Outcome.OK;
      }
      if (!message.inFlight(now) && fifo) {
        return Outcome.EXPIRED;
      }
      messages.remove(message);
      return Outcome.OK;
    }

    QueueCounts counts(Instant now) {
      long inFlight = messages.stream().filter(m -> m.inFlight(now)).count();
      return new QueueCounts(messages.size() - inFlight, inFlight);
    }

    record Delivery(String messageId, String body, int receiveCount) {}

    record Sent(String messageId, Instant at) {}

    static final class ModelMessage {
      final String id;
      final String body;
      final @Nullable String group;
      int receiveCount;
      @Nullable Instant hiddenUntil;
      Instant receivedAt = Instant.MIN;
      int currentHandle = -1;

      ModelMessage(String id, String body, @Nullable String group) {
        this.id = id;
        this.body = body;
        this.group = group;
      }

      boolean inFlight(Instant now) {
        return hiddenUntil != null && hiddenUntil.isAfter(now);
      }
    }
  }
}
