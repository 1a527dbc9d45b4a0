package io.github.cortexj.core.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReceiptHandlesTest {

  private final ReceiptHandles handles = new ReceiptHandles();

  @Test
  void aHandleReadsBackAsTheSlotSequenceAndDeliveryItWasMadeOf() {
    qt().forAll(
            integers().between(0, Integer.MAX_VALUE),
            longs().between(0, Long.MAX_VALUE),
            integers().between(1, Integer.MAX_VALUE))
        .checkAssert(
            (slot, sequence, delivery) ->
                assertThat(handles.parse(handles.format(slot, sequence, delivery)))
                    .isEqualTo(new ReceiptHandles.Parsed(slot, sequence, delivery)));
  }

  @Test
  void handlesAreFortyEightLowercaseHexDigits() {
    assertThat(handles.format(3, 7, 1)).matches("[0-9a-f]{48}");
  }

  @Test
  void aHandleOfAnotherIncarnationIsNotAHandle() {
    ReceiptHandles other = new ReceiptHandles();

    assertThat(other.parse(handles.format(0, 0, 1))).isNull();
  }

  @Test
  void stringsOfAnotherShapeAreNotHandles() {
    String handle = handles.format(5, 0xabcL, 2); // with letters, so that upper case differs

    assertThat(handles.parse("bogus")).isNull();
    assertThat(handles.parse("")).isNull();
    assertThat(handles.parse(handle + ":1")).isNull();
    assertThat(handles.parse(handle.substring(1))).isNull();
    assertThat(handles.parse(handle.toUpperCase(Locale.ROOT))).isNull();
    assertThat(handles.parse(handle.substring(0, 30) + "g" + handle.substring(31))).isNull();
    assertThat(handles.parse(handle.substring(0, 47) + "-")).isNull();
  }
}
