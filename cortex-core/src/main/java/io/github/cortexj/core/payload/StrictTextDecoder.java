package io.github.cortexj.core.payload;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes into a string in a given charset and refuses bytes that are malformed in that charset or that
 * map to no character, reporting the byte offset of the first offending byte (the JDK's own
 * {@link java.nio.charset.CharacterCodingException}s say only how long the bad sequence is).
 *
 * <p>Stateless and thread safe: each call uses its own {@link CharsetDecoder}.
 */
final class StrictTextDecoder {

  private StrictTextDecoder() {}

  /** The bytes are not valid in the charset; the message says where and why. */
  static final class UndecodableBytesException extends Exception {
    private static final long serialVersionUID = 1L;

    UndecodableBytesException(String message) {
      super(message, null, false, false);
    }
  }

  static String decode(byte[] bytes, Charset charset) throws UndecodableBytesException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(Math.max(16, (int) (bytes.length * (double) decoder.averageCharsPerByte())));
    boolean flushing = false;
    while (true) {
      CoderResult result = flushing ? decoder.flush(out) : decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        if (flushing) {
          break;
        }
        flushing = true;
      } else if (result.isOverflow()) {
        out = grow(out);
      } else {
        String problem = result.isMalformed() ? "malformed input" : "unmappable input";
        int length = result.length();
        throw new UndecodableBytesException(
            problem + " of " + length + (length == 1 ? " byte" : " bytes") + " at byte offset " + in.position());
      }
    }
    out.flip();
    return out.toString();
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(Math.max(16, out.capacity() * 2));
    out.flip();
    bigger.put(out);
    return bigger;
  }
}
