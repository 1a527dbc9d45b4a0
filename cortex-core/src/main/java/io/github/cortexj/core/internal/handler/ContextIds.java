package io.github.cortexj.core.internal.handler;

import org.jspecify.annotations.Nullable;

/** Checks the ids and names a context builder is given. Stateless and thread safe. */
public final class ContextIds {

  private ContextIds() {}

  /**
   * Checks that a required id is present and usable in logs and storage keys: not blank, no {@code /}, no
   * control character.
   *
   * @param context the type being built, for the message, e.g. {@code BatchContext}
   * @param field the field, e.g. {@code batchId}
   * @param value the value
   * @return the value
   * @throws IllegalStateException when it is missing
   * @throws IllegalArgumentException when it is blank or has a {@code /} or control character
   */
  public static String require(String context, String field, @Nullable String value) {
    if (value == null) {
      throw new IllegalStateException(context + ": " + field + " is required");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(context + ": " + field + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            context + ": " + field + " must not contain '/' or control characters, got \"" + printable(value) + "\"");
      }
    }
    return value;
  }

  private static String printable(String value) {
    StringBuilder text = new StringBuilder();
    value.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
              } else {
                text.appendCodePoint(c);
              }
            });
    return text.toString();
  }
}
