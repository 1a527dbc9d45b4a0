package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.payload.Payload;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handlers built by users' factories, and how their failures are reported. */
public class HandlerFactoryLambdaTest {

  private static final HandlerInit INIT = HandlerInit.builder().config(Map.of("greeting", "hi")).build();

  /** A named factory, so its class appears in messages. */
  static final class FailingFactory implements HandlerFactory<Task> {
    @Override
    public Task create(HandlerInit init) throws IOException {
      throw new IOException("model file missing");
    }
  }

  @Test
  void buildsTheHandlerTheLambdaReturns() throws Exception {
    AsyncHandler handler = Handlers.async(init -> (payload, context) -> init.config()).create(INIT);
    AsyncContext context = AsyncContext.builder().apiName("echo").requestId("r-1").build();

    assertThat(handler.handleAsync(new Payload.Text("x", "text/plain"), context)).isEqualTo(Map.of("greeting", "hi"));
  }

  @Test
  void reportsAnExceptionFromALambdaAsConstructorFailure() {
    HandlerFactory<BatchHandler> factory =
        Handlers.batch(
            init -> {
              throw new IllegalStateException("no GPU");
            });

    assertThatThrownBy(() -> factory.create(INIT))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.constructor_failed")
        .hasMessage("handler factory threw java.lang.IllegalStateException: no GPU")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void namesAFactoryClassThatIsNotALambda() {
    assertThatThrownBy(() -> Handlers.task(new FailingFactory()).create(INIT))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessage(
            "handler factory io.github.cortexj.core.HandlerFactoryLambdaTest$FailingFactory threw"
                + " java.io.IOException: model file missing");
  }

  @Test
  void reportsANullHandler() {
    assertThatThrownBy(() -> Handlers.task(init -> null).create(INIT))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.constructor_failed")
        .hasMessage("handler factory returned null");
  }

  @Test
  void letsCortexExceptionsThroughUnchanged() {
    HandlerFactory<AsyncHandler> factory =
        Handlers.async(init -> Handlers.async(Broken.class).create(init));

    assertThatThrownBy(() -> factory.create(INIT))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.constructor_failed")
        .hasMessageStartingWith("handler class io.github.cortexj.core.HandlerFactoryLambdaTest$Broken: constructor");
  }

  /** Config bound by {@link HandlerInit#configAs(Class)}. */
  public record Greeting(String greeting) {}

  /** A handler whose constructor fails, built inside a lambda. */
  public static final class Broken implements AsyncHandler {
    public Broken() {
      throw new IllegalArgumentException("broken");
    }

    @Override
    public Object handleAsync(Payload payload, AsyncContext context) {
      return Map.of();
    }
  }

  @Test
  void bindsTheConfigWithConfigAs() {
    assertThat(INIT.configAs(Greeting.class)).isEqualTo(new Greeting("hi"));
  }
}
