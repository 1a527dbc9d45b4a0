package io.github.cortexj.core.payload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Objects;

/**
 * The body of an async request as the handler receives it, decoded by its Content-Type: JSON for
 * {@code application/json} and {@code application/*+json}, text for {@code text/plain} (in the declared charset),
 * raw bytes for everything else.
 *
 * <p>Switch over the three cases with a pattern: {@code if (payload instanceof Payload.Json json) ...}.
 */
public sealed interface Payload permits Payload.Json, Payload.Text, Payload.Bytes {

  /**
   * Returns the Content-Type the payload arrived with, verbatim.
   *
   * @return the Content-Type
   */
  String contentType();

  /**
   * A JSON payload: any JSON value, not only objects.
   *
   * @param value the parsed value
   * @param contentType the Content-Type it arrived with
   */
  record Json(JsonNode value, String contentType) implements Payload {
    /** Validates the fields. */
    public Json {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  /**
   * A text payload, decoded with the charset its Content-Type declared (UTF-8 when none).
   *
   * @param value the text
   * @param contentType the Content-Type it arrived with
   */
  record Text(String value, String contentType) implements Payload {
    /** Validates the fields. */
    public Text {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(contentType, "contentType");
    }
  }

  /**
   * A payload of any other media type, as raw bytes.
   *
   * @param value the bytes; the array is not copied
   * @param contentType the Content-Type it arrived with
   */
  record Bytes(byte[] value, String contentType) implements Payload {
    /** Validates the fields. */
    public Bytes {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes that
          && Arrays.equals(value, that.value)
          && contentType.equals(that.contentType);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(value) + contentType.hashCode();
    }

    @Override
    public String toString() {
      return "Bytes[" + value.length + " bytes, contentType=" + contentType + "]";
    }
  }
}
