package io.github.cortexj.core.job;

import java.io.IOException;

/**
 * An output that can keep bytes which never change by reference instead of copying them. When a
 * {@link JobSubmission} is written as JSON to an output stream that implements this interface, the compact JSON
 * of its {@link ItemList} items (kept since the list was made, and never changed) is handed over by reference:
 * a job's stored payload holds every item, and copying megabytes of items into the output only for them to be
 * copied again into the store costs a full pass over them while the submitter waits.
 *
 * <p>The written output is the same, byte for byte, as when the same bytes are written with
 * {@link java.io.OutputStream#write(byte[], int, int)}.
 *
 * <p>Implementations state their own thread safety; a writer calls them from one thread.
 */
public interface SharedBytesOutput {

  /**
   * Appends the first {@code length} bytes of {@code bytes}, which the caller never changes afterwards, keeping a
   * reference to them rather than a copy. The implementation must not change them either.
   *
   * @param bytes the array holding the bytes
   * @param length how many bytes, from the start of {@code bytes}, to append
   * @throws IOException when the output cannot take them
   * @throws IndexOutOfBoundsException when {@code length} is negative or larger than the array
   */
  void writeShared(byte[] bytes, int length) throws IOException;
}
