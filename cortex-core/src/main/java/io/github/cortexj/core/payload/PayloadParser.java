package io.github.cortexj.core.payload;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns the body of an async request and its Content-Type into a {@link Payload}, the way Cortex's async worker
 * decodes a payload before it calls the handler.
 *
 * <ul>
 *   <li><b>JSON</b> for {@code application/json} and {@code application/<name>+json}. The body must hold exactly
 *       one JSON value of any kind (object, array, string, number, boolean or null); content after it is an error.
 *       Without a {@code charset} parameter the encoding is detected as RFC 8259 and Python's {@code json.loads}
 *       do (UTF-8, UTF-16 or UTF-32, with or without a byte order mark); with one, the body is decoded strictly in
 *       that charset. Whether {@code NaN} and other extensions are accepted is up to the {@link ObjectMapper}
 *       given (Cortex's {@code json.loads} accepts {@code NaN} and {@code Infinity}; a default mapper does not).
 *   <li><b>Text</b> for {@code text/plain}, decoded strictly in its {@code charset} parameter (UTF-8 when
 *       absent): malformed or unmappable bytes are an error, never replaced.
 *   <li><b>Bytes</b> for every other media type; the body array is handed over as is, not copied.
 * </ul>
 *
 * <p>Differences from Cortex v0.35, on purpose: media types are compared case-insensitively as RFC 9110 says
 * (Cortex tests a case-sensitive prefix, so {@code Application/JSON} arrives as bytes there and
 * {@code application/jsonx} as JSON); and {@code text/plain} honours {@code charset=}, as Cortex's documentation
 * promises, where Cortex's worker always decodes UTF-8. A missing or blank Content-Type is an error rather than
 * bytes. Bodies are never deserialised with Java serialisation.
 *
 * <p>Thread safe, provided the {@link ObjectMapper} is not reconfigured while in use; one instance can serve every
 * request.
 */
public final class PayloadParser {

  private final ObjectMapper mapper;

  /**
   * Creates a parser that reads JSON with the given mapper, so that its read features and stream constraints
   * (maximum nesting depth, string and number lengths) apply.
   *
   * @param mapper the mapper that builds the {@link JsonNode} trees
   */
  public PayloadParser(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** Creates a parser that reads strict JSON with a default {@link ObjectMapper}. */
  public PayloadParser() {
    this(new ObjectMapper());
  }

  /**
   * Decodes a body by its Content-Type.
   *
   * @param body the request body, possibly empty
   * @param contentType the Content-Type header value, verbatim; {@code null} when the request had none
   * @return the payload, carrying {@code contentType} verbatim
   * @throws PayloadException of kind {@value PayloadException#INVALID_CONTENT_TYPE} if the Content-Type is
   *     missing, blank or malformed, or of kind {@value PayloadException#PAYLOAD_DECODE_FAILED} if the body does
   *     not decode as the Content-Type says (invalid JSON, bytes invalid in the charset, an unknown charset)
   */
  public Payload parse(byte[] body, @Nullable String contentType) {
    Objects.requireNonNull(body, "body");
    if (contentType == null || contentType.isBlank()) {
      throw new PayloadException(
          PayloadException.INVALID_CONTENT_TYPE,
          "the uploaded payload has no Content-Type header (it is missing or blank)");
    }
    MediaType mediaType = MediaType.parse(contentType);
    if (mediaType.isJson()) {
      return new Payload.Json(readJson(body, mediaType, contentType), contentType);
    }
    if (mediaType.isPlainText()) {
      Charset charset = charsetOf(mediaType, contentType);
      return new Payload.Text(decodeText(body, charset, contentType), contentType);
    }
    return new Payload.Bytes(body, contentType);
  }

  private JsonNode readJson(byte[] body, MediaType mediaType, String contentType) {
    try {
      if (mediaType.charset().isEmpty()) {
        try (JsonParser parser = mapper.createParser(body)) {
          return readSingleValue(parser, contentType);
        }
      }
      String text = decodeText(body, charsetOf(mediaType, contentType), contentType);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1); // RFC 8259 §8.1 lets a parser ignore a byte order mark
      }
      try (JsonParser parser = mapper.createParser(text)) {
        return readSingleValue(parser, contentType);
      }
    } catch (JsonProcessingException e) {
      throw jsonFailure(contentType, describe(e), e);
    } catch (IOException e) {
      // Reading from memory does not fail; keep the contract anyway.
      throw jsonFailure(contentType, String.valueOf(e.getMessage()), e);
    }
  }

  private JsonNode readSingleValue(JsonParser parser, String contentType) throws IOException {
    JsonNode value = mapper.readTree(parser);
    if (value == null || value.isMissingNode()) {
      throw jsonFailure(contentType, "the body holds no JSON value", null);
    }
    if (parser.nextToken() != null) {
      throw jsonFailure(
          contentType, "unexpected content after the JSON value" + where(parser.currentTokenLocation()), null);
    }
    return value;
  }

  private static String decodeText(byte[] body, Charset charset, String contentType) {
    try {
      return StrictTextDecoder.decode(body, charset);
    } catch (StrictTextDecoder.UndecodableBytesException e) {
      throw new PayloadException(
          PayloadException.PAYLOAD_DECODE_FAILED,
          "the uploaded payload, with content-type "
              + contentType
              + ", could not be decoded to a "
              + charset.name()
              + " string: "
              + e.getMessage());
    }
  }

  private static Charset charsetOf(MediaType mediaType, String contentType) {
    String name = mediaType.charset().orElse(null);
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new PayloadException(
          PayloadException.PAYLOAD_DECODE_FAILED,
          "the uploaded payload, with content-type "
              + contentType
              + ", could not be decoded: charset \""
              + name
              + "\" is not supported",
          e);
    }
  }

  private static PayloadException jsonFailure(String contentType, String reason, @Nullable Throwable cause) {
    return new PayloadException(
        PayloadException.PAYLOAD_DECODE_FAILED,
        "the uploaded payload, with content-type " + contentType + ", could not be decoded to JSON: " + reason,
        cause);
  }

  /** Jackson's message without its source excerpt, followed by the line and column. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    int startMarker = message.indexOf(" (start marker at");
    if (startMarker >= 0) {
      message = message.substring(0, startMarker);
    }
    return message + where(e.getLocation());
  }

  private static String where(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
