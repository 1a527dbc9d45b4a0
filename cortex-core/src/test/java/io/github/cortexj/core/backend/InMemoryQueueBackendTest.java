package io.github.cortexj.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class InMemoryQueueBackendTest {

  private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock();
  private final InMemoryQueueBackend backend = new InMemoryQueueBackend(clock);

  // ---- queues -------------------------------------------------------------------------------------------------

  @Test
  void createQueueReturnsMemoryUrlEndingWithTheName() {
    String url = backend.createQueue(standard("jobs"));

    assertThat(url).matches("memory://[0-9a-f-]{36}/jobs");
  }

  @Test
  void createQueueIsIdempotentForEqualAttributes() {
    String first = backend.createQueue(standard("jobs"));

    assertThat(backend.createQueue(standard("jobs"))).isEqualTo(first);
  }

  @Test
  void createQueueRejectsAnExistingNameWithDifferentAttributes() {
    backend.createQueue(standard("jobs"));
    QueueSpec other = new QueueSpec("jobs", false, MINUTE, null);

    assertKind(() -> backend.createQueue(other), "queue.already_exists")
        .hasMessage(
            "queue \"jobs\" already exists with different attributes (existing "
                + standard("jobs") + ", requested " + other + ") (QueueAlreadyExists)");
  }

  @Test
  void queueUrlFindsExistingQueuesOnly() {
    String url = backend.createQueue(standard("jobs"));

    assertThat(backend.queueUrl("jobs")).contains(url);
    assertThat(backend.queueUrl("other")).isEmpty();
  }

  @Test
  void queueArnUsesTheLocalAccount() {
    String url = backend.createQueue(fifo("jobs.fifo"));

    assertThat(backend.queueArn(url)).isEqualTo("arn:aws:sqs:local:000000000000:jobs.fifo");
  }

  @Test
  void unknownQueueUrlIsNotFound() {
    String url = "memory://nowhere/jobs";

    assertKind(() -> backend.send(url, message("m1", "x")), "queue.not_found")
        .hasMessage("queue memory://nowhere/jobs does not exist (AWS.SimpleQueueService.NonExistentQueue)");
  }

  @Test
  void deletedQueueIsNotFoundAndItsNameIsFree() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));

    backend.deleteQueue(url);

    assertKind(() -> backend.counts(url), "queue.not_found");
    assertThat(backend.queueUrl("jobs")).isEmpty();
    assertThat(backend.counts(backend.createQueue(standard("jobs")))).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void deletingAnUnknownQueueDoesNothing() {
    backend.deleteQueue("memory://nowhere/jobs");
    backend.deleteQueue(backend.createQueue(standard("jobs")).replace("jobs", "other"));

    assertThat(backend.queueUrl("jobs")).isPresent();
  }

  @Test
  void receiptHandleOfAnEarlierQueueWithTheSameNameIsInvalid() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    backend.deleteQueue(url);
    backend.createQueue(standard("jobs"));

    assertKind(() -> backend.delete(url, handle), "queue.receipt_handle_invalid")
        .hasMessage(
            "receipt handle \"" + handle + "\" is not a valid receipt handle of queue \"jobs\""
                + " (ReceiptHandleIsInvalid)");
  }

  @Test
  void twoBackendsNeverSeeEachOthersQueues() {
    InMemoryQueueBackend other = new InMemoryQueueBackend(clock);
    String mine = backend.createQueue(standard("jobs"));
    String theirs = other.createQueue(standard("jobs"));
    backend.send(mine, message("m1", "x"));

    assertThat(theirs).isNotEqualTo(mine);
    assertThat(other.counts(theirs)).isEqualTo(new QueueCounts(0, 0));
    assertKind(() -> other.counts(mine), "queue.not_found");
  }

  // ---- visibility ---------------------------------------------------------------------------------------------

  @Test
  void receiveReturnsIdBodyAttributesAndFirstReceiveCount() {
    String url = backend.createQueue(standard("jobs"));
    String id = backend.send(url, new OutgoingMessage("m1", "[1,2]", Map.of("job_id", "j1"), null, null));

    ReceivedMessage received = receiveOne(url, THIRTY_SECONDS);

    assertThat(received.messageId()).isEqualTo(id);
    assertThat(received.body()).isEqualTo("[1,2]");
    assertThat(received.attributes()).isEqualTo(Map.of("job_id", "j1"));
    assertThat(received.receiveCount()).isEqualTo(1);
  }

  @Test
  void receivedMessageStaysHiddenUntilItsVisibilityTimeoutExpires() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    receiveOne(url, THIRTY_SECONDS);

    clock.advance(THIRTY_SECONDS.minusNanos(1));
    assertThat(receive(url, 10, THIRTY_SECONDS)).isEmpty();

    clock.advance(Duration.ofNanos(1));
    assertThat(receive(url, 10, THIRTY_SECONDS)).hasSize(1);
  }

  @Test
  void eachDeliveryIncrementsTheReceiveCountAndGetsANewHandle() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    List<ReceivedMessage> deliveries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      deliveries.add(receiveOne(url, THIRTY_SECONDS));
      clock.advance(THIRTY_SECONDS);
    }

    assertThat(deliveries).extracting(ReceivedMessage::receiveCount).containsExactly(1, 2, 3);
    assertThat(deliveries).extracting(ReceivedMessage::receiptHandle).doesNotHaveDuplicates();
    assertThat(deliveries).extracting(ReceivedMessage::messageId).containsOnly(deliveries.get(0).messageId());
  }

  @Test
  void receiveWithZeroVisibilityLeavesTheMessageVisible() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));

    receiveOne(url, Duration.ZERO);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
    assertThat(receiveOne(url, Duration.ZERO).receiveCount()).isEqualTo(2);
  }

  @Test
  void receiveReturnsAtMostMaxMessages() {
    String url = backend.createQueue(standard("jobs"));
    for (int i = 0; i < 5; i++) {
      backend.send(url, message("m" + i, "x" + i));
    }

    assertThat(receive(url, 3, THIRTY_SECONDS)).hasSize(3);
    assertThat(receive(url, 3, THIRTY_SECONDS)).hasSize(2);
  }

  @Test
  void changeVisibilityExtendsTheTimeoutFromNow() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    ReceivedMessage received = receiveOne(url, THIRTY_SECONDS);
    clock.advance(Duration.ofSeconds(20));

    backend.changeVisibility(url, received.receiptHandle(), THIRTY_SECONDS);

    clock.advance(Duration.ofSeconds(29));
    assertThat(receive(url, 1, THIRTY_SECONDS)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(receive(url, 1, THIRTY_SECONDS)).hasSize(1);
  }

  @Test
  void changeVisibilityToZeroMakesTheMessageVisibleAtOnce() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    ReceivedMessage received = receiveOne(url, THIRTY_SECONDS);

    backend.changeVisibility(url, received.receiptHandle(), Duration.ZERO);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
    assertThat(receiveOne(url, THIRTY_SECONDS).receiveCount()).isEqualTo(2);
  }

  @Test
  void changeVisibilityWithTheHandleOfAnEarlierDeliveryFails() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String first = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    clock.advance(THIRTY_SECONDS);
    receiveOne(url, THIRTY_SECONDS);

    assertKind(() -> backend.changeVisibility(url, first, MINUTE), "queue.receipt_handle_invalid")
        .hasMessage(
            "receipt handle \"" + first + "\" of queue \"jobs\" is invalid: the message does not exist or is not"
                + " available for visibility timeout change (it was received again since) (InvalidParameterValue)");
  }

  @Test
  void changeVisibilityOfADeletedMessageFails() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    backend.delete(url, handle);

    assertKind(() -> backend.changeVisibility(url, handle, MINUTE), "queue.receipt_handle_invalid")
        .hasMessage(
            "receipt handle \"" + handle + "\" of queue \"jobs\" is invalid: the message does not exist or is not"
                + " available for visibility timeout change (InvalidParameterValue)");
  }

  @Test
  void changeVisibilityOfAnExpiredDeliverySucceedsAndChangesNothing() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    clock.advance(THIRTY_SECONDS);

    backend.changeVisibility(url, handle, MINUTE);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
  }

  @Test
  void changeVisibilityRejectsTimeoutsOutsideZeroToTwelveHours() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();

    assertKind(
            () -> backend.changeVisibility(url, handle, Duration.ofHours(12).plusSeconds(1)),
            "queue.invalid_visibility")
        .hasMessage(
            "visibility timeout PT12H1S for a message of queue \"jobs\" is not between 0 and 12 hours"
                + " (InvalidParameterValue)");
    assertKind(() -> backend.changeVisibility(url, handle, Duration.ofSeconds(-1)), "queue.invalid_visibility");
  }

  @Test
  void changeVisibilityCannotHideAMessageMoreThanTwelveHoursAfterItsReceive() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, Duration.ofHours(1)).receiptHandle();
    clock.advance(Duration.ofMinutes(30));

    backend.changeVisibility(url, handle, Duration.ofMinutes(690)); // ends exactly 12 h after the receive

    assertKind(() -> backend.changeVisibility(url, handle, Duration.ofMinutes(691)), "queue.invalid_visibility")
        .hasMessage(
            "visibility timeout PT11H31M for a message of queue \"jobs\" would keep it hidden more than 12 hours"
                + " after it was received (InvalidParameterValue)");
  }

  // ---- delete -------------------------------------------------------------------------------------------------

  @Test
  void deleteRemovesTheMessageForGood() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    backend.delete(url, receiveOne(url, THIRTY_SECONDS).receiptHandle());

    clock.advance(Duration.ofHours(1));

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
    assertThat(receive(url, 10, THIRTY_SECONDS)).isEmpty();
  }

  @Test
  void deleteWithTheHandleOfAnEarlierDeliverySucceedsAndDeletesNothing() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String first = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    clock.advance(THIRTY_SECONDS);
    receiveOne(url, THIRTY_SECONDS);

    backend.delete(url, first);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 1));
  }

  @Test
  void deleteWithTheCurrentHandleOfAnExpiredDeliveryDeletesFromAStandardQueue() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    clock.advance(THIRTY_SECONDS);

    backend.delete(url, handle);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void deleteWithTheHandleOfAnExpiredDeliveryFailsInAFifoQueue() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    backend.send(url, OutgoingMessage.fifo("m1", "x", Map.of()));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();
    clock.advance(THIRTY_SECONDS);

    assertKind(() -> backend.delete(url, handle), "queue.receipt_handle_invalid")
        .hasMessage(
            "receipt handle \"" + handle + "\" of queue \"jobs.fifo\" is invalid: the receipt handle has expired"
                + " (InvalidParameterValue)");
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
  }

  @Test
  void deletingTwiceIsHarmless() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle();

    backend.delete(url, handle);
    backend.delete(url, handle);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void deleteWithAStringThatWasNeverAHandleFails() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.delete(url, "bogus"), "queue.receipt_handle_invalid")
        .hasMessage("receipt handle \"bogus\" is not a valid receipt handle of queue \"jobs\" (ReceiptHandleIsInvalid)");
  }

  @Test
  void deleteWithAHandleThatHasAnExtraPartFails() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, new OutgoingMessage("a", "body", Map.of(), null, null));
    String handle = receiveOne(url, THIRTY_SECONDS).receiptHandle() + ":1";

    assertKind(() -> backend.delete(url, handle), "queue.receipt_handle_invalid")
        .hasMessage(
            "receipt handle \"" + handle + "\" is not a valid receipt handle of queue \"jobs\" (ReceiptHandleIsInvalid)");
  }

  @Test
  void messageIdsAreDistinctVersion4Uuids() {
    String url = backend.createQueue(standard("jobs"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add(backend.send(url, new OutgoingMessage("a", "body", Map.of(), null, null)));
    }

    assertThat(ids).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }

  @Test
  void deleteBatchDeletesValidHandlesAndReturnsInvalidOnes() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    backend.send(url, message("m2", "y"));
    List<String> handles = new ArrayList<>();
    receive(url, 10, THIRTY_SECONDS).forEach(m -> handles.add(m.receiptHandle()));
    handles.add("bogus");

    assertThat(backend.deleteBatch(url, handles)).containsExactly("bogus");
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void deleteBatchRefusesEmptyAndOversizedBatches() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.deleteBatch(url, List.of()), "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: the batch is empty (AWS.SimpleQueueService.EmptyBatchRequest)");
    assertKind(() -> backend.deleteBatch(url, java.util.Collections.nCopies(11, "h")), "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: the batch has 11 entries, more than the 10 allowed"
                + " (AWS.SimpleQueueService.TooManyEntriesInBatchRequest)");
  }

  @Test
  void countsSettleToZeroAfterDeletes() {
    String url = backend.createQueue(standard("jobs"));
    for (int i = 0; i < 5; i++) {
      backend.send(url, message("m" + i, "x"));
    }
    List<ReceivedMessage> first = receive(url, 3, THIRTY_SECONDS);
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(2, 3));

    first.forEach(m -> backend.delete(url, m.receiptHandle()));
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(2, 0));

    receive(url, 10, THIRTY_SECONDS).forEach(m -> backend.delete(url, m.receiptHandle()));
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void countsTurnInFlightMessagesVisibleWhenTheirTimeoutExpires() {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "x"));
    receiveOne(url, THIRTY_SECONDS);

    clock.advance(THIRTY_SECONDS);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
  }

  // ---- redrive ------------------------------------------------------------------------------------------------

  @Test
  void messageMovesToTheDeadLetterQueueOnTheReceiveAfterMaxReceiveCount() {
    String dlq = backend.createQueue(standard("dead"));
    String url =
        backend.createQueue(standard("jobs").withRedrivePolicy(new RedrivePolicy(backend.queueArn(dlq), 2)));
    String id = backend.send(url, new OutgoingMessage("m1", "x", Map.of("job_id", "j1"), null, null));
    receiveOne(url, THIRTY_SECONDS);
    clock.advance(THIRTY_SECONDS);
    receiveOne(url, THIRTY_SECONDS);
    clock.advance(THIRTY_SECONDS);

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0)); // moved by the next receive, not by expiry
    assertThat(receive(url, 10, THIRTY_SECONDS)).isEmpty();

    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
    ReceivedMessage dead = receiveOne(dlq, THIRTY_SECONDS);
    assertThat(dead.messageId()).isEqualTo(id);
    assertThat(dead.body()).isEqualTo("x");
    assertThat(dead.attributes()).isEqualTo(Map.of("job_id", "j1"));
    assertThat(dead.receiveCount()).isEqualTo(3);
  }

  @Test
  void redriveLetsTheOtherMessagesThroughInTheSameReceive() {
    String dlq = backend.createQueue(standard("dead"));
    String url =
        backend.createQueue(standard("jobs").withRedrivePolicy(new RedrivePolicy(backend.queueArn(dlq), 1)));
    backend.send(url, message("m1", "poison"));
    receiveOne(url, THIRTY_SECONDS);
    clock.advance(THIRTY_SECONDS);
    backend.send(url, message("m2", "fine"));

    assertThat(receive(url, 10, THIRTY_SECONDS)).extracting(ReceivedMessage::body).containsExactly("fine");
    assertThat(backend.counts(dlq)).isEqualTo(new QueueCounts(1, 0));
  }

  @Test
  void createQueueRejectsADeadLetterQueueThatDoesNotExist() {
    QueueSpec spec =
        standard("jobs").withRedrivePolicy(new RedrivePolicy("arn:aws:sqs:local:000000000000:dead", 3));

    assertKind(() -> backend.createQueue(spec), "queue.invalid_redrive_policy")
        .hasMessage(
            "redrive policy of queue \"jobs\" names dead-letter queue arn:aws:sqs:local:000000000000:dead:"
                + " Dead-letter target does not exist (InvalidParameterValue)");
  }

  @Test
  void createQueueRejectsADeadLetterQueueOfTheOtherType() {
    String dlq = backend.createQueue(standard("dead"));
    QueueSpec spec = fifo("jobs.fifo").withRedrivePolicy(new RedrivePolicy(backend.queueArn(dlq), 3));

    assertKind(() -> backend.createQueue(spec), "queue.invalid_redrive_policy")
        .hasMessage(
            "redrive policy of queue \"jobs.fifo\" names dead-letter queue arn:aws:sqs:local:000000000000:dead:"
                + " the dead-letter queue of a FIFO queue must be a FIFO queue (InvalidParameterValue)");
  }

  @Test
  void createQueueRejectsAQueueAsItsOwnDeadLetterQueue() {
    String url = backend.createQueue(standard("jobs"));
    QueueSpec spec = standard("jobs").withRedrivePolicy(new RedrivePolicy(backend.queueArn(url), 3));

    assertKind(() -> backend.createQueue(spec), "queue.invalid_redrive_policy")
        .hasMessageEndingWith(": a queue cannot be its own dead-letter queue (InvalidParameterValue)");
  }

  // ---- FIFO ---------------------------------------------------------------------------------------------------

  @Test
  void fifoDuplicateWithinFiveMinutesReturnsTheOriginalIdAndEnqueuesNothing() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    String id = backend.send(url, new OutgoingMessage("e1", "first", Map.of(), "d1", "g1"));
    clock.advance(Duration.ofMinutes(5).minusNanos(1));

    String duplicate = backend.send(url, new OutgoingMessage("e2", "second", Map.of(), "d1", "g2"));

    assertThat(duplicate).isEqualTo(id);
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
    assertThat(receiveOne(url, THIRTY_SECONDS).body()).isEqualTo("first");
  }

  @Test
  void fifoDeduplicationIdIsForgottenFiveMinutesAfterTheFirstSend() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    String id = backend.send(url, OutgoingMessage.fifo("d1", "first", Map.of()));
    clock.advance(Duration.ofMinutes(4));
    backend.send(url, OutgoingMessage.fifo("d1", "duplicate", Map.of())); // does not extend the window
    clock.advance(Duration.ofMinutes(1));

    String later = backend.send(url, OutgoingMessage.fifo("d1", "later", Map.of()));

    assertThat(later).isNotEqualTo(id);
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(2, 0));
  }

  @Test
  void fifoDeduplicationHoldsUntilTheLastNanosecondOfTheWindow() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    String id = backend.send(url, OutgoingMessage.fifo("d1", "first", Map.of()));
    clock.advance(Duration.ofMinutes(5).minusNanos(1));

    String duplicate = backend.send(url, OutgoingMessage.fifo("d1", "duplicate", Map.of()));
    clock.advance(Duration.ofNanos(1));
    String later = backend.send(url, OutgoingMessage.fifo("d1", "later", Map.of()));

    assertThat(duplicate).isEqualTo(id);
    assertThat(later).isNotEqualTo(id);
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(2, 0));
  }

  @Test
  void fifoDeduplicationHoldsAfterTheOriginalWasDeleted() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    String id = backend.send(url, OutgoingMessage.fifo("d1", "first", Map.of()));
    backend.delete(url, receiveOne(url, THIRTY_SECONDS).receiptHandle());

    assertThat(backend.send(url, OutgoingMessage.fifo("d1", "again", Map.of()))).isEqualTo(id);
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void fifoDuplicateWithinOneBatchReturnsTheFirstEntrysId() {
    String url = backend.createQueue(fifo("jobs.fifo"));

    SendBatchResult result =
        backend.sendBatch(
            url,
            List.of(
                new OutgoingMessage("e1", "a", Map.of(), "d1", "g"),
                new OutgoingMessage("e2", "b", Map.of(), "d1", "g")));

    assertThat(result.successful()).hasSize(2);
    assertThat(result.successful().get(1).messageId()).isEqualTo(result.successful().get(0).messageId());
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
  }

  @Test
  void fifoDeliversAGroupInSendOrder() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    for (int i = 0; i < 5; i++) {
      backend.send(url, new OutgoingMessage("e" + i, "m" + i, Map.of(), "d" + i, "g"));
    }

    assertThat(receive(url, 10, THIRTY_SECONDS))
        .extracting(ReceivedMessage::body)
        .containsExactly("m0", "m1", "m2", "m3", "m4");
  }

  @Test
  void fifoBlocksAGroupWhileOneOfItsMessagesIsInFlight() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    backend.send(url, new OutgoingMessage("e1", "a1", Map.of(), "d1", "a"));
    backend.send(url, new OutgoingMessage("e2", "a2", Map.of(), "d2", "a"));
    backend.send(url, new OutgoingMessage("e3", "b1", Map.of(), "d3", "b"));

    ReceivedMessage a1 = receiveOne(url, THIRTY_SECONDS);
    List<ReceivedMessage> whileA1InFlight = receive(url, 10, THIRTY_SECONDS);
    backend.delete(url, a1.receiptHandle());
    List<ReceivedMessage> afterDelete = receive(url, 10, THIRTY_SECONDS);

    assertThat(a1.body()).isEqualTo("a1");
    assertThat(whileA1InFlight).extracting(ReceivedMessage::body).containsExactly("b1");
    assertThat(afterDelete).extracting(ReceivedMessage::body).containsExactly("a2");
  }

  @Test
  void fifoRedeliversAnExpiredMessageBeforeTheRestOfItsGroup() {
    String url = backend.createQueue(fifo("jobs.fifo"));
    backend.send(url, new OutgoingMessage("e1", "a1", Map.of(), "d1", "a"));
    backend.send(url, new OutgoingMessage("e2", "a2", Map.of(), "d2", "a"));
    receiveOne(url, THIRTY_SECONDS);
    assertThat(receive(url, 10, THIRTY_SECONDS)).isEmpty();

    clock.advance(THIRTY_SECONDS);

    assertThat(receive(url, 1, THIRTY_SECONDS)).extracting(ReceivedMessage::body).containsExactly("a1");
  }

  @Test
  void fifoSendWithoutAGroupIdIsRefused() {
    String url = backend.createQueue(fifo("jobs.fifo"));

    assertKind(() -> backend.send(url, new OutgoingMessage("e1", "x", Map.of(), "d1", null)), "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs.fifo\" refused: The request must contain the parameter MessageGroupId."
                + " (MissingParameter)");
  }

  @Test
  void fifoSendWithoutADeduplicationIdIsRefused() {
    String url = backend.createQueue(fifo("jobs.fifo"));

    assertKind(() -> backend.send(url, new OutgoingMessage("e1", "x", Map.of(), null, "g")), "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs.fifo\" refused: The queue should either have ContentBasedDeduplication"
                + " enabled or MessageDeduplicationId provided explicitly (InvalidParameterValue)");
  }

  @Test
  void standardQueueRefusesADeduplicationId() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.send(url, new OutgoingMessage("e1", "x", Map.of(), "d1", null)), "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs\" refused: Value d1 for parameter MessageDeduplicationId is invalid. Reason:"
                + " The request includes a parameter that is not valid for this queue type."
                + " (InvalidParameterValue)");
  }

  // ---- message rules ------------------------------------------------------------------------------------------

  @Test
  void sendAcceptsABodyOfExactlyTheLimitInBytes() {
    String url = backend.createQueue(standard("jobs"));

    backend.send(url, message("m1", "é".repeat(QueueBackend.MAX_MESSAGE_BYTES / 2)));

    assertThat(receiveOne(url, THIRTY_SECONDS).body()).hasSize(QueueBackend.MAX_MESSAGE_BYTES / 2);
  }

  @Test
  void sendRefusesABodyOverTheLimitInBytes() {
    String url = backend.createQueue(standard("jobs"));
    String body = "é".repeat(QueueBackend.MAX_MESSAGE_BYTES / 2) + "x"; // 256,001 bytes, 128,001 chars

    assertKind(() -> backend.send(url, message("m1", body)), "queue.message_too_long")
        .hasMessage(
            "message to queue \"jobs\" has a body of 256001 bytes, more than the 256000 bytes allowed"
                + " (InvalidParameterValue)");
  }

  @Test
  void sendRefusesCharactersSqsDoesNotAllow() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.send(url, message("m1", "a\u0000b")), "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs\" refused: Invalid binary character '#x0' was found in the message body, the"
                + " set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to"
                + " #x10FFFF (InvalidMessageContents)");
  }

  @Test
  void sendRefusesAnEmptyBody() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.send(url, message("m1", "")), "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs\" refused: The request must contain the parameter MessageBody."
                + " (MissingParameter)");
  }

  @Test
  void sendRefusesAnEmptyAttributeValue() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(
            () -> backend.send(url, new OutgoingMessage("m1", "x", Map.of("job_id", ""), null, null)),
            "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs\" refused: Message (user) attribute 'job_id' must contain a non-empty value of"
                + " type 'String'. (InvalidParameterValue)");
  }

  @Test
  void sendRefusesMoreThanTenAttributes() {
    String url = backend.createQueue(standard("jobs"));
    Map<String, String> attributes = new java.util.HashMap<>();
    for (int i = 0; i < 11; i++) {
      attributes.put("a" + i, "v");
    }

    assertKind(() -> backend.send(url, new OutgoingMessage("m1", "x", attributes, null, null)), "queue.invalid_message")
        .hasMessage(
            "message to queue \"jobs\" refused: Number of message attributes [11] exceeds the allowed maximum [10]."
                + " (InvalidParameterValue)");
  }

  @Test
  void sendRefusesAttributeNamesReservedForAws() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(
            () -> backend.send(url, new OutgoingMessage("m1", "x", Map.of("AWS.trace", "v"), null, null)),
            "queue.invalid_message")
        .hasMessageContaining("Message attribute name 'AWS.trace' is invalid");
  }

  // ---- batches ------------------------------------------------------------------------------------------------

  @Test
  void sendBatchSendsEveryEntryAndReportsTheirIds() {
    String url = backend.createQueue(standard("jobs"));
    List<OutgoingMessage> batch = new ArrayList<>();
    for (int i = 0; i < QueueBackend.MAX_BATCH_ENTRIES; i++) {
      batch.add(message("e" + i, "body" + i));
    }

    SendBatchResult result = backend.sendBatch(url, batch);

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.successful()).extracting(SendBatchResult.Sent::entryId).containsExactly(
        "e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(10, 0));
  }

  @Test
  void sendBatchRefusesAnEmptyBatch() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.sendBatch(url, List.of()), "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: the batch is empty (AWS.SimpleQueueService.EmptyBatchRequest)");
  }

  @Test
  void sendBatchRefusesMoreThanTenEntries() {
    String url = backend.createQueue(standard("jobs"));
    List<OutgoingMessage> batch = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      batch.add(message("e" + i, "x"));
    }

    assertKind(() -> backend.sendBatch(url, batch), "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: the batch has 11 entries, more than the 10 allowed"
                + " (AWS.SimpleQueueService.TooManyEntriesInBatchRequest)");
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
  }

  @Test
  void sendBatchRefusesRepeatedEntryIds() {
    String url = backend.createQueue(standard("jobs"));

    assertKind(() -> backend.sendBatch(url, List.of(message("e1", "x"), message("e1", "y"))), "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: entry id \"e1\" appears more than once"
                + " (AWS.SimpleQueueService.BatchEntryIdsNotDistinct)");
  }

  @Test
  void sendBatchRefusesAnEntryOverTheByteLimit() {
    String url = backend.createQueue(standard("jobs"));
    String big = "x".repeat(QueueBackend.MAX_MESSAGE_BYTES + 1);

    assertKind(() -> backend.sendBatch(url, List.of(message("e1", "x"), message("e2", big))), "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: entry \"e2\" has a body of 256001 bytes, more than the 256000 bytes"
                + " allowed (AWS.SimpleQueueService.BatchRequestTooLong)");
  }

  @Test
  void sendBatchRefusesBodiesAddingUpToMoreThanTheByteLimit() {
    String url = backend.createQueue(standard("jobs"));
    String half = "x".repeat(QueueBackend.MAX_MESSAGE_BYTES / 2);

    backend.sendBatch(url, List.of(message("e1", half), message("e2", half))); // exactly the limit
    assertKind(
            () -> backend.sendBatch(url, List.of(message("e1", half), message("e2", half + "x"))),
            "queue.batch_limit")
        .hasMessage(
            "batch for queue \"jobs\" refused: the bodies add up to 256001 bytes, more than the 256000 bytes"
                + " allowed (AWS.SimpleQueueService.BatchRequestTooLong)");
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(2, 0));
  }

  @Test
  void sendBatchReportsRefusedEntriesAndSendsTheRest() {
    String url = backend.createQueue(standard("jobs"));

    SendBatchResult result = backend.sendBatch(url, List.of(message("e1", "ok"), message("e2", "\u0001")));

    assertThat(result.successful()).extracting(SendBatchResult.Sent::entryId).containsExactly("e1");
    assertThat(result.failed()).singleElement().satisfies(failed -> {
      assertThat(failed.entryId()).isEqualTo("e2");
      assertThat(failed.code()).isEqualTo("InvalidMessageContents");
      assertThat(failed.senderFault()).isTrue();
    });
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(1, 0));
  }

  // ---- long polling -------------------------------------------------------------------------------------------

  @Test
  void receiveWithoutWaitReturnsAtOnceWhenEmpty() {
    String url = backend.createQueue(standard("jobs"));

    long start = System.nanoTime();
    assertThat(receive(url, 1, THIRTY_SECONDS)).isEmpty();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void longPollReturnsNothingOnceTheWaitTimeHasPassed() {
    String url = backend.createQueue(standard("jobs"));

    long start = System.nanoTime();
    List<ReceivedMessage> none =
        backend.receive(url, new ReceiveRequest(1, Duration.ofMillis(200), THIRTY_SECONDS));

    assertThat(none).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void sendWakesAWaitingReceiver() throws Exception {
    String url = backend.createQueue(standard("jobs"));
    LongPoll poll = LongPoll.start(backend, url);

    backend.send(url, message("m1", "wake up"));

    assertThat(poll.result()).extracting(ReceivedMessage::body).containsExactly("wake up");
    assertThat(poll.elapsed()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void receiversThatKeepUpWithAStreamOfSendsTakeEveryMessageOnce() throws Exception {
    // Sends back to back keep the queue busy, so receivers that find it empty nap rather than wait to be notified:
    // nothing sent during a nap may be missed or taken twice.
    String url = backend.createQueue(standard("stream"));
    int count = 5_000;
    java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong longestReceive = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.ExecutorService receivers = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
      for (int r = 0; r < 2; r++) {
        running.add(receivers.submit(() -> {
          while (taken.size() < count) {
            long start = System.nanoTime();
            List<ReceivedMessage> got =
                backend.receive(url, new ReceiveRequest(1, Duration.ofSeconds(2), THIRTY_SECONDS));
            if (!got.isEmpty()) {
              longestReceive.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
            for (ReceivedMessage message : got) {
              if (!taken.add(message.body())) {
                duplicates.incrementAndGet();
              }
              backend.delete(url, message.receiptHandle());
            }
          }
          return null;
        }));
      }
      for (int i = 0; i < count; i++) {
        backend.send(url, message("m", "message " + i));
        if (i % 500 == 0) {
          Thread.sleep(2); // a pause: receivers go back to waiting to be notified
        }
      }
      for (java.util.concurrent.Future<?> receiver : running) {
        receiver.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      receivers.shutdownNow();
    }

    assertThat(taken).hasSize(count);
    assertThat(duplicates).hasValue(0);
    assertThat(backend.counts(url)).isEqualTo(new QueueCounts(0, 0));
    // No receive that got a message sat out its whole wait: a message sent during a nap or a wait was seen.
    assertThat(Duration.ofNanos(longestReceive.get())).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void waitingReceiverSeesAVisibilityExpiryOnTheInjectedClock() throws Exception {
    String url = backend.createQueue(standard("jobs"));
    backend.send(url, message("m1", "again"));
    receiveOne(url, THIRTY_SECONDS);
    LongPoll poll = LongPoll.start(backend, url);

    clock.advance(THIRTY_SECONDS);

    assertThat(poll.result()).extracting(ReceivedMessage::receiveCount).containsExactly(2);
    assertThat(poll.elapsed()).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void deletingTheQueueFailsAWaitingReceiver() throws Exception {
    String url = backend.createQueue(standard("jobs"));
    LongPoll poll = LongPoll.start(backend, url);

    backend.deleteQueue(url);

    assertThat(poll.failure()).isInstanceOfSatisfying(
        BackendException.class, e -> assertThat(e.kind()).isEqualTo("queue.not_found"));
  }

  // ---- helpers ------------------------------------------------------------------------------------------------

  private static QueueSpec standard(String name) {
    return new QueueSpec(name, false, THIRTY_SECONDS, null);
  }

  private static QueueSpec fifo(String name) {
    return QueueSpec.fifo(name, THIRTY_SECONDS);
  }

  private static OutgoingMessage message(String entryId, String body) {
    return new OutgoingMessage(entryId, body, Map.of(), null, null);
  }

  private List<ReceivedMessage> receive(String url, int max, Duration visibility) {
    return backend.receive(url, new ReceiveRequest(max, Duration.ZERO, visibility));
  }

  private ReceivedMessage receiveOne(String url, Duration visibility) {
    List<ReceivedMessage> received = receive(url, 1, visibility);
    assertThat(received).hasSize(1);
    return received.get(0);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertKind(Runnable call, String kind) {
    return assertThatThrownBy(call::run)
        .isInstanceOf(BackendException.class)
        .satisfies(e -> assertThat(((BackendException) e).kind()).isEqualTo(kind));
  }
}
