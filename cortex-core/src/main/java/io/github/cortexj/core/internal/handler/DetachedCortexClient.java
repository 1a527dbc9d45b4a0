package io.github.cortexj.core.internal.handler;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import java.lang.reflect.Proxy;

/**
 * The {@link CortexClient} of a context built without one: {@code describe()} answers {@value #DESCRIPTION}, every
 * other operation fails with kind {@value #KIND}. A proxy, so that it follows the interface as it grows.
 */
public final class DetachedCortexClient {

  /** What {@link CortexClient#describe()} answers. */
  public static final String DESCRIPTION = "none (no cluster was given to this context)";

  /** The kind of the error every operation raises. */
  public static final String KIND = "handler.no_client";

  private DetachedCortexClient() {}

  /**
   * Creates the client.
   *
   * @return a client that reaches no cluster
   */
  public static CortexClient create() {
    return (CortexClient)
        Proxy.newProxyInstance(
            CortexClient.class.getClassLoader(),
            new Class<?>[] {CortexClient.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "describe", "toString" -> DESCRIPTION;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> args != null && args.length == 1 && proxy == args[0];
                  default -> throw new CortexException(
                      KIND,
                      "CortexClient."
                          + method.getName()
                          + " is not available: this context was built without a CortexClient");
                });
  }
}
