package io.github.cortexj.core.internal.handler;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an RFC 3339 string into an {@link Instant}, for fields Cortex writes as Go {@code time.Time}. */
public final class GoTimeDeserializer extends StdDeserializer<Instant> {

  private static final long serialVersionUID = 1L;

  /** Creates the deserializer; Jackson calls this. */
  public GoTimeDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
    String text = parser.getText();
    try {
      return GoTimeFormat.parse(text);
    } catch (DateTimeParseException e) {
      return (Instant)
          context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 date-time: %s", e.getMessage());
    }
  }
}
