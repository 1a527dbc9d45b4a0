package io.github.cortexj.benchmarks.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The small items the batch benchmarks submit: {@code {"id":0}}, {@code {"id":1}}, and so on. */
final class SmallItems {

  /**
   * One item as a record, which Jackson writes as {@code {"id":n}}: about 16 bytes of heap against about 200 for
   * the same item as an {@code ObjectNode}.
   *
   * @param id the item's id
   */
  record Id(int id) {}

  private SmallItems() {}

  /**
   * Builds {@code count} items {@code {"id":n}} as records.
   *
   * @param count how many
   * @return the items, in order of id
   */
  static List<Id> idRecords(int count) {
    List<Id> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(new Id(i));
    }
    return items;
  }

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
