package io.github.cortexj.core;

import org.jspecify.annotations.Nullable;

/**
 * A handler class or factory cannot be used: it is abstract, not public, does not implement the expected
 * interface, has no usable public constructor, declares a constructor parameter that cannot be supplied, or its
 * constructor (or factory) failed. The message names the class, the constructor and the parameter at fault.
 *
 * <p>Kinds:
 *
 * <ul>
 *   <li>{@value #INVALID_CLASS}: the class itself cannot be a handler (abstract, interface, not public,
 *       non-static inner class, wrong interface, no item type for a typed batch handler);
 *   <li>{@value #NO_PUBLIC_CONSTRUCTOR} and {@value #AMBIGUOUS_CONSTRUCTOR}: not exactly one public constructor;
 *   <li>{@value #UNSUPPORTED_PARAMETER} and {@value #DUPLICATE_PARAMETER}: a parameter that cannot be supplied;
 *   <li>{@value #INVALID_CONFIG}: the config cannot be bound to the record or POJO parameter;
 *   <li>{@value #CONSTRUCTOR_FAILED}: the constructor or factory threw, or a factory returned {@code null}.
 * </ul>
 *
 * <p>The first five are raised when the factory is created (at deploy time); the last two when a handler is built.
 */
public class HandlerDefinitionException extends CortexException {

  private static final long serialVersionUID = 1L;

  /** Kind: the class cannot be a handler. */
  public static final String INVALID_CLASS = "handler.invalid_class";

  /** Kind: the class has no public constructor. */
  public static final String NO_PUBLIC_CONSTRUCTOR = "handler.no_public_constructor";

  /** Kind: the class has more than one public constructor. */
  public static final String AMBIGUOUS_CONSTRUCTOR = "handler.ambiguous_constructor";

  /** Kind: a constructor parameter has a type that cannot be supplied to this kind of handler. */
  public static final String UNSUPPORTED_PARAMETER = "handler.unsupported_parameter";

  /** Kind: two constructor parameters ask for the same thing. */
  public static final String DUPLICATE_PARAMETER = "handler.duplicate_parameter";

  /** Kind: the merged config cannot be bound to the constructor's record or POJO parameter. */
  public static final String INVALID_CONFIG = "handler.invalid_config";

  /** Kind: the constructor or the factory threw, or the factory returned {@code null}. */
  public static final String CONSTRUCTOR_FAILED = "handler.constructor_failed";

  /**
   * Creates an exception.
   *
   * @param kind one of the kinds above
   * @param message what is wrong, naming the class, constructor and parameter at fault
   */
  public HandlerDefinitionException(String kind, String message) {
    super(kind, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param kind one of the kinds above
   * @param message what is wrong, naming the class, constructor and parameter at fault
   * @param cause the underlying failure, or {@code null}
   */
  public HandlerDefinitionException(String kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
