package io.github.cortexj.core.internal.handler;

import com.fasterxml.jackson.databind.JavaType;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of inspecting a handler class: the constructor to call and what each of its parameters receives.
 * Computed once per factory, so that building a handler does no reflection beyond the call itself. Immutable and
 * thread safe.
 *
 * @param handlerClass the class
 * @param constructor its single public constructor
 * @param parameters what each parameter receives, in order
 * @param itemType the item type when the class is a {@code TypedBatchHandler}, else {@code null}
 */
public record ConstructorPlan(
    Class<?> handlerClass,
    Constructor<?> constructor,
    List<InjectedParameter> parameters,
    @Nullable JavaType itemType) {

  /** Validates the fields and copies the list. */
  public ConstructorPlan {
    Objects.requireNonNull(handlerClass, "handlerClass");
    Objects.requireNonNull(constructor, "constructor");
    parameters = List.copyOf(parameters);
    if (parameters.size() != constructor.getParameterCount()) {
      throw new IllegalArgumentException("one InjectedParameter per constructor parameter is needed");
    }
  }

  /**
   * Describes a parameter for messages, with the class and constructor.
   *
   * @param index the parameter's index
   * @return for example {@code handler class com.example.X: constructor X(Settings s): parameter 0 "s"}
   */
  public String describeParameter(int index) {
    return TypeNames.parameterOf(handlerClass, constructor, index);
  }

  /**
   * Describes the constructor for messages, with the class.
   *
   * @return for example {@code handler class com.example.X: constructor X(Settings s)}
   */
  public String describeConstructor() {
    return TypeNames.constructorOf(handlerClass, constructor);
  }
}
