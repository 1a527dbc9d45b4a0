package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeduplicationLogTest {

  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Instant START = Instant.parse("2026-11-25T18:00:00Z");

  /** What the queue kept before: a map of the ids, and the same in the order they were added. */
  private static final class Model {
    private final Map<String, UUID> ids = new HashMap<>();
    private final ArrayDeque<Object[]> order = new ArrayDeque<>();

    UUID find(String id) {
      return ids.get(id);
    }

    void add(String id, UUID messageId, Instant expiresAt) {
      ids.put(id, messageId);
      order.addLast(new Object[] {id, expiresAt});
    }

    void forgetExpired(Instant now) {
      while (!order.isEmpty() && !((Instant) order.peekFirst()[1]).isAfter(now)) {
        ids.remove((String) order.removeFirst()[0]);
      }
    }
  }

  @Test
  void behavesAsAMapOfIdsForgottenInTheOrderTheyWereAdded() {
    // Each step: 0-59 send an id out of a small set (so that duplicates and reuse after expiry occur, with long and
    // short ids and ids whose hashes collide); 60-89 move the clock (sometimes back, as a test clock may); 90-99 a
    // burst of 300 distinct ids (the arrays grow, then shrink once they expire).
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 400))
        .checkAssert(
            steps -> {
              DeduplicationLog log = new DeduplicationLog();
              Model model = new Model();
              Instant now = START;
              int burst = 0;
              for (int step : steps) {
                if (step < 60) {
                  send(log, model, idFor(step), now);
                } else if (step < 90) {
                  now = now.plusSeconds((step - 75) * 20L);
                  log.forgetExpired(now);
                  model.forgetExpired(now);
                } else {
                  for (int i = 0; i < 300; i++) {
                    send(log, model, "burst-" + burst + "-" + i, now);
                  }
                  burst++;
                }
                assertThat(log.size()).isEqualTo(model.ids.size());
              }
              for (int id = 0; id < 60; id++) {
                assertThat(log.find(idFor(id))).as(idFor(id)).isEqualTo(model.find(idFor(id)));
              }
            });
  }

  @Test
  void forgetsEverythingOnClear() {
    DeduplicationLog log = new DeduplicationLog();
    for (int i = 0; i < 1000; i++) {
      log.add("id-" + i, UUID.randomUUID(), START.plus(WINDOW));
    }

    log.clear();

    assertThat(log.size()).isZero();
    assertThat(log.find("id-1")).isNull();
  }

  @Test
  void keepsAnIdUntilTheInstantItsWindowCloses() {
    DeduplicationLog log = new DeduplicationLog();
    UUID message = UUID.randomUUID();
    log.add("the-id", message, START.plus(WINDOW));

    log.forgetExpired(START.plus(WINDOW).minusNanos(1));
    assertThat(log.find("the-id")).isEqualTo(message);

    log.forgetExpired(START.plus(WINDOW));
    assertThat(log.find("the-id")).isNull();
  }

  private static void send(DeduplicationLog log, Model model, String id, Instant now) {
    UUID found = log.find(id);
    assertThat(found).as("find %s", id).isEqualTo(model.find(id));
    if (found == null) {
      UUID message = UUID.randomUUID();
      log.add(id, message, now.plus(WINDOW));
      model.add(id, message, now.plus(WINDOW));
    }
  }

  /** Ids of 1 to 128 characters; "Aa" and "BB" have the same string hash, and so do ids built from them. */
  private static String idFor(int n) {
    return switch (n % 6) {
      case 0 -> "Aa".repeat(1 + n / 6 % 5) + n / 6;
      case 1 -> "BB".repeat(1 + n / 6 % 5) + n / 6;
      case 2 -> UUID.nameUUIDFromBytes(new byte[] {(byte) n}).toString();
      case 3 -> "x".repeat(128 - n % 3);
      case 4 -> Integer.toString(n);
      default -> "id-" + n + "-" + "!#$%&'()*+,-./:;<=>?@[]^_`{|}~";
    };
  }
}
