package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cortexj.core.PartialBatchFailure.FailedItem;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PartialBatchFailureTest {

  @Test
  void listsFailedItemsSortedByIndex() {
    PartialBatchFailure failure =
        PartialBatchFailure.builder().fail(4, "late").fail(0, "early").fail(2, "middle").build();

    assertThat(failure.failedItems()).extracting(FailedItem::index).containsExactly(0, 2, 4);
  }

  @Test
  void recordsTheExceptionClassAndMessage() {
    PartialBatchFailure failure =
        PartialBatchFailure.builder().fail(1, new IllegalArgumentException("bad price")).build();

    assertThat(failure.failedItems())
        .containsExactly(new FailedItem(1, "java.lang.IllegalArgumentException", "bad price"));
  }

  @Test
  void recordsATextReasonWithTypeError() {
    PartialBatchFailure failure = PartialBatchFailure.builder().fail(3, "out of stock").build();

    assertThat(failure.failedItems()).containsExactly(new FailedItem(3, "error", "out of stock"));
  }

  @Test
  void recordsAnEmptyMessageForAnExceptionWithoutOne() {
    PartialBatchFailure failure = PartialBatchFailure.builder().fail(0, new IOException()).build();

    assertThat(failure.failedItems()).containsExactly(new FailedItem(0, "java.io.IOException", ""));
  }

  @Test
  void messageNamesEachFailedItem() {
    PartialBatchFailure failure =
        PartialBatchFailure.builder()
            .fail(4, "out of stock")
            .fail(1, new IllegalArgumentException("bad price"))
            .fail(6, new IOException())
            .build();

    assertThat(failure)
        .hasMessage(
            "3 items of the batch failed: item 1 (java.lang.IllegalArgumentException: bad price); item 4 (error: out"
                + " of stock); item 6 (java.io.IOException)");
  }

  @Test
  void messageSaysItemInTheSingular() {
    assertThat(PartialBatchFailure.builder().fail(0, "x").build()).hasMessage("1 item of the batch failed: item 0 (error: x)");
  }

  @Test
  void messageAbbreviatesAfterFiveItems() {
    PartialBatchFailure.Builder builder = PartialBatchFailure.builder();
    for (int i = 0; i < 7; i++) {
      builder.fail(i, "r" + i);
    }

    assertThat(builder.build())
        .hasMessage(
            "7 items of the batch failed: item 0 (error: r0); item 1 (error: r1); item 2 (error: r2); item 3 (error:"
                + " r3); item 4 (error: r4); and 2 more");
  }

  @Test
  void isACortexExceptionOfKindBatchPartialFailure() {
    CortexException failure = PartialBatchFailure.builder().fail(0, "x").build();

    assertThat(failure.kind()).isEqualTo("batch.partial_failure");
  }

  @Test
  void attachesEachDistinctExceptionAsSuppressed() {
    IOException shared = new IOException("disk");
    IllegalStateException other = new IllegalStateException("state");

    PartialBatchFailure failure =
        PartialBatchFailure.builder().fail(0, shared).fail(1, shared).fail(2, other).fail(3, "text").build();

    assertThat(failure.getSuppressed()).containsExactly(shared, other);
  }

  @Test
  void rejectsAnItemMarkedTwice() {
    PartialBatchFailure.Builder builder = PartialBatchFailure.builder().fail(3, "a");

    assertThatThrownBy(() -> builder.fail(3, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 3 is already marked as failed");
  }

  @Test
  void rejectsANegativeIndex() {
    assertThatThrownBy(() -> PartialBatchFailure.builder().fail(-1, "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must be >= 0, got -1");
  }

  @Test
  void refusesToBuildWithoutFailures() {
    assertThatThrownBy(() -> PartialBatchFailure.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a partial batch failure needs at least one failed item; return normally when every item succeeded");
  }

  @Test
  void throwIfAnyReturnsWhenNothingFailed() {
    assertThatCode(() -> PartialBatchFailure.builder().throwIfAny()).doesNotThrowAnyException();
  }

  @Test
  void throwIfAnyThrowsTheFailure() {
    PartialBatchFailure.Builder builder = PartialBatchFailure.builder().fail(2, "x");

    assertThatThrownBy(builder::throwIfAny)
        .isInstanceOfSatisfying(
            PartialBatchFailure.class,
            failure -> assertThat(failure.failedItems()).extracting(FailedItem::index).containsExactly(2));
  }

  @Test
  void failedItemsCannotBeChanged() {
    PartialBatchFailure failure = PartialBatchFailure.builder().fail(0, "x").build();

    assertThatThrownBy(() -> failure.failedItems().add(new FailedItem(1, "error", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void failedItemsAreTheDistinctIndicesInAscendingOrder() {
    qt().forAll(lists().of(integers().between(0, 500)).ofSizeBetween(1, 40))
        .checkAssert(
            indices -> {
              PartialBatchFailure.Builder builder = PartialBatchFailure.builder();
              TreeSet<Integer> distinct = new TreeSet<>();
              for (int index : indices) {
                if (distinct.add(index)) {
                  builder.fail(index, "reason " + index);
                }
              }
              List<FailedItem> items = builder.build().failedItems();
              assertThat(items).extracting(FailedItem::index).containsExactlyElementsOf(distinct);
              assertThat(items).allSatisfy(item -> assertThat(item.message()).isEqualTo("reason " + item.index()));
            });
  }
}
