package io.github.cortexj.core.internal.handler;

import static io.github.cortexj.core.HandlerDefinitionException.CONSTRUCTOR_FAILED;
import static io.github.cortexj.core.HandlerDefinitionException.INVALID_CONFIG;

import com.fasterxml.jackson.databind.JavaType;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TypedBatchHandler;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;

/**
 * Builds handlers of one class through its public constructor, giving each parameter what the inspection
 * decided: the Java mirror of Cortex passing the constructor's declared keyword arguments (reference §5.3). The
 * class is inspected once, when the factory is created, so that a broken class fails at deploy time. Immutable
 * and thread safe.
 *
 * @param <H> the handler type the factory produces
 */
public final class ConstructorInjectingFactory<H> implements HandlerFactory<H> {

  /** Turns the constructed instance into the handler type the runtime calls. */
  @FunctionalInterface
  private interface Adapter<H> {
    H adapt(Object instance, ConstructorPlan plan, HandlerInit init);
  }

  private final ConstructorPlan plan;
  private final Adapter<H> adapter;

  private ConstructorInjectingFactory(ConstructorPlan plan, Adapter<H> adapter) {
    this.plan = plan;
    this.adapter = adapter;
  }

  /**
   * Inspects a batch handler class; a {@code TypedBatchHandler} is adapted to a {@code BatchHandler}.
   *
   * @param handlerClass the class
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be a batch handler
   */
  public static HandlerFactory<BatchHandler> batch(Class<?> handlerClass) {
    return new ConstructorInjectingFactory<>(
        HandlerClassInspector.inspect(handlerClass, HandlerKind.BATCH),
        ConstructorInjectingFactory::adaptBatch);
  }

  /**
   * Inspects an async handler class.
   *
   * @param handlerClass the class
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be an async handler
   */
  public static HandlerFactory<AsyncHandler> async(Class<?> handlerClass) {
    return new ConstructorInjectingFactory<>(
        HandlerClassInspector.inspect(handlerClass, HandlerKind.ASYNC),
        (instance, plan, init) -> (AsyncHandler) instance);
  }

  /**
   * Inspects a task class.
   *
   * @param handlerClass the class
   * @return the factory
   * @throws HandlerDefinitionException when the class cannot be a task
   */
  public static HandlerFactory<Task> task(Class<?> handlerClass) {
    return new ConstructorInjectingFactory<>(
        HandlerClassInspector.inspect(handlerClass, HandlerKind.TASK), (instance, plan, init) -> (Task) instance);
  }

  @SuppressWarnings("unchecked") // the inspection found the item type of this very TypedBatchHandler
  private static BatchHandler adaptBatch(Object instance, ConstructorPlan plan, HandlerInit init) {
    JavaType itemType = plan.itemType();
    if (itemType == null) {
      return (BatchHandler) instance;
    }
    return new TypedBatchHandlerAdapter<>((TypedBatchHandler<Object>) instance, itemType, init.objectMapper());
  }

  @Override
  public H create(HandlerInit init) {
    Objects.requireNonNull(init, "init");
    return adapter.adapt(instantiate(init), plan, init);
  }

  private Object instantiate(HandlerInit init) {
    List<InjectedParameter> parameters = plan.parameters();
    Object[] arguments = new Object[parameters.size()];
    for (int i = 0; i < arguments.length; i++) {
      InjectedParameter parameter = parameters.get(i);
      try {
        arguments[i] = parameter.supply(init);
      } catch (IllegalArgumentException e) {
        if (parameter instanceof InjectedParameter.ConfigBean bean) {
          throw new HandlerDefinitionException(
              INVALID_CONFIG,
              plan.describeParameter(i)
                  + " of type "
                  + bean.type().getTypeName()
                  + " cannot be bound from the config: "
                  + JacksonProblems.describe(e),
              JacksonProblems.unwrap(e));
        }
        throw e;
      }
    }
    try {
      return plan.constructor().newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause() == null ? e : e.getCause();
      if (thrown instanceof VirtualMachineError error) {
        throw error;
      }
      String message = thrown.getMessage();
      throw new HandlerDefinitionException(
          CONSTRUCTOR_FAILED,
          plan.describeConstructor()
              + " threw "
              + thrown.getClass().getName()
              + (message == null ? "" : ": " + message),
          thrown);
    } catch (ExceptionInInitializerError e) {
      Throwable thrown = e.getCause() == null ? e : e.getCause();
      throw new HandlerDefinitionException(
          CONSTRUCTOR_FAILED,
          "handler class " + plan.handlerClass().getName() + " failed to initialise: " + thrown,
          thrown);
    } catch (ReflectiveOperationException e) {
      throw new HandlerDefinitionException(
          CONSTRUCTOR_FAILED, plan.describeConstructor() + " could not be called: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "HandlerFactory[" + plan.describeConstructor() + "]";
  }
}
