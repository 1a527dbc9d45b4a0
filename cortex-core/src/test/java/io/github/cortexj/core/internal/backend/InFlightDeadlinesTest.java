package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InFlightDeadlinesTest {

  private static final Instant START = Instant.parse("2021-03-04T05:06:07Z");

  @Test
  void earliestIsTheSmallestDeadlineWhateverTheOrderOfAddsAndRemoves() {
    // Each number adds a message due that many seconds after the start, or (when negative) removes the message
    // added that many operations ago, if it is still there. Deadlines from 0 to 40 s come in any order, so both
    // the ordered list and its overflow are used.
    qt().withExamples(500)
        .forAll(lists().of(integers().between(-12, 40)).ofSizeBetween(1, 80))
        .checkAssert(
            operations -> {
              InFlightDeadlines deadlines = new InFlightDeadlines();
              List<QueueMessage> added = new ArrayList<>();
              List<QueueMessage> present = new ArrayList<>();
              for (int operation : operations) {
                if (operation >= 0) {
                  QueueMessage message = message(added.size(), START.plusSeconds(operation));
                  added.add(message);
                  present.add(message);
                  deadlines.add(message);
                } else if (added.size() >= -operation) {
                  QueueMessage message = added.get(added.size() + operation);
                  if (present.remove(message)) {
                    deadlines.remove(message);
                  }
                }
                QueueMessage expected =
                    present.stream()
                        .min(Comparator.comparing(QueueMessage::visibleAt).thenComparing(QueueMessage::sequence))
                        .orElse(null);
                assertThat(deadlines.size()).isEqualTo(present.size());
                assertThat(deadlines.isEmpty()).isEqualTo(present.isEmpty());
                if (expected == null) {
                  assertThat(deadlines.earliest()).isNull();
                } else {
                  assertThat(deadlines.earliest()).isNotNull();
                  assertThat(deadlines.earliest().visibleAt()).isEqualTo(expected.visibleAt());
                }
              }
            });
  }

  @Test
  void removingInDeadlineOrderEmptiesTheList() {
    InFlightDeadlines deadlines = new InFlightDeadlines();
    List<QueueMessage> messages = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      QueueMessage message = message(i, START.plusSeconds((i * 7) % 30)); // out of order: some overflow
      messages.add(message);
      deadlines.add(message);
    }
    List<Instant> removed = new ArrayList<>();
    while (!deadlines.isEmpty()) {
      QueueMessage first = deadlines.earliest();
      removed.add(first.visibleAt());
      deadlines.remove(first);
    }

    assertThat(removed).isSorted().hasSize(30);
    assertThat(messages).allSatisfy(m -> assertThat(m.earlier).isNull());
    assertThat(messages).allSatisfy(m -> assertThat(m.later).isNull());
    assertThat(messages).noneMatch(m -> m.inOverflow);
  }

  @Test
  void clearForgetsEveryMessage() {
    InFlightDeadlines deadlines = new InFlightDeadlines();
    for (int i = 0; i < 20; i++) {
      deadlines.add(message(i, START.plusSeconds(20 - i)));
    }

    deadlines.clear();

    assertThat(deadlines.size()).isZero();
    assertThat(deadlines.earliest()).isNull();
  }

  private static QueueMessage message(long sequence, Instant visibleAt) {
    return new QueueMessage("m" + sequence, "body", Map.of(), null, sequence, 0, visibleAt);
  }
}
