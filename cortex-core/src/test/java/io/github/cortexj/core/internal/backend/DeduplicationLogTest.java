package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeduplicationLogTest {

  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final Instant START = Instant.parse("2026-11-25T18:00:00Z");
  private static final int MIN_RECORDS = 16;

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
    // Each step: 0-63 send an id out of a small set (so that duplicates and reuse after expiry occur, with ids of 1
    // to 128 characters and ids whose hashes collide fully or in their low bits); 64-89 move the clock (sometimes
    // back, as a test clock may); 90-94 a burst of 300 distinct short ids (the records and index grow, then shrink
    // once they expire); 95-99 a burst of 100 distinct long ids (the id ring grows more than the records).
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(1, 400))
        .checkAssert(
            steps -> {
              DeduplicationLog log = new DeduplicationLog();
              Model model = new Model();
              Set<String> sent = new HashSet<>();
              Instant now = START;
              int burst = 0;
              for (int step : steps) {
                if (step < 64) {
                  send(log, model, sent, idFor(step), now);
                } else if (step < 90) {
                  now = now.plusSeconds((step - 77) * 23L);
                  log.forgetExpired(now);
                  model.forgetExpired(now);
                  assertThat(log.recordCapacity() == MIN_RECORDS || log.size() >= log.recordCapacity() / 8)
                      .as("%d records in a ring of %d", log.size(), log.recordCapacity())
                      .isTrue();
                } else if (step < 95) {
                  for (int i = 0; i < 300; i++) {
                    send(log, model, sent, "burst-" + burst + "-" + i, now);
                  }
                  burst++;
                } else {
                  for (int i = 0; i < 100; i++) {
                    send(log, model, sent, longId(burst, i), now);
                  }
                  burst++;
                }
                assertThat(log.size()).isEqualTo(model.ids.size());
                assertThat(log.recordCapacity()).isGreaterThanOrEqualTo(log.size());
              }
              for (String id : sent) {
                assertThat(log.find(id)).as(id).isEqualTo(model.find(id));
              }
            });
  }

  @Test
  void tellsApartIdsWithTheSameHashAndDifferentLengths() {
    // SQS's characters give no two short ids of different lengths with the same hash; these two, outside them, do.
    String two = new String(new char[] {1, 0});
    String one = String.valueOf((char) 31);
    assertThat(DeduplicationLog.hash(two)).isEqualTo(DeduplicationLog.hash(one));
    DeduplicationLog log = new DeduplicationLog();
    UUID first = UUID.randomUUID();
    log.add(two, first, START.plus(WINDOW));

    assertThat(log.find(one)).isNull();
    UUID second = UUID.randomUUID();
    log.add(one, second, START.plus(WINDOW));
    assertThat(log.find(two)).isEqualTo(first);
    assertThat(log.find(one)).isEqualTo(second);

    log.forgetExpired(START.plus(WINDOW));
    assertThat(log.size()).isZero();
    assertThat(log.find(two)).isNull();
    assertThat(log.find(one)).isNull();
  }

  @Test
  void refusesIdsThatDoNotFitBytesAndRemembersNothingOfThem() {
    DeduplicationLog log = new DeduplicationLog();
    UUID message = UUID.randomUUID();
    log.add("kept", message, START.plus(WINDOW));

    assertThatThrownBy(() -> log.add("caf" + (char) 0x101, UUID.randomUUID(), START.plus(WINDOW)))
        .isInstanceOf(IllegalArgumentException.class);
    String tooLong = "x".repeat(DeduplicationLog.MAX_ID_LENGTH + 1);
    assertThatThrownBy(() -> log.add(tooLong, UUID.randomUUID(), START.plus(WINDOW)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(log.size()).isEqualTo(1);
    assertThat(log.find("caf" + (char) 0x101)).isNull();
    assertThat(log.find(tooLong)).isNull();
    assertThat(log.find("kept")).isEqualTo(message);
    UUID latin1 = UUID.randomUUID();
    String longest = String.valueOf((char) 0xE9).repeat(DeduplicationLog.MAX_ID_LENGTH);
    log.add(longest, latin1, START.plus(WINDOW));
    assertThat(log.find(longest)).isEqualTo(latin1);
    assertThat(log.find("kept")).isEqualTo(message);
    log.forgetExpired(START.plus(WINDOW));
    assertThat(log.size()).isZero();
  }

  @Test
  void growsTheRecordsAndTheIdRingEachToWhatItNeeds() {
    DeduplicationLog log = new DeduplicationLog();
    long bytesUsed = 0;
    // 16 ids of 128 characters: the id ring grows, the records do not.
    for (int i = 0; i < MIN_RECORDS; i++) {
      String id = longId(i, 28);
      log.add(id, UUID.randomUUID(), START.plus(WINDOW));
      bytesUsed += 1 + id.length();
    }
    assertThat(longId(0, 28)).hasSize(128);
    assertThat(log.recordCapacity()).isEqualTo(MIN_RECORDS);
    assertThat(log.byteCapacity()).isEqualTo(4096); // 16 * 129 bytes, twice the 2048 it had before the last id
    // Short ids: the records grow, the id ring only when it is full, and each no more than twice what it holds.
    for (int i = 0; i < 10_000; i++) {
      String id = Integer.toString(i);
      log.add(id, UUID.randomUUID(), START.plus(WINDOW).plusSeconds(1));
      bytesUsed += 1 + id.length();
      assertThat(log.recordCapacity()).isLessThan(2 * log.size() + 1);
      assertThat(log.byteCapacity()).isGreaterThanOrEqualTo((int) bytesUsed).isLessThan((int) (2 * bytesUsed + 1));
    }
    assertThat(log.recordCapacity()).isEqualTo(16_384);

    // The long ids expire; the rings are still more than an eighth full.
    log.forgetExpired(START.plus(WINDOW));
    assertThat(log.size()).isEqualTo(10_000);
    assertThat(log.recordCapacity()).isEqualTo(16_384);
    for (int i = 0; i < 10_000; i += 997) {
      assertThat(log.find(Integer.toString(i))).isNotNull();
    }
    assertThat(log.find(longId(0, 28))).isNull();

    log.forgetExpired(START.plus(WINDOW).plusSeconds(1));
    assertThat(log.size()).isZero();
    assertThat(log.recordCapacity()).isEqualTo(MIN_RECORDS);
    assertThat(log.byteCapacity()).isEqualTo(512);
  }

  @Test
  void shrinksToTwiceWhatItHoldsOrMoreSoThatItDoesNotGrowBackAtOnce() {
    DeduplicationLog log = new DeduplicationLog();
    for (int i = 0; i < 1024; i++) {
      log.add("early-" + i, UUID.randomUUID(), START.plusSeconds(i < 897 ? 1 : 2));
    }
    assertThat(log.recordCapacity()).isEqualTo(1024);

    log.forgetExpired(START.plusSeconds(1)); // 127 left, fewer than 1024 / 8
    assertThat(log.size()).isEqualTo(127);
    assertThat(log.recordCapacity()).isEqualTo(256);
    int bytes = log.byteCapacity();
    for (int i = 0; i < 100; i++) {
      log.add("late-" + i, UUID.randomUUID(), START.plusSeconds(3));
      log.forgetExpired(START.plusSeconds(1));
      assertThat(log.recordCapacity()).isEqualTo(256);
      assertThat(log.byteCapacity()).isEqualTo(bytes);
    }
    for (int i = 897; i < 1024; i++) {
      assertThat(log.find("early-" + i)).isNotNull();
    }
    for (int i = 0; i < 100; i++) {
      assertThat(log.find("late-" + i)).isNotNull();
    }
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

  private static void send(DeduplicationLog log, Model model, Set<String> sent, String id, Instant now) {
    UUID found = log.find(id);
    assertThat(found).as("find %s", id).isEqualTo(model.find(id));
    if (found == null) {
      UUID message = UUID.randomUUID();
      log.add(id, message, now.plus(WINDOW));
      model.add(id, message, now.plus(WINDOW));
    }
    sent.add(id);
  }

  /**
   * Ids of 1 to 128 characters. "Aa" and "BB" have the same string hash, and so do ids built from them: the index
   * holds the same hash for different ids. {@link #PARTIAL} share their hash's low 16 bits, and so their home slot
   * in every index of this test, but not the rest.
   */
  private static String idFor(int n) {
    return switch (n % 8) {
      case 0 -> "Aa".repeat(1 + n / 8 % 5) + n / 8;
      case 1 -> "BB".repeat(1 + n / 8 % 5) + n / 8;
      case 2 -> UUID.nameUUIDFromBytes(new byte[] {(byte) n}).toString();
      case 3 -> "x".repeat(128 - n % 3);
      case 4 -> Integer.toString(n);
      case 5 -> "id-" + n + "-" + "!#$%&'()*+,-./:;<=>?@[]^_`{|}~";
      case 6 -> PARTIAL.get(n / 8);
      default -> String.valueOf((char) ('!' + n));
    };
  }

  /** Distinct ids of 100 to 128 characters. */
  private static String longId(int burst, int i) {
    String prefix = "long-" + burst + "-" + i + "-";
    return prefix + "~".repeat(100 + i % 29 - prefix.length());
  }

  /** Eight ids whose hashes agree in the low 16 bits and differ above them. */
  private static final List<String> PARTIAL = partiallyColliding(8);

  private static List<String> partiallyColliding(int count) {
    Map<Integer, List<String>> byLowBits = new HashMap<>();
    for (int i = 0; ; i++) {
      String id = "p" + i;
      List<String> same = byLowBits.computeIfAbsent(DeduplicationLog.hash(id) & 0xFFFF, low -> new ArrayList<>());
      boolean sameHash = false;
      for (String other : same) {
        sameHash |= DeduplicationLog.hash(other) == DeduplicationLog.hash(id);
      }
      if (!sameHash) {
        same.add(id);
      }
      if (same.size() == count) {
        return List.copyOf(same);
      }
    }
  }
}
