package io.github.cortexj.core.internal.handler;

import static io.github.cortexj.core.HandlerDefinitionException.CONSTRUCTOR_FAILED;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.HandlerFactory;
import io.github.cortexj.core.HandlerInit;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Wraps a user's factory so that its failures look like those of constructor injection: a {@code null} result or
 * an exception other than a {@link CortexException} becomes a {@link HandlerDefinitionException} of kind
 * {@value HandlerDefinitionException#CONSTRUCTOR_FAILED}, and the result is adapted to the runtime's handler type.
 * As thread safe as the wrapped factory.
 *
 * @param <U> what the user's factory builds
 * @param <H> the handler type the runtime calls
 */
public final class CheckedHandlerFactory<U, H> implements HandlerFactory<H> {

  private final HandlerFactory<? extends U> delegate;
  private final BiFunction<U, HandlerInit, H> adapter;

  /**
   * Wraps a factory.
   *
   * @param delegate the user's factory
   * @param adapter turns what it builds into the runtime's handler type
   */
  public CheckedHandlerFactory(HandlerFactory<? extends U> delegate, BiFunction<U, HandlerInit, H> adapter) {
    this.delegate = Objects.requireNonNull(delegate, "factory");
    this.adapter = Objects.requireNonNull(adapter, "adapter");
  }

  @Override
  public H create(HandlerInit init) {
    U handler;
    try {
      handler = delegate.create(init);
    } catch (CortexException e) {
      throw e;
    } catch (Exception e) {
      String message = e.getMessage();
      throw new HandlerDefinitionException(
          CONSTRUCTOR_FAILED,
          describe() + " threw " + e.getClass().getName() + (message == null ? "" : ": " + message),
          e);
    }
    if (handler == null) {
      throw new HandlerDefinitionException(CONSTRUCTOR_FAILED, describe() + " returned null");
    }
    return adapter.apply(handler, init);
  }

  private String describe() {
    Class<?> factoryClass = delegate.getClass();
    boolean lambda = factoryClass.isSynthetic() || factoryClass.getName().contains("$$Lambda");
    return lambda ? "handler factory" : "handler factory " + factoryClass.getName();
  }

  @Override
  public String toString() {
    return "HandlerFactory[" + delegate + "]";
  }
}
