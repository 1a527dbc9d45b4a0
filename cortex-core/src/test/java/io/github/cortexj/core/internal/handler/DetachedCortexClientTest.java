package io.github.cortexj.core.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.CortexException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class DetachedCortexClientTest {

  /** Stands in for an operation CortexClient will gain with the workload issues. */
  interface FutureOperations {
    String submitJob(String api);
  }

  @Test
  void describesItselfAsReachingNoCluster() {
    CortexClient client = DetachedCortexClient.create();

    assertThat(client.describe()).isEqualTo("none (no cluster was given to this context)");
    assertThat(client).hasToString("none (no cluster was given to this context)");
  }

  @Test
  void isEqualOnlyToItself() {
    CortexClient client = DetachedCortexClient.create();

    assertThat(client).isEqualTo(client).isNotEqualTo(DetachedCortexClient.create());
    assertThat(client.hashCode()).isEqualTo(System.identityHashCode(client));
  }

  @Test
  void anyOtherOperationFailsNamingIt() throws Exception {
    CortexClient client = DetachedCortexClient.create();

    assertThatThrownBy(
            () ->
                Proxy.getInvocationHandler(client)
                    .invoke(client, FutureOperations.class.getMethod("submitJob", String.class), new Object[] {"a"}))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.no_client")
        .hasMessage("CortexClient.submitJob is not available: this context was built without a CortexClient");
  }
}
