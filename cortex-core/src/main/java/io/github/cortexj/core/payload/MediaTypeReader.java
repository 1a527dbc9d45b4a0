package io.github.cortexj.core.payload;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one Content-Type header value by the RFC 9110 §8.3 grammar:
 *
 * <pre>
 * media-type = type "/" subtype parameters
 * parameters = *( OWS ";" OWS [ parameter ] )
 * parameter  = parameter-name "=" ( token / quoted-string )
 * </pre>
 *
 * <p>One instance reads one value; it is not thread safe and is not reused.
 */
final class MediaTypeReader {

  private final String value;
  private final int end;
  private int index;

  MediaTypeReader(String value) {
    this.value = value;
    int last = value.length();
    while (last > 0 && isWhitespace(value.charAt(last - 1))) {
      last--;
    }
    this.end = last;
  }

  MediaType read() {
    skipWhitespace();
    if (index == end) {
      throw new PayloadException(
          PayloadException.INVALID_CONTENT_TYPE, "invalid Content-Type header \"" + value + "\": the value is blank");
    }
    String type = token("a type");
    expect('/', "'/' after the type");
    String subtype = token("a subtype");
    Map<String, String> parameters = new LinkedHashMap<>();
    while (true) {
      skipWhitespace();
      if (index == end) {
        break;
      }
      expect(';', "';' or the end of the value");
      skipWhitespace();
      if (index == end || value.charAt(index) == ';') {
        continue; // an empty parameter, allowed by the grammar
      }
      int nameStart = index;
      String name = token("a parameter name").toLowerCase(Locale.ROOT);
      expect('=', "'=' after parameter name \"" + name + "\"");
      String parameterValue = index < end && value.charAt(index) == '"' ? quotedString() : token("a value");
      if (parameters.containsKey(name)) {
        index = nameStart;
        throw failure("duplicate parameter \"" + name + "\"");
      }
      parameters.put(name, parameterValue);
    }
    return new MediaType(type, subtype, parameters);
  }

  private String token(String what) {
    int start = index;
    while (index < end && MediaType.isTokenChar(value.charAt(index))) {
      index++;
    }
    if (index == start) {
      throw failure("expected " + what);
    }
    return value.substring(start, index);
  }

  private String quotedString() {
    int start = index;
    index++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (index < end) {
      char c = value.charAt(index);
      if (c == '"') {
        index++;
        return out.toString();
      }
      if (c == '\\') {
        index++;
        if (index == end) {
          break;
        }
        c = value.charAt(index);
        if (!MediaType.isQuotableChar(c)) {
          throw failure("expected an escaped character");
        }
      } else if (!MediaType.isQuotableChar(c)) {
        throw failure("unexpected character in a quoted string");
      }
      out.append(c);
      index++;
    }
    index = start;
    throw failure("unterminated quoted string");
  }

  private void expect(char expected, String what) {
    if (index == end || value.charAt(index) != expected) {
      throw failure("expected " + what);
    }
    index++;
  }

  private void skipWhitespace() {
    while (index < end && isWhitespace(value.charAt(index))) {
      index++;
    }
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  private PayloadException failure(String problem) {
    return new PayloadException(
        PayloadException.INVALID_CONTENT_TYPE,
        "invalid Content-Type header \"" + value + "\": " + problem + " at index " + index);
  }
}
