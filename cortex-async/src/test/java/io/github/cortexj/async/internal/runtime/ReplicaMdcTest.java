package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cortexj.core.logging.HandlerMdc;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.BasicMDCAdapter;

class ReplicaMdcTest {

  private final BasicMDCAdapter mdc = new BasicMDCAdapter();

  private Map<String, String> context() {
    Map<String, String> copy = mdc.getCopyOfContextMap();
    return copy == null ? Map.of() : new HashMap<>(copy);
  }

  @Test
  void namesTheApiWhileOpenAndEachRequestWhileItIsHandled() {
    try (ReplicaMdc replica = new ReplicaMdc("scorer", mdc)) {
      Map<String, String> idle = context();
      replica.startRequest("r1");
      Map<String, String> handling = context();
      replica.endRequest();

      assertThat(idle).containsExactly(Map.entry(HandlerMdc.API_NAME, "scorer"));
      assertThat(handling)
          .containsOnly(Map.entry(HandlerMdc.API_NAME, "scorer"), Map.entry(HandlerMdc.REQUEST_ID, "r1"));
      assertThat(context()).containsExactly(Map.entry(HandlerMdc.API_NAME, "scorer"));
    }
    assertThat(context()).isEmpty();
  }

  @Test
  void putsTheApiNameBackForTheNextRequestAfterAHandlerClearedTheContext() {
    try (ReplicaMdc replica = new ReplicaMdc("scorer", mdc)) {
      replica.startRequest("clearing");
      mdc.clear();
      replica.endRequest();
      replica.startRequest("next");

      assertThat(context())
          .containsOnly(Map.entry(HandlerMdc.API_NAME, "scorer"), Map.entry(HandlerMdc.REQUEST_ID, "next"));
    }
  }

  @Test
  void restoresWhatTheThreadHeldBefore() {
    mdc.put(HandlerMdc.API_NAME, "outer");
    mdc.put(HandlerMdc.REQUEST_ID, "outer-request");

    try (ReplicaMdc replica = new ReplicaMdc("scorer", mdc)) {
      replica.startRequest("r1");
      replica.endRequest();
    }

    assertThat(context())
        .containsOnly(Map.entry(HandlerMdc.API_NAME, "outer"), Map.entry(HandlerMdc.REQUEST_ID, "outer-request"));
  }
}
