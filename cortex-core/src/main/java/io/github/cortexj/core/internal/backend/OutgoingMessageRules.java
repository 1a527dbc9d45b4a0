package io.github.cortexj.core.internal.backend;

import io.github.cortexj.core.backend.OutgoingMessage;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules SQS applies to a message's content, attributes and FIFO ids before it accepts it (the size limit is
 * checked by the caller, because it is a batch rule as well).
 *
 * <p>Stateless and thread safe.
 */
public final class OutgoingMessageRules {

  /** The most message attributes SQS accepts on one message. */
  public static final int MAX_ATTRIBUTES = 10;

  private OutgoingMessageRules() {}

  /**
   * Returns why SQS would refuse the message on a queue of the given type, or {@code null} when it would accept it.
   *
   * @param message the message
   * @param fifo whether the queue is a FIFO queue
   * @return the first problem found, or {@code null}
   */
  public static @Nullable MessageProblem problem(OutgoingMessage message, boolean fifo) {
    if (message.body().isEmpty()) {
      return new MessageProblem("MissingParameter", "The request must contain the parameter MessageBody.");
    }
    String invalid = firstInvalidCharacter(message.body());
    if (invalid != null) {
      return new MessageProblem(
          "InvalidMessageContents",
          "Invalid binary character '" + invalid + "' was found in the message body, the set of allowed"
              + " characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
    }
    MessageProblem attributes = attributeProblem(message.attributes());
    if (attributes != null) {
      return attributes;
    }
    return fifo ? fifoProblem(message) : standardProblem(message);
  }

  private static @Nullable MessageProblem fifoProblem(OutgoingMessage message) {
    String groupId = message.groupId();
    if (groupId == null) {
      return new MessageProblem("MissingParameter", "The request must contain the parameter MessageGroupId.");
    }
    if (!validFifoId(groupId)) {
      return new MessageProblem(
          "InvalidParameterValue",
          "Value " + groupId + " for parameter MessageGroupId is invalid. Reason: it must be 1 to 128"
              + " alphanumeric or punctuation characters.");
    }
    String deduplicationId = message.deduplicationId();
    if (deduplicationId == null) {
      return new MessageProblem(
          "InvalidParameterValue",
          "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided"
              + " explicitly");
    }
    // Cortex's enqueuer uses one id for both: checked already.
    if (!deduplicationId.equals(groupId) && !validFifoId(deduplicationId)) {
      return new MessageProblem(
          "InvalidParameterValue",
          "Value " + deduplicationId + " for parameter MessageDeduplicationId is invalid. Reason: it must be 1"
              + " to 128 alphanumeric or punctuation characters.");
    }
    return null;
  }

  /** A group id is accepted (and ignored) on a standard queue, as SQS does since fair queues; a dedup id is not. */
  private static @Nullable MessageProblem standardProblem(OutgoingMessage message) {
    if (message.deduplicationId() != null) {
      return new MessageProblem(
          "InvalidParameterValue",
          "Value " + message.deduplicationId() + " for parameter MessageDeduplicationId is invalid. Reason: The"
              + " request includes a parameter that is not valid for this queue type.");
    }
    return null;
  }

  private static @Nullable MessageProblem attributeProblem(Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return null; // the common case, without an iterator
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      return new MessageProblem(
          "InvalidParameterValue",
          "Number of message attributes [" + attributes.size() + "] exceeds the allowed maximum ["
              + MAX_ATTRIBUTES + "].");
    }
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      String name = attribute.getKey();
      if (!validAttributeName(name)) {
        return new MessageProblem(
            "InvalidParameterValue",
            "Message attribute name '" + name + "' is invalid: it must be 1 to 256 characters of"
                + " [A-Za-z0-9_.-], must not start with AWS. or Amazon., start or end with a period, or contain"
                + " two periods in a row.");
      }
      if (attribute.getValue().isEmpty()) {
        return new MessageProblem(
            "InvalidParameterValue",
            "Message (user) attribute '" + name + "' must contain a non-empty value of type 'String'.");
      }
      String invalid = firstInvalidCharacter(attribute.getValue());
      if (invalid != null) {
        return new MessageProblem(
            "InvalidParameterValue",
            "Message (user) attribute '" + name + "' contains the invalid character '" + invalid + "'.");
      }
    }
    return null;
  }

  /**
   * The most bytes one {@code char} takes in UTF-8 (a surrogate pair takes 4 for its 2): a text of {@code n}
   * characters takes at most {@code 3 n} bytes, so a short text needs no measuring against a size limit.
   */
  public static final int MAX_UTF8_BYTES_PER_CHAR = 3;

  /**
   * Returns the length in bytes of {@code text} encoded as {@link String#getBytes(java.nio.charset.Charset) UTF-8},
   * without encoding it: 4 bytes for a surrogate pair, 1 for a lone surrogate (encoded as {@code ?}).
   *
   * @param text the text
   * @return its UTF-8 length
   */
  public static int utf8Length(String text) {
    int length = text.length();
    int bytes = length;
    int i = 0;
    while (i < length && text.charAt(i) < 0x80) {
      i++; // the common case, ASCII, in a tight loop
    }
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 2; // 4 bytes for the 2 units of the pair
        i++;
      } else if (!Character.isSurrogate(c)) {
        bytes += 2;
      }
    }
    return bytes;
  }

  /**
   * FIFO group and deduplication ids: 1 to 128 alphanumeric or punctuation characters, which in ASCII (as the
   * regular expression classes {@code \p{Alnum}} and {@code \p{Punct}} are) is {@code !} to {@code ~}.
   */
  static boolean validFifoId(String id) {
    int length = id.length();
    if (length == 0 || length > 128) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (c < '!' || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static boolean validAttributeName(String name) {
    return isWord(name, 256, "_.-")
        && !name.regionMatches(true, 0, "aws.", 0, 4)
        && !name.regionMatches(true, 0, "amazon.", 0, 7)
        && !name.startsWith(".")
        && !name.endsWith(".")
        && !name.contains("..");
  }

  /**
   * Returns whether {@code text} is 1 to {@code maxLength} characters of ASCII letters, digits and
   * {@code punctuation}: SQS's rule for entry ids ({@code _-}) and attribute names ({@code _.-}), checked for every
   * message sent, so a character loop rather than a regular expression.
   *
   * @param text the text
   * @param maxLength the most characters allowed
   * @param punctuation the other characters allowed
   * @return whether it matches
   */
  public static boolean isWord(String text, int maxLength, String punctuation) {
    int length = text.length();
    if (length < 1 || length > maxLength) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean valid =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || punctuation.indexOf(c) >= 0;
      if (!valid) {
        return false;
      }
    }
    return true;
  }

  /** Returns the first character outside SQS's allowed set as {@code #x..}, or {@code null} when all are allowed. */
  private static @Nullable String firstInvalidCharacter(String text) {
    int length = text.length();
    int start = 0;
    while (start < length) {
      char c = text.charAt(start);
      if (c < 0x20 || c >= 0x7F) {
        break;
      }
      start++; // printable ASCII, the common case, in a tight loop
    }
    for (int i = start; i < length; ) {
      int c = text.codePointAt(i);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed) {
        return "#x" + Integer.toHexString(c).toUpperCase(Locale.ROOT);
      }
      i += Character.charCount(c);
    }
    return null;
  }
}
