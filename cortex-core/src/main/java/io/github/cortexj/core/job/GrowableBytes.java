package io.github.cortexj.core.job;

import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer whose contents are taken once at the end. Not thread safe. */
final class GrowableBytes extends OutputStream {
  private byte[] buffer;
  private int size;

  GrowableBytes(int capacity) {
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

  @Override
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /**
   * Makes room for {@code more} bytes and returns the buffer to write them into from {@link #size()}; then
   * {@link #advance(int)} counts what was written.
   */
  byte[] reserve(int more) {
    ensure(more);
    return buffer;
  }

  void advance(int written) {
    size += written;
  }

  /** Drops what was written after the first {@code length} bytes. */
  void truncate(int length) {
    size = length;
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

  int capacity() {
    return buffer.length;
  }

  /** The buffer itself, written up to {@link #size()}, for a caller that takes it over once writing is done. */
  byte[] buffer() {
    return buffer;
  }

  byte[] toByteArray() {
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }
}
