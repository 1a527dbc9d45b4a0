package io.github.cortexj.core.internal.handler;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/** Writes an {@link Instant} as {@link GoTimeFormat} does, for fields Cortex writes as Go {@code time.Time}. */
public final class GoTimeSerializer extends StdSerializer<Instant> {

  private static final long serialVersionUID = 1L;

  /** Creates the serializer; Jackson calls this. */
  public GoTimeSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeString(GoTimeFormat.format(value));
  }
}
