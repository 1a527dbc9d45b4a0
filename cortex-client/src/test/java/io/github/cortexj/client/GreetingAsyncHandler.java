package io.github.cortexj.client;

import io.github.cortexj.core.AsyncContext;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An async handler deployed from a cortex.yaml in tests: greets the text it receives with a project file. */
public final class GreetingAsyncHandler implements AsyncHandler {

  private final String greeting;
  private final Object punctuation;

  public GreetingAsyncHandler(Map<String, Object> config, ProjectFiles files) {
    this.greeting = new String(files.read("greeting.txt"), StandardCharsets.UTF_8).trim();
    this.punctuation = config.getOrDefault("punctuation", "");
  }

  @Override
  public Object handleAsync(Payload payload, AsyncContext context) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("greeting", greeting + " " + ((Payload.Text) payload).value() + punctuation);
    result.put("request_id", context.requestId());
    return result;
  }
}
