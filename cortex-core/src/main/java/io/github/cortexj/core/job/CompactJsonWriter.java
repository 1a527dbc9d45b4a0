package io.github.cortexj.core.job;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes JSON trees made of the most common node types (objects, arrays, text without surrogate characters, int
 * and long numbers, booleans, null) straight into bytes, exactly as Jackson's default UTF-8 generator writes them,
 * without the generator's per-value bookkeeping: encoding a large item list is most of what submitting it costs.
 * A tree with any other node (decimals, big numbers, binary, POJOs, text with surrogates) or nested deeper than
 * {@value #MAX_DEPTH} levels is left to Jackson: {@link #write} writes nothing and returns {@code false}.
 *
 * <p>Stateless and thread safe.
 */
final class CompactJsonWriter {

  /** Deeper trees go to Jackson, which applies its own nesting limit. */
  static final int MAX_DEPTH = 64;

  /** The longest int as text: a sign and 10 digits. */
  private static final int MAX_INT_BYTES = 11;

  /** The longest long as text: a sign and 19 digits. */
  private static final int MAX_LONG_BYTES = 20;

  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** Jackson's escapes for the ASCII range: 0 writes the byte, -1 the {@code \\u00XX} form, else that letter. */
  private static final int[] ESCAPES = new int[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private CompactJsonWriter() {}

  /**
   * Writes {@code node} as compact JSON, or nothing.
   *
   * @return {@code false}, with nothing written, when the tree holds something only Jackson writes
   */
  static boolean write(JsonNode node, GrowableBytes out) {
    int start = out.size();
    if (writeNode(node, out, 0)) {
      return true;
    }
    out.truncate(start);
    return false;
  }

  /** Writes a node; {@code false} at the first node it leaves to Jackson (the caller drops what was written). */
  private static boolean writeNode(JsonNode node, GrowableBytes out, int depth) {
    if (node instanceof TextNode) {
      return writeText(node.textValue(), out);
    }
    // Numbers with the generator's own digit writer, so that they come out exactly as Jackson writes them.
    if (node instanceof IntNode) {
      byte[] buffer = out.reserve(MAX_INT_BYTES);
      out.advance(NumberOutput.outputInt(node.intValue(), buffer, out.size()) - out.size());
      return true;
    }
    if (node instanceof LongNode) {
      byte[] buffer = out.reserve(MAX_LONG_BYTES);
      out.advance(NumberOutput.outputLong(node.longValue(), buffer, out.size()) - out.size());
      return true;
    }
    if (node instanceof BooleanNode) {
      out.write(node.booleanValue() ? TRUE : FALSE);
      return true;
    }
    if (node instanceof NullNode) {
      out.write(NULL);
      return true;
    }
    if (depth >= MAX_DEPTH) {
      return false;
    }
    if (node instanceof ObjectNode object) {
      out.write('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        if (!writeText(field.getKey(), out)) {
          return false;
        }
        out.write(':');
        if (!writeNode(field.getValue(), out, depth + 1)) {
          return false;
        }
      }
      out.write('}');
      return true;
    }
    if (node instanceof ArrayNode array) {
      out.write('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        if (!writeNode(array.get(i), out, depth + 1)) {
          return false;
        }
      }
      out.write(']');
      return true;
    }
    return false;
  }

  /** Writes a quoted string with Jackson's escapes; {@code false} at a surrogate character (left to Jackson). */
  private static boolean writeText(String text, GrowableBytes out) {
    int length = text.length();
    byte[] buffer = out.reserve(length * 6 + 2); // \\u00XX is the longest form of one character
    int at = out.size();
    buffer[at++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        int escape = ESCAPES[c];
        if (escape == 0) {
          buffer[at++] = (byte) c;
        } else if (escape > 0) {
          buffer[at++] = '\\';
          buffer[at++] = (byte) escape;
        } else {
          buffer[at++] = '\\';
          buffer[at++] = 'u';
          buffer[at++] = '0';
          buffer[at++] = '0';
          buffer[at++] = HEX[c >> 4];
          buffer[at++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        buffer[at++] = (byte) (0xC0 | (c >> 6));
        buffer[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        return false;
      } else {
        buffer[at++] = (byte) (0xE0 | (c >> 12));
        buffer[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buffer[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    buffer[at++] = '"';
    out.advance(at - out.size());
    return true;
  }
}
