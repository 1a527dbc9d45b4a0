package io.github.cortexj.core.internal.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns Jackson's binding failures into the short text our errors carry: the JSON path at fault (as
 * {@code items[2].name}) and Jackson's message without its source location. Stateless and thread safe.
 */
public final class JacksonProblems {

  private JacksonProblems() {}

  /**
   * Describes a binding failure.
   *
   * @param failure what Jackson threw; an {@link IllegalArgumentException} from {@code convertValue} or
   *     {@code valueToTree} is unwrapped to its Jackson cause
   * @return for example {@code at "items[2].name": Cannot deserialize value of type `int` from String "x"}
   */
  public static String describe(Throwable failure) {
    Throwable problem = unwrap(failure);
    if (problem instanceof JsonMappingException mapping) {
      String path = path(mapping);
      String message = mapping.getOriginalMessage();
      return path.isEmpty() ? message : "at \"" + path + "\": " + message;
    }
    if (problem instanceof JsonProcessingException processing) {
      return processing.getOriginalMessage();
    }
    String message = problem.getMessage();
    return message == null ? problem.getClass().getName() : message;
  }

  /**
   * Returns the Jackson failure inside an {@link IllegalArgumentException} thrown by {@code convertValue} or
   * {@code valueToTree}, or the failure itself.
   *
   * @param failure the failure
   * @return the Jackson failure, or {@code failure}
   */
  public static Throwable unwrap(Throwable failure) {
    if (failure instanceof IllegalArgumentException && failure.getCause() instanceof JsonProcessingException cause) {
      return cause;
    }
    return failure;
  }

  /**
   * Renders the path of a mapping failure, for example {@code items[2].name}; empty at the root.
   *
   * @param failure the failure
   * @return the path
   */
  public static String path(JsonMappingException failure) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : failure.getPath()) {
      String field = reference.getFieldName();
      if (field != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(field);
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
