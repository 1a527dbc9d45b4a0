package io.github.cortexj.core.internal.backend;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Makes and reads one queue's receipt handles: opaque strings of 48 lowercase hexadecimal digits that name the
 * queue's incarnation (a random number drawn when the queue is created, so that the handles of an earlier queue of
 * the same name fail), the message's {@link DeliverySlots slot} and sequence, and the delivery (the receive count
 * it made). A handle is thus unique per delivery and resolves without parsing anything into objects.
 *
 * <p>Immutable and thread safe: handles are made and read outside the queue's lock.
 */
final class ReceiptHandles {

  /** Hex digits of the incarnation, the slot, the sequence and the delivery. */
  private static final int INCARNATION_DIGITS = 16;

  private static final int SLOT_DIGITS = 8;
  private static final int SEQUENCE_DIGITS = 16;
  private static final int DELIVERY_DIGITS = 8;
  static final int LENGTH = INCARNATION_DIGITS + SLOT_DIGITS + SEQUENCE_DIGITS + DELIVERY_DIGITS;

  private static final byte[] HEX_DIGITS = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  private final byte[] incarnation = new byte[INCARNATION_DIGITS];

  ReceiptHandles() {
    putHex(incarnation, 0, ThreadLocalRandom.current().nextLong(), INCARNATION_DIGITS);
  }

  /** Returns the handle of the delivery numbered {@code delivery} of the message in {@code slot}. */
  String format(int slot, long sequence, int delivery) {
    byte[] handle = new byte[LENGTH];
    System.arraycopy(incarnation, 0, handle, 0, INCARNATION_DIGITS);
    int at = INCARNATION_DIGITS;
    putHex(handle, at, slot, SLOT_DIGITS);
    at += SLOT_DIGITS;
    putHex(handle, at, sequence, SEQUENCE_DIGITS);
    at += SEQUENCE_DIGITS;
    putHex(handle, at, delivery, DELIVERY_DIGITS);
    return new String(handle, StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads a handle of this queue.
   *
   * @return the handle's parts, or {@code null} when the string is not a handle of this queue's incarnation
   */
  @Nullable Parsed parse(String handle) {
    if (handle.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < INCARNATION_DIGITS; i++) {
      if (handle.charAt(i) != incarnation[i]) {
        return null;
      }
    }
    int at = INCARNATION_DIGITS;
    long slot = readHex(handle, at, SLOT_DIGITS);
    at += SLOT_DIGITS;
    long sequenceHigh = readHex(handle, at, SEQUENCE_DIGITS / 2);
    long sequenceLow = readHex(handle, at + SEQUENCE_DIGITS / 2, SEQUENCE_DIGITS / 2);
    at += SEQUENCE_DIGITS;
    long delivery = readHex(handle, at, DELIVERY_DIGITS);
    if (slot < 0 || sequenceHigh < 0 || sequenceLow < 0 || delivery < 0) {
      return null;
    }
    return new Parsed(slot, (sequenceHigh << 32) | sequenceLow, delivery);
  }

  private static void putHex(byte[] target, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      target[at + i] = HEX_DIGITS[(int) (value & 0xF)];
      value >>>= 4;
    }
  }

  /** Reads up to 8 lowercase hex digits, or returns -1 when one of them is not a hex digit. */
  private static long readHex(String text, int at, int digits) {
    long value = 0;
    boolean valid = true;
    for (int i = at; i < at + digits; i++) {
      char c = text.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else {
        valid = false;
        digit = 0;
      }
      value = (value << 4) | digit;
    }
    return valid ? value : -1;
  }

  /**
   * The parts of a handle.
   *
   * @param slot where the message is in the queue's {@link DeliverySlots}
   * @param sequence the message's sequence
   * @param delivery the message's receive count after the delivery the handle is of
   */
  record Parsed(long slot, long sequence, long delivery) {}
}
