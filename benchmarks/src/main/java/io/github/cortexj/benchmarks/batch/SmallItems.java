package io.github.cortexj.benchmarks.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The small items the batch benchmarks submit: {@code {"id":0}}, {@code {"id":1}}, and so on. */
final class SmallItems {

  private SmallItems() {}

  /**
   * Builds {@code count} items {@code {"id":n}}.
   *
   * @param mapper the mapper whose node factory builds them
   * @param count how many
   * @return the items, in order of id
   */
  static List<JsonNode> ids(ObjectMapper mapper, int count) {
    List<JsonNode> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(mapper.createObjectNode().put("id", i));
    }
    return items;
  }
}
