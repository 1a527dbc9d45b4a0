package io.github.cortexj.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.cortexj.async.internal.runtime.RequestIds;
import io.github.cortexj.core.AsyncStatus;
import io.github.cortexj.core.backend.ReceiveRequest;
import io.github.cortexj.core.backend.ReceivedMessage;
import io.github.cortexj.core.job.ApiNotDeployedException;
import io.github.cortexj.core.job.AsyncRequestNotFoundException;
import io.github.cortexj.core.job.DuplicateRequestIdException;
import io.github.cortexj.core.payload.PayloadException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Submitting requests: ids, duplicates, unknown APIs and ids, and what is stored and queued. */
class SubmissionTest {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

  private final AsyncCluster cluster = new AsyncCluster();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    cluster.close();
  }

  @Test
  void refusesAnIdTheApiAlreadyHolds() {
    cluster.deploy((payload, context) -> Map.of());
    cluster.awaitEnd(cluster.submit("same", "{}", "application/json"));

    assertThatThrownBy(() -> cluster.submit("same", "{}", "application/json"))
        .isInstanceOf(DuplicateRequestIdException.class)
        .hasMessage("error: id same already exists for api scorer");
  }

  @Test
  void givesEachRequestWithoutAnIdItsOwnUuidStoredAndQueued() {
    cluster.deploy(
        (payload, context) -> {
          release.await();
          return Map.of();
        });

    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(cluster.submitJson("{}"));
    }

    assertThat(ids).hasSize(50).allSatisfy(id -> assertThat(java.util.UUID.fromString(id)).hasToString(id));
    assertThat(ids)
        .allSatisfy(
            id -> {
              assertThat(cluster.store.head("cortex/workloads/scorer/" + id + "/payload")).isPresent();
              assertThat(cluster.store.head("cortex/workloads/scorer/" + id + "/status/in_queue")).isPresent();
            });
    assertThat(cluster.queues.counts(cluster.queues.queueUrl(queueName()).orElseThrow()).total())
        .isEqualTo(50);
  }

  @Test
  void rejectsAnIdLongerThan128Characters() {
    cluster.deploy((payload, context) -> Map.of());

    assertThatThrownBy(() -> cluster.submit("a".repeat(129), "{}", "application/json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid x-request-id \"" + "a".repeat(129) + "\": it must be 1 to 128 characters of letters,"
            + " digits, '.', '_' and '-' (and not \".\" or \"..\")");
  }

  @Test
  void rejectsAnIdWithASlash() {
    cluster.deploy((payload, context) -> Map.of());

    assertThatThrownBy(() -> cluster.submit("../x", "{}", "application/json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid x-request-id \"../x\"");
  }

  @Test
  void rejectsTheDotDotId() {
    assertThat(RequestIds.isValid("..")).isFalse();
    assertThat(RequestIds.isValid(".")).isFalse();
  }

  @Test
  void acceptsEveryIdOfTheAllowedCharacters() {
    qt().forAll(idsOf(ALPHABET, 1, 128))
        .assuming(id -> !id.equals(".") && !id.equals(".."))
        .check(RequestIds::isValid);
  }

  @Test
  void rejectsEveryIdWithAnotherCharacter() {
    qt().forAll(idsOf(ALPHABET, 0, 20), strings().allPossible().ofLength(1), integers().between(0, 20))
        .assuming((prefix, other, at) -> ALPHABET.indexOf(other.charAt(0)) < 0)
        .check((prefix, other, at) -> {
          int cut = Math.min(at, prefix.length());
          return !RequestIds.isValid(prefix.substring(0, cut) + other + prefix.substring(cut));
        });
  }

  private static Gen<String> idsOf(String alphabet, int min, int max) {
    return lists()
        .of(integers().between(0, alphabet.length() - 1))
        .ofSizeBetween(min, max)
        .map(indexes -> {
          StringBuilder id = new StringBuilder();
          indexes.forEach(index -> id.append(alphabet.charAt(index)));
          return id.toString();
        });
  }

  @Test
  void generatesATimeOrderedUuidOfTheClocksMillisecondWhenNoIdIsGiven() {
    cluster.deploy((payload, context) -> Map.of());

    String first = cluster.submitJson("{}");
    cluster.clock.advance(java.time.Duration.ofMillis(1));
    String second = cluster.submitJson("{}");

    assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(java.util.UUID.fromString(first).getMostSignificantBits() >>> 16)
        .isEqualTo(cluster.clock.millis() - 1);
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void rejectsAnEmptyContentType() {
    cluster.deploy((payload, context) -> Map.of());

    assertThatThrownBy(() -> cluster.submit("x", "{}", " "))
        .isInstanceOf(PayloadException.class)
        .hasMessage("missing Content-Type: the payload's Content-Type must not be empty")
        .extracting(e -> ((PayloadException) e).kind())
        .isEqualTo(PayloadException.INVALID_CONTENT_TYPE);
  }

  @Test
  void rejectsAContentTypeThatIsNoMediaTypeBeforeStoringAnything() {
    cluster.deploy((payload, context) -> Map.of());

    assertThatThrownBy(() -> cluster.submit("x", "{}", "text/"))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("text/")
        .extracting(e -> ((PayloadException) e).kind())
        .isEqualTo(PayloadException.INVALID_CONTENT_TYPE);
    assertThat(cluster.store.list("", null, 1000).objects())
        .extracting(info -> info.key())
        .noneMatch(key -> key.contains("/x/"));
  }

  @Test
  void answersNotFoundForAnUnknownId() {
    cluster.deploy((payload, context) -> Map.of());

    assertThatThrownBy(() -> cluster.runtime.get(AsyncCluster.API, "nope"))
        .isInstanceOf(AsyncRequestNotFoundException.class)
        .hasMessage("error: id nope not found");
  }

  @Test
  void answersNotDeployedForAnUnknownApi() {
    assertThatThrownBy(() -> cluster.runtime.submit("ghost", new byte[0], "text/plain", null))
        .isInstanceOf(ApiNotDeployedException.class)
        .hasMessage("ghost is not deployed");
  }

  @Test
  void queuesTheIdAsMessageBodyWithTheInQueueMarkerAndPayloadStored() throws Exception {
    cluster.deploy(
        (payload, context) -> {
          release.await();
          return Map.of();
        });
    String busy = cluster.submit("busy", "{}", "application/json");
    cluster.awaitStatus(busy, AsyncStatus.IN_PROGRESS);

    cluster.submit("queued", "hello", "text/plain");

    assertThat(cluster.runtime.get(AsyncCluster.API, "queued").status()).isEqualTo(AsyncStatus.IN_QUEUE);
    assertThat(cluster.store.get("cortex/workloads/scorer/queued/payload").orElseThrow().info().contentType())
        .isEqualTo("text/plain");
    String queueUrl = cluster.queues.queueUrl(queueName()).orElseThrow();
    List<ReceivedMessage> messages =
        cluster.queues.receive(queueUrl, ReceiveRequest.one(Duration.ZERO, Duration.ofMinutes(1)));
    assertThat(messages).extracting(ReceivedMessage::body).containsExactly("queued");
    cluster.queues.changeVisibility(queueUrl, messages.get(0).receiptHandle(), Duration.ZERO);
  }

  private static String queueName() {
    return io.github.cortexj.core.backend.QueueNames.asyncQueue("test", AsyncCluster.API, "api-1");
  }
}
