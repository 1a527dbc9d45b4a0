package io.github.cortexj.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.cortexj.core.internal.handler.JacksonProblems;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The result rule of async handlers (Cortex §8.2 step 5): what {@link AsyncHandler#handleAsync} returns must
 * serialise to a JSON object. Stateless and thread safe.
 */
public final class AsyncResults {

  private static final String EXPECTED = "handler response must be a JSON object (Map, record, POJO or ObjectNode)";

  private AsyncResults() {}

  /**
   * Turns an async handler's return value into the JSON object stored as its result. Keys keep the order Jackson
   * writes them in (a map's iteration order, a record's component order), and numbers keep the type Jackson
   * writes them with, so writing the node gives the same text as writing the value.
   *
   * @param result what the handler returned
   * @param mapper the mapper to serialise with
   * @return the JSON object; an {@link ObjectNode} result is returned as is, not copied
   * @throws InvalidAsyncResultException when the value is {@code null}, serialises to anything but an object
   *     (the message names the returned type, for example {@code java.util.ArrayList}), or cannot be serialised
   *     (the message carries Jackson's)
   */
  public static ObjectNode toJsonObject(@Nullable Object result, ObjectMapper mapper) {
    if (result == null) {
      throw notAnObject("null");
    }
    if (result instanceof ObjectNode object) {
      return object;
    }
    String type = result.getClass().getTypeName();
    if (result instanceof JsonNode) {
      throw notAnObject(type);
    }
    JsonNode tree;
    try {
      tree = exactTree(result, mapper);
    } catch (IOException | IllegalArgumentException e) {
      throw notSerialisable(type, e);
    }
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw notAnObject(type);
  }

  /**
   * Writes an async handler's return value as the JSON object stored as its result: the same bytes as writing
   * {@link #toJsonObject} with {@code mapper}, without building the tree first (a replica stores every result it
   * makes, and the tree cost as much as the writing). The value is written once; whether it is an object is told
   * by its first token.
   *
   * @param result what the handler returned
   * @param mapper the mapper to serialise with
   * @return the JSON text, UTF-8
   * @throws InvalidAsyncResultException as {@link #toJsonObject} does, with the same messages
   */
  public static byte[] toJsonObjectBytes(@Nullable Object result, ObjectMapper mapper) {
    if (result == null) {
      throw notAnObject("null");
    }
    String type = result.getClass().getTypeName();
    if (result instanceof JsonNode node && !node.isObject()) {
      throw notAnObject(type);
    }
    byte[] json;
    try {
      json =
          mapper.isEnabled(SerializationFeature.WRAP_ROOT_VALUE)
              ? mapper.writer().without(SerializationFeature.WRAP_ROOT_VALUE).writeValueAsBytes(result)
              : mapper.writeValueAsBytes(result);
    } catch (IOException | IllegalArgumentException e) {
      throw notSerialisable(type, e);
    }
    if (!startsAnObject(json)) {
      throw notAnObject(type);
    }
    return json;
  }

  /** Tells whether JSON text's first token, after any whitespace, opens an object. */
  private static boolean startsAnObject(byte[] json) {
    for (byte b : json) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }

  /**
   * Serialises a value into a tree as {@link ObjectMapper#valueToTree(Object)} does, except that decimals keep
   * their trailing zeros ({@code 1.10} stays {@code 1.10}), so the tree writes exactly as the value does.
   */
  private static @Nullable JsonNode exactTree(Object value, ObjectMapper mapper) throws IOException {
    TokenBuffer buffer = new TokenBuffer(mapper, false);
    if (mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)) {
      buffer = buffer.forceUseOfBigDecimal(true);
    }
    try (TokenBuffer tokens = buffer) {
      mapper.writer().without(SerializationFeature.WRAP_ROOT_VALUE).writeValue(tokens, value);
      try (JsonParser parser = tokens.asParser()) {
        return mapper.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(parser);
      }
    }
  }

  private static InvalidAsyncResultException notSerialisable(String type, Exception e) {
    return new InvalidAsyncResultException(
        "handler response of type " + type + " is not JSON serialisable: " + JacksonProblems.describe(e),
        JacksonProblems.unwrap(e));
  }

  private static InvalidAsyncResultException notAnObject(String type) {
    return new InvalidAsyncResultException(EXPECTED + ", got " + type + " instead", null);
  }
}
