package io.github.cortexj.core.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The items of an {@link ItemList}, kept as their compact JSON rather than as {@link JsonNode} trees: a million
 * small items take about 18 MB instead of about 200 MB, each item is serialised once, and a batch's message body
 * is a copy of a run of bytes. The bytes are held in segments of {@value #SEGMENT_ITEMS} items (items separated by
 * commas, so that a run of items is already the inside of a JSON array): segments stay small enough for the
 * garbage collector to move cheaply, and large lists are encoded one segment per task on the common
 * {@link ForkJoinPool}, as {@link java.util.Arrays#parallelSort(int[])} sorts. {@link #get(int)} decodes a fresh
 * node on each call, so the list is immutable although nodes are not.
 *
 * <p>Immutable and thread safe.
 */
@JsonSerialize(using = CompactItems.Writer.class)
final class CompactItems extends AbstractList<JsonNode> implements RandomAccess {

  /** Items per segment; lists of more than two segments are encoded in parallel. */
  static final int SEGMENT_ITEMS = 16_384;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final CompactItems EMPTY = new CompactItems(new Segment[0], 0, SEGMENT_ITEMS);

  private final Segment[] segments;
  private final int size;
  private final int segmentItems;

  private CompactItems(Segment[] segments, int size, int segmentItems) {
    this.segments = segments;
    this.size = size;
    this.segmentItems = segmentItems;
  }

  static CompactItems empty() {
    return EMPTY;
  }

  /**
   * Serialises each value once into compact JSON.
   *
   * @param values JSON nodes or any value a plain {@link ObjectMapper} can write; a {@code null} is JSON null
   * @return the items
   * @throws IllegalArgumentException naming the index of the first value that cannot be written as JSON
   */
  static CompactItems encode(List<?> values) {
    return encode(values, SEGMENT_ITEMS);
  }

  /** Encodes with segments of {@code segmentItems} items (tests use small ones to cross many boundaries). */
  static CompactItems encode(List<?> values, int segmentItems) {
    if (values instanceof CompactItems compact) {
      return compact;
    }
    if (values.isEmpty()) {
      return EMPTY;
    }
    List<?> source = values instanceof RandomAccess ? values : new ArrayList<>(values);
    int count = (source.size() + segmentItems - 1) / segmentItems;
    Segment[] segments = new Segment[count];
    SizeEstimate estimate = new SizeEstimate();
    if (count <= 2) {
      for (int i = 0; i < count; i++) {
        segments[i] = segment(source, i, segmentItems, estimate);
      }
    } else {
      try {
        IntStream.range(0, count).parallel().forEach(i -> segments[i] = segment(source, i, segmentItems, estimate));
      } catch (ItemException e) {
        // Parallel tasks fail in any order: report the first item that fails, as a sequential encoding would.
        for (int i = 0; i < count; i++) {
          segment(source, i, segmentItems, estimate);
        }
        throw e;
      }
    }
    return new CompactItems(segments, source.size(), segmentItems);
  }

  private static Segment segment(List<?> values, int segment, int segmentItems, SizeEstimate estimate) {
    int from = segment * segmentItems;
    int to = Math.min(values.size(), from + segmentItems);
    Segment encoded = Segment.encode(values, from, to, estimate.bytesFor(to - from));
    estimate.add(to - from, encoded.length());
    return encoded;
  }

  /**
   * The bytes per item of the segments encoded so far, to size the buffer of the next one: a buffer that fits
   * is neither grown (copied) while it is written nor trimmed (copied again) afterwards. Thread safe.
   */
  private static final class SizeEstimate {
    private static final int FIRST_GUESS = 16;
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** A little more than the average so far (items vary), or a guess for the first segments. */
    int bytesFor(int count) {
      long seen = items.get();
      long average = seen == 0 ? 0 : bytes.get() * count / seen; // read apart: an estimate either way
      long estimate = seen == 0 ? (long) count * FIRST_GUESS : average + average / 16;
      return (int) Math.min(Integer.MAX_VALUE - 16, estimate + 64);
    }

    void add(int count, int length) {
      bytes.addAndGet(length);
      items.addAndGet(count);
    }
  }

  private Segment segment(int index) {
    return segments[index / segmentItems];
  }

  /** Returns how many bytes the segments' buffers hold beyond their items (for tests). */
  long unusedBytes() {
    long unused = 0;
    for (Segment segment : segments) {
      unused += segment.json.length - segment.length;
    }
    return unused;
  }

  /** Returns the size in bytes of one item's compact UTF-8 JSON. */
  int jsonSize(int index) {
    Objects.checkIndex(index, size);
    return segment(index).size(index % segmentItems);
  }

  /** Returns the index of the first item larger than {@code bytes}, or -1. */
  int firstLargerThan(int bytes) {
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].largest() > bytes) {
        Segment segment = segments[i];
        for (int item = 0; item < segment.count(); item++) {
          if (segment.size(item) > bytes) {
            return i * segmentItems + item;
          }
        }
      }
    }
    return -1;
  }

  /** Returns the UTF-8 size of the compact JSON array of the items {@code [from, to)}. */
  int jsonArraySize(int from, int to) {
    checkRange(from, to);
    if (from == to) {
      return 2;
    }
    int bytes = 1; // the opening bracket; each run brings its separator or the closing bracket
    for (int at = from; at < to; ) {
      int segmentEnd = Math.min(to, (at / segmentItems + 1) * segmentItems);
      bytes += segment(at).runBytes(at % segmentItems, segmentEnd - at) + 1;
      at = segmentEnd;
    }
    return bytes;
  }

  private void checkRange(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IndexOutOfBoundsException("items [" + from + ", " + to + ") of " + size);
    }
  }

  /** Returns the items {@code [from, to)} as one compact JSON array. */
  String jsonArray(int from, int to) {
    byte[] array = new byte[jsonArraySize(from, to)];
    array[0] = '[';
    int written = 1;
    for (int at = from; at < to; ) {
      int segmentEnd = Math.min(to, (at / segmentItems + 1) * segmentItems);
      written += segment(at).copyRun(at % segmentItems, segmentEnd - at, array, written);
      array[written++] = (byte) (segmentEnd == to ? ']' : ',');
      at = segmentEnd;
    }
    if (from == to) {
      array[1] = ']';
    }
    return new String(array, StandardCharsets.UTF_8);
  }

  @Override
  public JsonNode get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("item " + index + " of " + size);
    }
    Segment segment = segment(index);
    int item = index % segmentItems;
    try {
      return MAPPER.readTree(segment.json, segment.start(item), segment.size(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the bytes were written by Jackson
    }
  }

  @Override
  public int size() {
    return size;
  }

  /** Writes the items as a JSON array from their stored bytes, without decoding them. */
  static final class Writer extends StdSerializer<CompactItems> {
    private static final long serialVersionUID = 1L;
    private static final SerializableString NOTHING = new SerializedString("");

    Writer() {
      super(CompactItems.class);
    }

    @Override
    public void serialize(CompactItems items, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeStartArray(items, items.size());
      // A segment's items separated by commas, written as one raw value, come out the same as the items one by
      // one: the generator puts a comma between raw values. A byte generator copies the bytes as they are.
      Object target = generator.getOutputTarget();
      if (target instanceof OutputStream && target instanceof SharedBytesOutput shared) {
        // The generator writes straight into this output: it writes the separator (an empty raw value), is
        // flushed, and the output keeps the segment itself, which never changes.
        for (Segment segment : items.segments) {
          generator.writeRawValue(NOTHING);
          generator.flush();
          shared.writeShared(segment.json, segment.length);
        }
      } else {
        for (Segment segment : items.segments) {
          generator.writeRawValue(new RawJson(segment.json, segment.length));
        }
      }
      generator.writeEndArray();
    }
  }

  /**
   * JSON text that is already UTF-8, for a raw write: a byte generator copies it, a character generator decodes
   * it.
   */
  private static final class RawJson implements SerializableString {
    private final byte[] utf8;
    private final int length;
    private @Nullable SerializedString text;

    /** The text is the first {@code length} bytes of {@code utf8}. */
    RawJson(byte[] utf8, int length) {
      this.utf8 = utf8;
      this.length = length;
    }

    private SerializedString text() {
      SerializedString decoded = text;
      if (decoded == null) {
        decoded = new SerializedString(new String(utf8, 0, length, StandardCharsets.UTF_8));
        text = decoded;
      }
      return decoded;
    }

    @Override
    public String getValue() {
      return text().getValue();
    }

    @Override
    public int charLength() {
      return text().charLength();
    }

    @Override
    public char[] asQuotedChars() {
      return text().asQuotedChars();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return length == utf8.length ? utf8 : Arrays.copyOf(utf8, length); // only read by the generator
    }

    @Override
    public byte[] asQuotedUTF8() {
      return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return text().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      return text().appendQuoted(buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + length > buffer.length) {
        return -1;
      }
      System.arraycopy(utf8, 0, buffer, offset, length);
      return length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      return text().appendUnquoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      return text().writeQuotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(utf8, 0, length);
      return length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
      return text().putQuotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < length) {
        return -1;
      }
      buffer.put(utf8, 0, length);
      return length;
    }
  }

  /** Why an item could not be written, with its index in the whole list. */
  private static final class ItemException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ItemException(int index, Exception cause) {
      super("item " + index + " cannot be written as JSON: " + cause.getMessage(), cause);
    }
  }

  /**
   * The compact JSON of a run of consecutive items, separated by single commas.
   *
   * @param json the items' bytes, then unused bytes (at most an eighth of the array)
   * @param length how many bytes of {@code json} the items take
   * @param ends the exclusive end offset of each item in {@code json}
   * @param largest the size of the largest item
   */
  private record Segment(byte[] json, int length, int[] ends, int largest) {

    /** Encodes the values {@code [from, to)} into a buffer of {@code capacity} bytes to start with. */
    static Segment encode(List<?> values, int from, int to, int capacity) {
      GrowableBytes out = new GrowableBytes(capacity);
      int[] ends = new int[to - from];
      try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
        generator.setRootValueSeparator(null);
        // One generator and one provider for the segment: per-item writeValue calls would build both each time.
        SerializerProvider provider = MAPPER.getSerializerProviderInstance();
        Class<?> lastType = null;
        JsonSerializer<Object> lastSerializer = null;
        // The generator is flushed after each item it writes, so that items written without it land in order.
        for (int index = from; index < to; index++) {
          Object value = values.get(index);
          if (index > from) {
            out.write(',');
          }
          try {
            if (value instanceof JsonNode node && CompactJsonWriter.write(node, out)) {
              ends[index - from] = out.size();
              continue;
            }
            if (value instanceof JsonNode node) {
              node.serialize(generator, provider);
            } else if (value == null) {
              generator.writeNull();
            } else {
              if (value.getClass() != lastType) {
                lastType = value.getClass();
                lastSerializer = provider.findTypedValueSerializer(lastType, true, null);
              }
              Objects.requireNonNull(lastSerializer).serialize(value, generator, provider);
            }
          } catch (IOException | RuntimeException e) {
            throw new ItemException(index, e);
          }
          generator.flush();
          ends[index - from] = out.size();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int largest = 0;
      for (int item = 0; item < ends.length; item++) {
        largest = Math.max(largest, ends[item] - (item == 0 ? 0 : ends[item - 1] + 1));
      }
      // The buffer itself when it is nearly full (the estimate fit), rather than a copy of its contents.
      byte[] json = out.size() >= out.capacity() - out.capacity() / 8 ? out.buffer() : out.toByteArray();
      return new Segment(json, out.size(), ends, largest);
    }

    int count() {
      return ends.length;
    }

    int start(int item) {
      return item == 0 ? 0 : ends[item - 1] + 1;
    }

    int size(int item) {
      return ends[item] - start(item);
    }

    /** The bytes of {@code count} items from {@code item}, with the commas between them. */
    int runBytes(int item, int count) {
      return ends[item + count - 1] - start(item);
    }

    int copyRun(int item, int count, byte[] target, int offset) {
      int length = runBytes(item, count);
      System.arraycopy(json, start(item), target, offset, length);
      return length;
    }
  }
}
