package io.github.cortexj.batch.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes written once and then read as a stream, held in chunks: a large object (a job's payload holds every item)
 * is written without copying what was written so far each time the buffer grows, without one contiguous array the
 * size of the whole, and handed to the store without another copy in between. Chunks stay below the size the
 * garbage collector allocates apart ("humongous" objects in G1).
 *
 * <p>Not thread safe; each stream from {@link #inputStream()} is read by one thread.
 */
final class ChunkedBytes extends OutputStream {

  private static final int FIRST_CHUNK = 8 * 1024;
  private static final int LARGEST_CHUNK = 256 * 1024;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] current = new byte[FIRST_CHUNK];
  private int position;
  private long size;

  ChunkedBytes() {
    chunks.add(current);
  }

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
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
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

  private void next() {
    current = new byte[Math.min(LARGEST_CHUNK, current.length * 2)];
    chunks.add(current);
    position = 0;
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
    return new Reader(List.copyOf(chunks), size);
  }

  /** Reads the chunks in order, up to the size written. */
  private static final class Reader extends InputStream {
    private final List<byte[]> chunks;
    private final long size;
    private long read;
    private int chunk;
    private int offset;
    private long markRead;
    private int markChunk;
    private int markOffset;

    Reader(List<byte[]> chunks, long size) {
      this.chunks = chunks;
      this.size = size;
    }

    @Override
    public int read() {
      if (read == size) {
        return -1;
      }
      if (offset == chunks.get(chunk).length) {
        chunk++;
        offset = 0;
      }
      read++;
      return chunks.get(chunk)[offset++] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int from, int length) {
      java.util.Objects.checkFromIndexSize(from, length, bytes.length);
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
        if (offset == source.length) {
          chunk++;
          offset = 0;
          continue;
        }
        int n = Math.min(wanted - copied, source.length - offset);
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
