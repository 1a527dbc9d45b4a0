package io.github.cortexj.core.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A media type as a Content-Type header carries it (RFC 9110 §8.3): a type, a subtype and ordered parameters, for
 * example {@code text/plain; charset=utf-8}.
 *
 * <p>Type, subtype and parameter names are case-insensitive and are stored in lower case, so
 * {@code Application/JSON} equals {@code application/json}. Parameter values are case-sensitive, except the value
 * of {@code charset}, which is stored in lower case as well. Parameters keep the order in which they were given.
 *
 * <p>{@link #parse(String)} reads a header value strictly by the RFC grammar (tokens, {@code ;}-separated
 * parameters with optional whitespace around the {@code ;}, token or quoted-string values with {@code \}
 * escapes) and {@link #format()} writes one back, so that {@code MediaType.parse(m.format())} equals {@code m}.
 *
 * <p>Instances are immutable and thread safe.
 *
 * @param type the top-level type, a token, in lower case, e.g. {@code application}
 * @param subtype the subtype, a token, in lower case, e.g. {@code json} or {@code vnd.api+json}
 * @param parameters the parameters in order, names in lower case; unmodifiable
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

  private static final String CHARSET = "charset";

  /**
   * Validates and normalises the fields: lower-cases type, subtype, parameter names and the charset value.
   *
   * @throws IllegalArgumentException if the type, subtype or a parameter name is not an RFC 9110 token, if two
   *     parameters have the same name (ignoring case), or if a value holds a character that a header cannot carry
   *     (a control character other than tab, or a character above U+00FF)
   */
  public MediaType {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subtype, "subtype");
    Objects.requireNonNull(parameters, "parameters");
    requireToken(type, "type");
    requireToken(subtype, "subtype");
    type = type.toLowerCase(Locale.ROOT);
    subtype = subtype.toLowerCase(Locale.ROOT);
    Map<String, String> normalised = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = Objects.requireNonNull(parameter.getKey(), "parameter name");
      String value = Objects.requireNonNull(parameter.getValue(), "value of parameter " + name);
      requireToken(name, "parameter name");
      requireHeaderSafe(name, value);
      name = name.toLowerCase(Locale.ROOT);
      if (name.equals(CHARSET)) {
        value = value.toLowerCase(Locale.ROOT);
      }
      if (normalised.put(name, value) != null) {
        throw new IllegalArgumentException("duplicate parameter \"" + name + "\"");
      }
    }
    parameters = Collections.unmodifiableMap(normalised);
  }

  /**
   * Parses a Content-Type header value.
   *
   * @param headerValue the header value, e.g. {@code text/plain;charset="UTF-8"}; surrounding spaces and tabs are
   *     ignored
   * @return the media type, never {@code null}
   * @throws PayloadException of kind {@value PayloadException#INVALID_CONTENT_TYPE} if the value is not a valid
   *     media type; the message quotes the value and gives the index of the first offending character
   */
  public static MediaType parse(String headerValue) {
    return new MediaTypeReader(Objects.requireNonNull(headerValue, "headerValue")).read();
  }

  /**
   * Creates a media type without parameters.
   *
   * @param type the top-level type, e.g. {@code text}
   * @param subtype the subtype, e.g. {@code plain}
   * @return the media type
   * @throws IllegalArgumentException if either is not an RFC 9110 token
   */
  public static MediaType of(String type, String subtype) {
    return new MediaType(type, subtype, Map.of());
  }

  /**
   * Returns a copy of this media type with one more parameter, or with the value of an existing parameter of the
   * same name (ignoring case) replaced in place.
   *
   * @param name the parameter name, a token
   * @param value the value
   * @return the new media type
   * @throws IllegalArgumentException if the name is not a token or the value cannot be carried in a header
   */
  public MediaType withParameter(String name, String value) {
    Objects.requireNonNull(name, "name");
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(name.toLowerCase(Locale.ROOT), value);
    return new MediaType(type, subtype, copy);
  }

  /**
   * Returns the value of a parameter.
   *
   * @param name the parameter name, in any case
   * @return the value, or empty if there is no such parameter
   */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns the value of the {@code charset} parameter, in lower case.
   *
   * @return the charset name as declared (not checked against the charsets the JVM knows), or empty if none
   */
  public Optional<String> charset() {
    return parameter(CHARSET);
  }

  /**
   * Returns {@code type/subtype} without parameters, e.g. {@code application/json}.
   *
   * @return the type and subtype
   */
  public String essence() {
    return type + "/" + subtype;
  }

  /**
   * Tells whether this is a JSON media type: {@code application/json} or a structured-syntax JSON type
   * {@code application/<name>+json} (RFC 6839), such as {@code application/vnd.api+json}.
   *
   * @return whether the body should be read as JSON
   */
  public boolean isJson() {
    return type.equals("application")
        && (subtype.equals("json") || (subtype.endsWith("+json") && subtype.length() > "+json".length()));
  }

  /**
   * Tells whether this is {@code text/plain}.
   *
   * @return whether the body should be read as text
   */
  public boolean isPlainText() {
    return type.equals("text") && subtype.equals("plain");
  }

  /**
   * Writes this media type as a header value: {@code type/subtype} followed by {@code ; name=value} for each
   * parameter, the value as a token when it is one and as a quoted string otherwise.
   *
   * @return the header value, e.g. {@code text/plain; charset=utf-8}
   */
  public String format() {
    StringBuilder out = new StringBuilder(essence());
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      out.append("; ").append(parameter.getKey()).append('=');
      String value = parameter.getValue();
      if (isToken(value)) {
        out.append(value);
      } else {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c == '"' || c == '\\') {
            out.append('\\');
          }
          out.append(c);
        }
        out.append('"');
      }
    }
    return out.toString();
  }

  /**
   * Returns {@link #format()}, so that a media type prints as the header value it stands for.
   *
   * @return the header value
   */
  @Override
  public String toString() {
    return format();
  }

  /** Tells whether a character is an RFC 9110 {@code tchar}. */
  static boolean isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /**
   * Tells whether a character may appear in a quoted string, escaped or not: HTAB, SP, VCHAR and obs-text
   * (U+0080 to U+00FF).
   */
  static boolean isQuotableChar(char c) {
    return c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
  }

  private static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isTokenChar(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static void requireToken(String value, String what) {
    if (!isToken(value)) {
      throw new IllegalArgumentException(what + " \"" + value + "\" is not an RFC 9110 token");
    }
  }

  private static void requireHeaderSafe(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isQuotableChar(value.charAt(i))) {
        throw new IllegalArgumentException(
            "value of parameter \"" + name + "\" has a character that a header cannot carry at index " + i);
      }
    }
  }
}
