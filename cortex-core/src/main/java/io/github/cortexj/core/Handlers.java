package io.github.cortexj.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.internal.handler.CheckedHandlerFactory;
import io.github.cortexj.core.internal.handler.ConstructorInjectingFactory;
import io.github.cortexj.core.internal.handler.TypedBatchHandlerAdapter;
import io.github.cortexj.core.metrics.MetricsClient;
import java.util.Objects;

/**
 * Where handlers are declared: turns a handler class (built through its public constructor) or a factory lambda
 * into the {@link HandlerFactory} the runtime calls.
 *
 * <h2>Constructor injection</h2>
 *
 * <p>The Java mirror of Cortex's optional constructor arguments. The class must be public (and static, if
 * nested), concrete, implement the expected interface, and have exactly one public constructor, whose parameters
 * may be any subset, in any order, of:
 *
 * <ul>
 *   <li>the merged config, as {@code Map<String, Object>} (unmodifiable), {@code JsonNode} or {@code ObjectNode}
 *       (a fresh tree), or a record or POJO bound from it with the runtime's {@link ObjectMapper};
 *   <li>the {@link JobSpec}, for batch handlers only (as in Cortex, async handlers and tasks do not receive it);
 *   <li>the {@link MetricsClient}, the {@link ProjectFiles} and the {@link CortexClient}.
 * </ul>
 *
 * <pre>{@code
 * public final class ResizeHandler implements TypedBatchHandler<Image> {
 *   public ResizeHandler(ResizeConfig config, MetricsClient metrics) { ... }
 *   public void handleBatch(List<Image> batch, BatchContext context) { ... }
 * }
 *
 * HandlerFactory<BatchHandler> factory = Handlers.batch(ResizeHandler.class);
 * }</pre>
 *
 * <p>The class is checked when the factory is created, so a class that cannot work fails at deploy time with a
 * {@link HandlerDefinitionException} naming the class, the constructor and the parameter at fault. Binding the
 * config and calling the constructor happen in {@link HandlerFactory#create(HandlerInit)}; their failures are
 * {@link HandlerDefinitionException}s too.
 *
 * <h2>Factories</h2>
 *
 * <p>Users who build handlers themselves pass a lambda: {@code Handlers.async(init -> new Echo(init.metrics()))}.
 * An exception it throws (other than a {@link CortexException}), or a {@code null} result, becomes a
 * {@link HandlerDefinitionException} of kind {@value HandlerDefinitionException#CONSTRUCTOR_FAILED}.
 *
 * <p>Stateless; the factories it returns are immutable and thread safe.
 */
public final class Handlers {

  private Handlers() {}

  /**
   * Declares a batch handler class, built by constructor injection. A class implementing
   * {@link TypedBatchHandler} has its items bound to its type argument.
   *
   * @param handlerClass a class implementing {@link BatchHandler} or {@link TypedBatchHandler}
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be a batch handler
   */
  public static HandlerFactory<BatchHandler> batch(Class<?> handlerClass) {
    return ConstructorInjectingFactory.batch(Objects.requireNonNull(handlerClass, "handlerClass"));
  }

  /**
   * Declares a batch handler built by a factory.
   *
   * @param factory builds the handler
   * @return the factory, with failures reported as {@link HandlerDefinitionException}
   */
  public static HandlerFactory<BatchHandler> batch(HandlerFactory<? extends BatchHandler> factory) {
    return new CheckedHandlerFactory<BatchHandler, BatchHandler>(factory, (handler, init) -> handler);
  }

  /**
   * Declares a typed batch handler built by a factory, with its item type.
   *
   * @param itemType the type each item is bound to
   * @param factory builds the handler
   * @param <T> the item type
   * @return the factory of the adapted handler
   */
  public static <T> HandlerFactory<BatchHandler> typedBatch(
      Class<T> itemType, HandlerFactory<? extends TypedBatchHandler<T>> factory) {
    Objects.requireNonNull(itemType, "itemType");
    return new CheckedHandlerFactory<TypedBatchHandler<T>, BatchHandler>(
        factory, (handler, init) -> asBatchHandler(handler, itemType, init.objectMapper()));
  }

