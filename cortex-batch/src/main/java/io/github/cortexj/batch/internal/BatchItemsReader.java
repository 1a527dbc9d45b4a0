package io.github.cortexj.batch.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a batch's message body, a JSON array, into the list of its items that the handler gets.
 *
 * <p>The array's elements are read one after the other straight into the list, rather than into an
 * {@code ArrayNode} that is then copied; every element is still decoded in full, with the mapper's settings. A body
 * that is not a well-formed array (or has trailing content the mapper refuses) is read again whole, as
 * {@link ObjectMapper#readTree(String)} reads it, so its failure is exactly that of reading it whole: the same
 * exception, with the same message.
 *
 * <p>Not thread safe: one instance serves one worker, and remembers the size of the last batch to size the next
 * list.
 */
final class BatchItemsReader {

  /** The message of the failure for a body that is valid JSON but not an array. */
  static final String NOT_AN_ARRAY = "the batch's message body is not a JSON array";

  private final ObjectMapper mapper;
  private final ObjectReader reader;
  private final boolean failOnTrailingTokens;
  private int lastSize = 16;

  BatchItemsReader(ObjectMapper mapper) {
    this.mapper = mapper;
    this.reader = mapper.readerFor(JsonNode.class);
    this.failOnTrailingTokens = reader.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Reads the items of a batch.
   *
   * @param body the message body
   * @return the items, in order; unmodifiable
   * @throws IOException when the body is not well-formed JSON, as {@link ObjectMapper#readTree(String)} throws it
   * @throws IllegalArgumentException with {@value #NOT_AN_ARRAY} when the body is JSON but not an array
   */
  List<JsonNode> read(String body) throws IOException {
    List<JsonNode> items = readArray(body);
    if (items == null) {
      return readWhole(body);
    }
    lastSize = Math.max(items.size(), 1);
    return Collections.unmodifiableList(items);
  }

  /** Reads the elements of a well-formed array; {@code null} for anything else, which is then read whole. */
  private @org.jspecify.annotations.Nullable List<JsonNode> readArray(String body) {
    try (JsonParser parser = reader.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<JsonNode> items = new ArrayList<>(lastSize);
      // Positioned on the first element (or the end), the iterator reads the elements of this array, each with
      // the one deserialization context of the batch, and stops at its end.
      if (parser.nextToken() != JsonToken.END_ARRAY) {
        MappingIterator<JsonNode> elements = reader.readValues(parser);
        while (elements.hasNextValue()) {
          items.add(elements.nextValue());
        }
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        return null;
      }
      if (failOnTrailingTokens && parser.nextToken() != null) {
        return null;
      }
      return items;
    } catch (IOException | RuntimeException e) {
      return null; // read whole, which fails the same way reading it whole always did
    }
  }

  private List<JsonNode> readWhole(String body) throws IOException {
    JsonNode node = mapper.readTree(body);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException(NOT_AN_ARRAY);
    }
    List<JsonNode> items = new ArrayList<>(node.size());
    node.forEach(items::add);
    return Collections.unmodifiableList(items);
  }
}
