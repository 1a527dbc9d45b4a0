package io.github.cortexj.server.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.payload.Payload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An AsyncAPI handler that `cortex serve` loads from `--classpath` in the tests: counts the words of a JSON review
 * {@code {"review": "..."}}. When the review names a {@code hold_until} file, the handler waits for that file to
 * exist first, so that a test can hold a request in flight in another process and release it.
 */
public final class WordCountAsyncHandler implements AsyncHandler {

  /** Creates the handler. */
  public WordCountAsyncHandler() {}

  @Override
  public Object handleAsync(Payload payload, AsyncContext context) {
    JsonNode review = ((Payload.Json) payload).value();
    JsonNode holdUntil = review.path("hold_until");
    if (holdUntil.isTextual()) {
      Path release = Path.of(holdUntil.asText());
      while (!Files.exists(release)) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
    }
    String text = review.path("review").asText();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("request_id", context.requestId());
    result.put("words", text.isBlank() ? 0 : text.trim().split("\\s+").length);
    return result;
  }
}
