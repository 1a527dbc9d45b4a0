package io.github.cortexj.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ChunkedBytesTest {

  @Test
  void readsBackExactlyWhatWasWrittenWhateverTheWriteSizes() {
    // Up to about 840 kB: past the point where chunks stop growing.
    qt().withExamples(40)
        .forAll(lists().of(integers().between(0, 70_000)).ofSizeBetween(0, 12))
        .checkAssert(
            sizes -> {
              ChunkedBytes chunked = new ChunkedBytes();
              ByteArrayOutputStream expected = new ByteArrayOutputStream();
              int next = 0;
              for (int size : sizes) {
                byte[] piece = new byte[size + 2];
                for (int i = 0; i < piece.length; i++) {
                  piece[i] = (byte) (next++ * 7);
                }
                // One byte alone, then the rest but the last from an offset.
                chunked.write(piece[0]);
                expected.write(piece[0]);
                chunked.write(piece, 1, size);
                expected.write(piece, 1, size);
              }

              assertThat(chunked.size()).isEqualTo(expected.size());
              assertThat(readAll(chunked.inputStream(), 4_099)).isEqualTo(expected.toByteArray());
            });
  }

  @Test
  void readsBackSharedBytesInTheirPlaceAmongCopiedOnes() {
    // Each piece is written copied or shared (the flag), so shared chunks land between partly filled ones.
    qt().withExamples(60)
        .forAll(
            lists().of(integers().between(0, 40_000)).ofSizeBetween(0, 12),
            lists().of(integers().between(0, 2)).ofSizeBetween(12, 12))
        .checkAssert(
            (sizes, ways) -> {
              ChunkedBytes chunked = new ChunkedBytes();
              ByteArrayOutputStream expected = new ByteArrayOutputStream();
              int next = 0;
              for (int p = 0; p < sizes.size(); p++) {
                byte[] piece = new byte[sizes.get(p)];
                for (int i = 0; i < piece.length; i++) {
                  piece[i] = (byte) (next++ * 11);
                }
                switch (ways.get(p)) {
                  case 0 -> {
                    // Shared with unused bytes after them, as a segment's buffer may have.
                    byte[] buffer = java.util.Arrays.copyOf(piece, piece.length + 5);
                    chunked.writeShared(buffer, piece.length);
                  }
                  case 1 -> chunked.write(piece, 0, piece.length);
                  default -> {
                    for (byte b : piece) {
                      chunked.write(b);
                    }
                  }
                }
                expected.write(piece, 0, piece.length);
              }

              assertThat(chunked.size()).isEqualTo(expected.size());
              assertThat(readAll(chunked.inputStream(), 3_001)).isEqualTo(expected.toByteArray());
            });
  }

  @Test
  void keepsSharedBytesByReference() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] shared = {1, 2, 3};
    chunked.write(0);
    chunked.writeShared(shared, shared.length);
    chunked.write(4);

    shared[1] = 9; // never done by a real caller: shows that the array itself is read

    assertThat(chunked.inputStream().readAllBytes()).containsExactly(0, 1, 9, 3, 4);
  }

  @Test
  void resetReadsAgainAcrossSharedChunks() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] shared = new byte[5_000];
    java.util.Arrays.fill(shared, (byte) 7);
    chunked.write(new byte[] {1, 2}, 0, 2);
    chunked.writeShared(shared, shared.length);
    chunked.write(3);
    InputStream in = chunked.inputStream();
    in.readNBytes(1);

    in.mark(0);
    byte[] first = in.readAllBytes();
    in.reset();

    assertThat(in.readAllBytes()).isEqualTo(first).hasSize(5_002);
  }

  @Test
  void readsBackMegabytesWrittenInOneCall() throws IOException {
    byte[] written = new byte[1_500_001];
    for (int i = 0; i < written.length; i++) {
      written[i] = (byte) (i * 13);
    }
    ChunkedBytes chunked = new ChunkedBytes();
    chunked.write(written, 0, written.length);

    assertThat(chunked.size()).isEqualTo(written.length);
    assertThat(chunked.inputStream().readAllBytes()).isEqualTo(written);
  }

  @Test
  void readsOneByteAtATimeAcrossChunksThenEnds() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] written = new byte[20_000];
    for (int i = 0; i < written.length; i++) {
      written[i] = (byte) (i % 251);
    }
    chunked.write(written, 0, written.length);

    InputStream in = chunked.inputStream();
    for (byte b : written) {
      assertThat(in.read()).isEqualTo(b & 0xff);
    }
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
  }

  @Test
  void resetReadsAgainFromTheMarkedPosition() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();
    byte[] written = new byte[50_000];
    for (int i = 0; i < written.length; i++) {
      written[i] = (byte) i;
    }
    chunked.write(written, 0, written.length);
    InputStream in = chunked.inputStream();
    assertThat(in.readNBytes(10_000)).hasSize(10_000);

    in.mark(0);
    byte[] first = in.readNBytes(30_000);
    in.reset();
    byte[] again = in.readAllBytes();

    assertThat(in.markSupported()).isTrue();
    assertThat(first).isEqualTo(java.util.Arrays.copyOfRange(written, 10_000, 40_000));
    assertThat(again).isEqualTo(java.util.Arrays.copyOfRange(written, 10_000, 50_000));
  }

  @Test
  void anEmptyBufferReadsAsAnEmptyStream() throws IOException {
    ChunkedBytes chunked = new ChunkedBytes();

    assertThat(chunked.size()).isZero();
    assertThat(chunked.inputStream().read()).isEqualTo(-1);
  }

  private static byte[] readAll(InputStream in, int bufferSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[bufferSize];
    try {
      for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
