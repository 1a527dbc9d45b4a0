package io.github.cortexj.examples.logging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree exactly as Python's {@code json.dumps(value)} does with its defaults, which is how Cortex's
 * log formatter serialises a log record: separators {@code ", "} and {@code ": "}, and {@code ensure_ascii}, so
 * every character outside ASCII is escaped as {@code \\uXXXX} (lowercase hex, surrogate pairs as two escapes).
 * Stateless and thread safe.
 */
final class PythonJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /** Returns {@code node} as one line of Python-style JSON. */
  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          string(field.getKey(), out);
          out.append(": ");
          write(field.getValue(), out);
          if (fields.hasNext()) {
            out.append(", ");
          }
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER -> out.append(number(node));
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      default -> out.append("null");
    }
  }

  private static String number(JsonNode node) {
    if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
      double value = node.doubleValue();
      if (Double.isNaN(value)) {
        return "NaN";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? "Infinity" : "-Infinity";
      }
    }
    return node.numberValue().toString();
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
