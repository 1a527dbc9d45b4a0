package io.github.cortexj.batch.internal;

import io.github.cortexj.core.job.SharedBytesOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bytes written once and then read as a stream, held in chunks: a large object (a job's payload holds every item)
 * is written without copying what was written so far each time the buffer grows, without one contiguous array the
 * size of the whole, and handed to the store without another copy in between. Chunks stay below the size the
 * garbage collector allocates apart ("humongous" objects in G1). Bytes that never change
 * ({@link SharedBytesOutput#writeShared(byte[], int)}: the items of an {@code item_list}) are kept by reference, so
 * that they are copied once in all, into the store.
 *
 * <p>Not thread safe; each stream from {@link #inputStream()} is read by one thread.
 */
final class ChunkedBytes extends OutputStream implements SharedBytesOutput {

  private static final int FIRST_CHUNK = 8 * 1024;
  private static final int LARGEST_CHUNK = 256 * 1024;
  /** The first chunk after shared bytes, which are mostly followed by a separator or a few closing bytes. */
  private static final int CHUNK_AFTER_SHARED = 256;
  private static final byte[] NONE = new byte[0];

  /** The chunks before the current one, each with the number of its bytes that were written. */
  private final List<byte[]> chunks = new ArrayList<>();

  private int[] lengths = new int[16];
  private byte[] current = NONE;
  private int position;
  private int nextChunk = FIRST_CHUNK;
  private long size;

  ChunkedBytes() {}

  @Override
  public void write(int b) {
    if (position == current.length) {
      next();
    }
    current[position++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    int from = offset;
    int left = length;
    while (left > 0) {
      if (position == current.length) {
        next();
      }
      int n = Math.min(left, current.length - position);
      System.arraycopy(bytes, from, current, position, n);
      position += n;
      from += n;
      left -= n;
    }
    size += length;
  }

  /**
   * Appends bytes that never change by reference: the chunk being written ends here, and the bytes follow it as a
   * chunk of their own.
   */
  @Override
  public void writeShared(byte[] bytes, int length) {
    Objects.checkFromIndexSize(0, length, bytes.length);
    if (length == 0) {
      return;
    }
    seal();
    add(bytes, length);
    size += length;
    nextChunk = CHUNK_AFTER_SHARED;
  }

  /** Ends the current chunk (kept when anything was written to it) and starts the next, larger one. */
  private void next() {
    seal();
    current = new byte[nextChunk];
    nextChunk = Math.min(LARGEST_CHUNK, nextChunk * 2);
  }

  private void seal() {
    if (position > 0) {
      add(current, position);
    }
    current = NONE;
    position = 0;
  }

  private void add(byte[] chunk, int length) {
    if (chunks.size() == lengths.length) {
      lengths = Arrays.copyOf(lengths, lengths.length * 2);
    }
    lengths[chunks.size()] = length;
    chunks.add(chunk);
  }

  /**
   * Returns how many bytes were written.
   *
   * @return the size
   */
  long size() {
    return size;
  }

  /**
   * Returns a stream of the bytes written so far. It supports {@link InputStream#mark(int) mark} and
   * {@link InputStream#reset() reset} back to any point, as a {@code ByteArrayInputStream} does, so that a client
   * that retries an upload can read it again.
   *
   * @return a new stream
   */
  InputStream inputStream() {
    List<byte[]> all = new ArrayList<>(chunks);
    int[] allLengths = Arrays.copyOf(lengths, chunks.size() + 1);
    if (position > 0) {
      allLengths[all.size()] = position;
      all.add(current);
    }
    return new Reader(all, allLengths, size);
  }

  /** Reads the chunks in order, up to the size written. */
  private static final class Reader extends InputStream {
    private final List<byte[]> chunks;
    private final int[] lengths;
    private final long size;
    private long read;
    private int chunk;
    private int offset;
    private long markRead;
    private int markChunk;
    private int markOffset;

    Reader(List<byte[]> chunks, int[] lengths, long size) {
      this.chunks = chunks;
      this.lengths = lengths;
      this.size = size;
    }

    @Override
    public int read() {
      if (read == size) {
        return -1;
      }
      if (offset == lengths[chunk]) {
        chunk++;
        offset = 0;
      }
      read++;
      return chunks.get(chunk)[offset++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int from, int length) {
      Objects.checkFromIndexSize(from, length, bytes.length);
      if (length == 0) {
        return 0;
      }
      if (read == size) {
        return -1;
      }
      int wanted = (int) Math.min(length, size - read);
      int copied = 0;
      while (copied < wanted) {
        byte[] source = chunks.get(chunk);
        int end = lengths[chunk];
        if (offset == end) {
          chunk++;
          offset = 0;
          continue;
        }
        int n = Math.min(wanted - copied, end - offset);
        System.arraycopy(source, offset, bytes, from + copied, n);
        offset += n;
        copied += n;
      }
      read += copied;
      return copied;
    }

    @Override
    public int available() {
      return (int) Math.min(Integer.MAX_VALUE, size - read);
    }

    @Override
    public boolean markSupported() {
      return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
      markRead = read;
      markChunk = chunk;
      markOffset = offset;
    }

    @Override
    public synchronized void reset() {
      read = markRead;
      chunk = markChunk;
      offset = markOffset;
    }
  }
}