  /**
   * Declares a typed batch handler built by a factory, with a generic item type such as
   * {@code new TypeReference<Map<String, Integer>>() {}}.
   *
   * @param itemType the type each item is bound to
   * @param factory builds the handler
   * @param <T> the item type
   * @return the factory of the adapted handler
   */
  public static <T> HandlerFactory<BatchHandler> typedBatch(
      TypeReference<T> itemType, HandlerFactory<? extends TypedBatchHandler<T>> factory) {
    Objects.requireNonNull(itemType, "itemType");
    return new CheckedHandlerFactory<TypedBatchHandler<T>, BatchHandler>(
        factory, (handler, init) -> asBatchHandler(handler, itemType, init.objectMapper()));
  }

  /**
   * Presents a typed batch handler as a {@link BatchHandler} that binds each item with {@code mapper}. An item
   * that does not bind, or is JSON {@code null}, fails the batch with an {@link InvalidBatchItemException}.
   *
   * @param handler the typed handler
   * @param itemType the type each item is bound to
   * @param mapper the mapper to bind with
   * @param <T> the item type
   * @return the adapted handler; {@code onJobComplete} is passed through
   */
  public static <T> BatchHandler asBatchHandler(
      TypedBatchHandler<T> handler, Class<T> itemType, ObjectMapper mapper) {
    return adapt(handler, mapper.constructType(itemType), mapper);
  }

  /**
   * Presents a typed batch handler with a generic item type as a {@link BatchHandler}; see
   * {@link #asBatchHandler(TypedBatchHandler, Class, ObjectMapper)}.
   *
   * @param handler the typed handler
   * @param itemType the type each item is bound to
   * @param mapper the mapper to bind with
   * @param <T> the item type
   * @return the adapted handler
   */
  public static <T> BatchHandler asBatchHandler(
      TypedBatchHandler<T> handler, TypeReference<T> itemType, ObjectMapper mapper) {
    return adapt(handler, mapper.constructType(itemType), mapper);
  }

  private static <T> BatchHandler adapt(TypedBatchHandler<T> handler, JavaType itemType, ObjectMapper mapper) {
    return new TypedBatchHandlerAdapter<>(
        Objects.requireNonNull(handler, "handler"), itemType, Objects.requireNonNull(mapper, "mapper"));
  }

  /**
   * Declares an async handler class, built by constructor injection.
   *
   * @param handlerClass a class implementing {@link AsyncHandler}
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be an async handler
   */
  public static HandlerFactory<AsyncHandler> async(Class<?> handlerClass) {
    return ConstructorInjectingFactory.async(Objects.requireNonNull(handlerClass, "handlerClass"));
  }

  /**
   * Declares an async handler built by a factory.
   *
   * @param factory builds the handler
   * @return the factory, with failures reported as {@link HandlerDefinitionException}
   */
  public static HandlerFactory<AsyncHandler> async(HandlerFactory<? extends AsyncHandler> factory) {
    return new CheckedHandlerFactory<AsyncHandler, AsyncHandler>(factory, (handler, init) -> handler);
  }

  /**
   * Declares a task class, built by constructor injection.
   *
   * @param taskClass a class implementing {@link Task}
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be a task
   */
  public static HandlerFactory<Task> task(Class<?> taskClass) {
    return ConstructorInjectingFactory.task(Objects.requireNonNull(taskClass, "taskClass"));
  }

  /**
   * Declares a task built by a factory.
   *
   * @param factory builds the task
   * @return the factory, with failures reported as {@link HandlerDefinitionException}
   */
  public static HandlerFactory<Task> task(HandlerFactory<? extends Task> factory) {
    return new CheckedHandlerFactory<Task, Task>(factory, (handler, init) -> handler);
  }
}
