package io.github.cortexj.core;

/**
 * Builds a handler ({@link BatchHandler}, {@link AsyncHandler} or {@link Task}) from what the runtime provides:
 * the alternative to constructor injection for users who build their handlers themselves, and the form in which
 * {@link Handlers} hands out constructor injection.
 *
 * <pre>{@code
 * HandlerFactory<BatchHandler> factory =
 *     Handlers.batch(init -> new ImageHandler(init.configAs(ImageConfig.class), init.metrics()));
 * }</pre>
 *
 * <p>The runtime calls {@link #create(HandlerInit)} once per job (batch, task) or once per replica (async).
 * Implementations must be safe to call from several threads.
 *
 * @param <H> the handler type
 */
@FunctionalInterface
public interface HandlerFactory<H> {

  /**
   * Builds a handler.
   *
   * @param init the merged config, the job spec (batch only) and the runtime's services
   * @return the handler, never {@code null}
   * @throws Exception when the handler cannot be built; the runtime reports it as
   *     {@link HandlerDefinitionException} of kind {@value HandlerDefinitionException#CONSTRUCTOR_FAILED}
   */
  H create(HandlerInit init) throws Exception;
}
