package io.github.cortexj.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;

class HandlerMdcTest {

  /** slf4j-simple's MDC stores nothing, so the scopes work on SLF4J's own in-memory adapter. */
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @AfterEach
  void clearMdc() {
    mdc.clear();
  }

  @Test
  void putsTheGivenIdsInTheMdc() {
    try (HandlerMdc scope =
        HandlerMdc.builder().apiName("iris").jobId("job1").batchId("b7").requestId("r1").open(mdc)) {
      assertThat(mdc.getCopyOfContextMap())
          .containsExactlyInAnyOrderEntriesOf(
              java.util.Map.of("api_name", "iris", "job_id", "job1", "batch_id", "b7", "request_id", "r1"));
    }
  }

  @Test
  void putsOnlyTheIdsGiven() {
    try (HandlerMdc scope = HandlerMdc.builder().apiName("iris").requestId("r1").open(mdc)) {
      assertThat(mdc.get(HandlerMdc.JOB_ID)).isNull();
      assertThat(mdc.get(HandlerMdc.BATCH_ID)).isNull();
    }
  }

  @Test
  void removesOnCloseTheKeysThatWereAbsent() {
    HandlerMdc.builder().apiName("iris").jobId("job1").open(mdc).close();

    assertThat(mdc.get(HandlerMdc.API_NAME)).isNull();
    assertThat(mdc.get(HandlerMdc.JOB_ID)).isNull();
  }

  @Test
  void nestedScopesRestoreTheOuterValues() {
    try (HandlerMdc outer = HandlerMdc.builder().apiName("iris").batchId("b1").open(mdc)) {
      try (HandlerMdc inner = HandlerMdc.builder().apiName("other").requestId("r9").open(mdc)) {
        assertThat(mdc.get(HandlerMdc.API_NAME)).isEqualTo("other");
        assertThat(mdc.get(HandlerMdc.BATCH_ID)).isEqualTo("b1");
      }
      assertThat(mdc.get(HandlerMdc.API_NAME)).isEqualTo("iris");
      assertThat(mdc.get(HandlerMdc.REQUEST_ID)).isNull();
      assertThat(mdc.get(HandlerMdc.BATCH_ID)).isEqualTo("b1");
    }
  }

  @Test
  void leavesOtherMdcKeysUntouched() {
    mdc.put("trace_id", "t-1");

    HandlerMdc.builder().apiName("iris").open(mdc).close();

    assertThat(mdc.get("trace_id")).isEqualTo("t-1");
  }

  @Test
  void restoresAValueTheApplicationSetUnderTheSameKey() {
    mdc.put("request_id", "app-value");

    HandlerMdc.builder().requestId("r1").open(mdc).close();

    assertThat(mdc.get("request_id")).isEqualTo("app-value");
  }

  @Test
  void closingTwiceRestoresOnce() {
    HandlerMdc scope = HandlerMdc.builder().apiName("iris").open(mdc);
    scope.close();
    mdc.put("api_name", "set later");

    scope.close();

    assertThat(mdc.get("api_name")).isEqualTo("set later");
  }

  @Test
  void refusesToCloseOnAnotherThread() throws Exception {
    HandlerMdc scope = HandlerMdc.builder().apiName("iris").open(mdc);
    String opener = Thread.currentThread().getName();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(scope::close);

    assertThatThrownBy(closing::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("HandlerMdc opened on thread " + opener + " closed on thread ");
    scope.close();
    assertThat(mdc.get("api_name")).isNull();
  }

  @Test
  void rejectsANullIdNamingTheKey() {
    assertThatThrownBy(() -> HandlerMdc.builder().jobId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("job_id");
  }

  @Test
  void worksOnTheProvidersMdcByDefault() {
    // slf4j-simple, the provider of these tests, has an MDC that stores nothing: opening and closing must still work.
    assertThat(MDC.getMDCAdapter()).isInstanceOf(NOPMDCAdapter.class);

    try (HandlerMdc scope = HandlerMdc.builder().apiName("iris").open()) {
      assertThat(MDC.get(HandlerMdc.API_NAME)).isNull();
    }
  }

  @Test
  void namesTheKeysAsCortexDoes() {
    assertThat(java.util.List.of(HandlerMdc.API_NAME, HandlerMdc.JOB_ID, HandlerMdc.BATCH_ID, HandlerMdc.REQUEST_ID))
        .containsExactly("api_name", "job_id", "batch_id", "request_id");
  }
}
