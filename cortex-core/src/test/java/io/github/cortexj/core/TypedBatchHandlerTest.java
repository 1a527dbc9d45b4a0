package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.internal.handler.TypedBatchHandlerAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How typed batch handlers receive their items, and how items that do not bind fail the batch. */
public class TypedBatchHandlerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JobSpec SPEC =
      JobSpec.builder().jobId("69a1b2").apiName("orders").startTime(Instant.parse("2021-06-01T12:00:00Z")).build();
  private static final BatchContext CONTEXT = BatchContext.builder().jobSpec(SPEC).batchId("b-1").build();
  private static final HandlerInit INIT = HandlerInit.builder().jobSpec(SPEC).objectMapper(MAPPER).build();

  /** An item. */
  public record Order(String sku, int quantity) {}

  /** Remembers what it was given. */
  public static final class Orders implements TypedBatchHandler<Order> {
    final List<List<Order>> batches = new ArrayList<>();
    final List<JobSummary> summaries = new ArrayList<>();

    public Orders() {}

    @Override
    public void handleBatch(List<Order> batch, BatchContext context) {
      batches.add(batch);
    }

    @Override
    public void onJobComplete(JobSummary summary) {
      summaries.add(summary);
    }
  }

  /** A typed handler whose item type comes from a superclass. */
  public static final class SubOrders extends AbstractOrders {
    public SubOrders() {}
  }

  /** Fixes the item type for its subclasses. */
  public abstract static class AbstractOrders implements TypedBatchHandler<Order> {
    @Override
    public void handleBatch(List<Order> batch, BatchContext context) {}
  }

  private static List<JsonNode> json(String array) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    MAPPER.readTree(array).forEach(items::add);
    return items;
  }

  private static Orders delegateOf(BatchHandler handler) {
    return (Orders) ((TypedBatchHandlerAdapter<?>) handler).delegate();
  }

  @Test
  void bindsEachItemToTheClassesTypeArgument() throws Exception {
    BatchHandler handler = Handlers.batch(Orders.class).create(INIT);

    handler.handleBatch(json("[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":2}]"), CONTEXT);

    assertThat(delegateOf(handler).batches).containsExactly(List.of(new Order("a", 1), new Order("b", 2)));
  }

  @Test
  void findsTheItemTypeDeclaredByASuperclass() throws Exception {
    BatchHandler handler = Handlers.batch(SubOrders.class).create(INIT);

    assertThat(((TypedBatchHandlerAdapter<?>) handler).itemType().getRawClass()).isEqualTo(Order.class);
  }

  @Test
  void passesOnJobCompleteThrough() throws Exception {
    BatchHandler handler = Handlers.batch(Orders.class).create(INIT);
    JobSummary summary = new JobSummary("orders", "69a1b2", 3, 1, 4, 2);

    handler.onJobComplete(summary);

    assertThat(delegateOf(handler).summaries).containsExactly(summary);
  }

  @Test
  void failsTheBatchNamingTheItemThatDoesNotBind() throws Exception {
    BatchHandler handler = Handlers.batch(Orders.class).create(INIT);
    List<JsonNode> batch = json("[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":\"many\"}]");

    assertThatThrownBy(() -> handler.handleBatch(batch, CONTEXT))
        .isInstanceOfSatisfying(
            InvalidBatchItemException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("batch.invalid_item");
              assertThat(e.itemIndex()).isEqualTo(1);
            })
        .hasMessage(
            "batch item 1 cannot be bound to io.github.cortexj.core.TypedBatchHandlerTest$Order: at \"quantity\":"
                + " Cannot deserialize value of type `int` from String \"many\": not a valid `int` value");
    assertThat(delegateOf(handler).batches).isEmpty();
  }

  @Test
  void failsTheBatchOnANullItem() throws Exception {
    BatchHandler handler = Handlers.batch(Orders.class).create(INIT);
    List<JsonNode> batch = json("[{\"sku\":\"a\",\"quantity\":1},null]");

    assertThatThrownBy(() -> handler.handleBatch(batch, CONTEXT))
        .isInstanceOf(InvalidBatchItemException.class)
        .hasMessage(
            "batch item 1 is null, which cannot be bound to io.github.cortexj.core.TypedBatchHandlerTest$Order");
  }

  @Test
  void givesTheHandlerAnUnmodifiableList() throws Exception {
    BatchHandler handler = Handlers.batch(Orders.class).create(INIT);
    handler.handleBatch(json("[{\"sku\":\"a\",\"quantity\":1}]"), CONTEXT);

    List<Order> received = delegateOf(handler).batches.get(0);

    assertThatThrownBy(() -> received.add(new Order("x", 0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void lambdaFactoryTakesAnExplicitItemType() throws Exception {
    List<Order> seen = new ArrayList<>();
    HandlerFactory<BatchHandler> factory =
        Handlers.typedBatch(Order.class, init -> (batch, context) -> seen.addAll(batch));

    factory.create(INIT).handleBatch(json("[{\"sku\":\"c\",\"quantity\":5}]"), CONTEXT);

    assertThat(seen).containsExactly(new Order("c", 5));
  }

  @Test
  void lambdaFactoryTakesAGenericItemType() throws Exception {
    List<Map<String, Integer>> seen = new ArrayList<>();
    HandlerFactory<BatchHandler> factory =
        Handlers.typedBatch(new TypeReference<Map<String, Integer>>() {}, init -> (batch, context) -> seen.addAll(batch));

    factory.create(INIT).handleBatch(json("[{\"a\":1},{\"b\":2}]"), CONTEXT);

    assertThat(seen).containsExactly(Map.of("a", 1), Map.of("b", 2));
  }

  @Test
  void adapterBindsWithTheGivenMapper() throws Exception {
    List<Order> seen = new ArrayList<>();
    TypedBatchHandler<Order> typed = (batch, context) -> seen.addAll(batch);
    ObjectMapper lenient =
        new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    Handlers.asBatchHandler(typed, Order.class, lenient)
        .handleBatch(json("[{\"sku\":\"a\",\"quantity\":1,\"note\":\"gift\"}]"), CONTEXT);

    assertThat(seen).containsExactly(new Order("a", 1));
  }

  @Test
  void adapterLetsPartialFailuresThrough() throws Exception {
    TypedBatchHandler<Order> typed =
        (batch, context) -> {
          throw PartialBatchFailure.builder().fail(0, "sold out").build();
        };

    assertThatThrownBy(
            () -> Handlers.asBatchHandler(typed, Order.class, MAPPER).handleBatch(json("[{\"sku\":\"a\"}]"), CONTEXT))
        .isInstanceOf(PartialBatchFailure.class)
        .hasMessage("1 item of the batch failed: item 0 (error: sold out)");
  }
}
