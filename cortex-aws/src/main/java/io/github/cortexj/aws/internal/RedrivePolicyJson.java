package io.github.cortexj.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.backend.RedrivePolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the {@code RedrivePolicy} queue attribute as Cortex's controller does: {@code maxReceiveCount} is a JSON
 * string, not a number. Thread safe.
 */
public final class RedrivePolicyJson {

  private final ObjectMapper mapper = new ObjectMapper();

  /** Creates a writer. */
  public RedrivePolicyJson() {}

  /**
   * Returns the attribute value for a policy.
   *
   * @param policy the policy
   * @return {@code {"deadLetterTargetArn":"<arn>","maxReceiveCount":"<n>"}}
   */
  public String toJson(RedrivePolicy policy) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deadLetterTargetArn", policy.deadLetterTargetArn());
    fields.put("maxReceiveCount", Integer.toString(policy.maxReceiveCount()));
    try {
      return mapper.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a map of two strings as JSON", e);
    }
  }
}
