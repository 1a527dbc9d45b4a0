package io.github.cortexj.core.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The items of an {@link ItemList}, kept as their compact JSON in one byte array (items separated by commas, so
 * that a run of items is already the inside of a JSON array) rather than as {@link JsonNode} trees: a million
 * small items take about 18 MB instead of about 200 MB, each item is serialised once, and a batch's message body
 * is a slice. {@link #get(int)} decodes a fresh node on each call, so the list is immutable although nodes are not.
 *
 * <p>Immutable and thread safe.
 */
@JsonSerialize(using = CompactItems.Writer.class)
final class CompactItems extends AbstractList<JsonNode> implements RandomAccess {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CompactItems EMPTY = new CompactItems(new byte[0], new int[0]);

  /** The items' compact UTF-8 JSON, separated by single commas. */
  private final byte[] json;

  /** The exclusive end offset of each item in {@link #json}. */
  private final int[] ends;

  private CompactItems(byte[] json, int[] ends) {
    this.json = json;
    this.ends = ends;
  }

  static CompactItems empty() {
    return EMPTY;
  }

  /**
   * Serialises each value once into compact JSON.
   *
   * @param values JSON nodes or any value a plain {@link ObjectMapper} can write; a {@code null} is JSON null
   * @return the items
   * @throws IllegalArgumentException naming the index of a value that cannot be written as JSON
   */
  static CompactItems encode(List<?> values) {
    if (values instanceof CompactItems compact) {
      return compact;
    }
    if (values.isEmpty()) {
      return EMPTY;
    }
    Bytes out = new Bytes(Math.max(64, values.size() * 16));
    int[] ends = new int[values.size()];
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      generator.setRootValueSeparator(null);
      // One generator and one provider for all items: per-item writeValue calls would build both each time.
      SerializerProvider provider = MAPPER.getSerializerProviderInstance();
      int index = 0;
      for (Object value : values) {
        if (index > 0) {
          generator.writeRaw(',');
        }
        try {
          provider.defaultSerializeValue(value, generator);
        } catch (IOException | RuntimeException e) {
          throw new IllegalArgumentException("item " + index + " cannot be written as JSON: " + e.getMessage(), e);
        }
        ends[index++] = out.size() + generator.getOutputBuffered();
      }
      generator.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CompactItems(out.toByteArray(), ends);
  }

  private int start(int index) {
    return index == 0 ? 0 : ends[index - 1] + 1;
  }

  /** Returns the size in bytes of one item's compact UTF-8 JSON. */
  int jsonSize(int index) {
    return ends[index] - start(index);
  }

  /** Returns the items {@code [from, to)} as one compact JSON array. */
  String jsonArray(int from, int to) {
    if (from < 0 || to > ends.length || from > to) {
      throw new IndexOutOfBoundsException("items [" + from + ", " + to + ") of " + ends.length);
    }
    if (from == to) {
      return "[]";
    }
    int start = start(from);
    byte[] array = new byte[ends[to - 1] - start + 2];
    array[0] = '[';
    System.arraycopy(json, start, array, 1, array.length - 2);
    array[array.length - 1] = ']';
    return new String(array, StandardCharsets.UTF_8);
  }

  @Override
  public JsonNode get(int index) {
    if (index < 0 || index >= ends.length) {
      throw new IndexOutOfBoundsException("item " + index + " of " + ends.length);
    }
    try {
      return MAPPER.readTree(json, start(index), jsonSize(index));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the bytes were written by Jackson
    }
  }

  @Override
  public int size() {
    return ends.length;
  }

  /** Writes the items as a JSON array from their stored bytes, without decoding them. */
  static final class Writer extends StdSerializer<CompactItems> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(CompactItems.class);
    }

    /** About how many bytes of items each raw write carries. */
    private static final int CHUNK_BYTES = 64 * 1024;

    @Override
    public void serialize(CompactItems items, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeStartArray(items, items.size());
      // A run of items separated by commas, written as one raw value, comes out the same as the items one by
      // one: the generator puts a comma between raw values. Runs keep the per-item cost to a copy.
      int from = 0;
      while (from < items.size()) {
        int to = from + 1;
        int start = items.start(from);
        while (to < items.size() && items.ends[to] - start < CHUNK_BYTES) {
          to++;
        }
        generator.writeRawValue(new String(items.json, start, items.ends[to - 1] - start, StandardCharsets.UTF_8));
        from = to;
      }
      generator.writeEndArray();
    }
  }

  /** A growable byte buffer whose contents are taken once at the end. Not thread safe. */
  private static final class Bytes extends OutputStream {
    private byte[] buffer;
    private int size;

    Bytes(int capacity) {
      buffer = new byte[capacity];
    }

    @Override
    public void write(int b) {
      ensure(1);
      buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      ensure(length);
      System.arraycopy(bytes, offset, buffer, size, length);
      size += length;
    }

    private void ensure(int more) {
      if (size + more > buffer.length) {
        long wanted = Math.max((long) buffer.length * 2, (long) size + more);
        if (wanted > Integer.MAX_VALUE - 16) {
          throw new IllegalArgumentException("the items take more than 2 GiB as JSON");
        }
        buffer = Arrays.copyOf(buffer, (int) wanted);
      }
    }

    int size() {
      return size;
    }

    byte[] toByteArray() {
      return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }
  }
}
