package io.github.cortexj.core.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

class LogExtraTest {

  private final Logger logger = mock(Logger.class);
  private final LoggingEventBuilder event = mock(LoggingEventBuilder.class, RETURNS_SELF);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "asctime", "levelname", "message", "process", "name", "msg", "args", "levelno", "pathname", "filename",
        "module", "exc_info", "exc_text", "stack_info", "lineno", "funcName", "created", "msecs", "relativeCreated",
        "thread", "threadName", "processName"
      })
  void rejectsKeysThatEveryLogRecordHas(String key) {
    assertThatThrownBy(() -> LogExtra.of(Map.of(key, "x")))
        .isInstanceOfSatisfying(
            InvalidLogExtraException.class,
            e -> {
              assertThat(e.kind()).isEqualTo("logging.reserved_key");
              assertThat(e.key()).isEqualTo(key);
            })
        .hasMessage("extra key '" + key + "' is reserved: every log record already has this field");
  }

  @Test
  void rejectsLabelsWhichTheLogPipelineFills() {
    assertThatThrownBy(() -> LogExtra.of(Map.of("labels", Map.of("team", "a"))))
        .isInstanceOf(InvalidLogExtraException.class)
        .hasMessage("extra key 'labels' is reserved: Cortex's log pipeline stores the pod's labels under it");
  }

  @Test
  void rejectsAReservedKeyAddedLater() {
    assertThatThrownBy(() -> LogExtra.empty().with("levelname", "x"))
        .isInstanceOf(InvalidLogExtraException.class)
        .hasMessage("extra key 'levelname' is reserved: every log record already has this field");
  }

  @Test
  void listsExactlyTheReservedKeys() {
    assertThat(LogExtra.RESERVED_KEYS)
        .hasSize(23)
        .startsWith("asctime", "levelname", "message", "process", "labels");
  }

  @Test
  void reservedKeysAreCaseSensitiveAsInPython() {
    assertThat(LogExtra.of(Map.of("Message", "x")).asMap()).containsEntry("Message", "x");
  }

  @Test
  void dropsKeysStartingWithAnUnderscore() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("_private", 1);
    extra.put("kept", 2);

    assertThat(LogExtra.of(extra).asMap()).containsExactly(Map.entry("kept", 2));
    assertThat(LogExtra.empty().with("_x", 1)).isEqualTo(LogExtra.empty());
  }

  @Test
  void keepsTheOrderGiven() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("z", 1);
    extra.put("a", 2);
    extra.put("m", 3);

    assertThat(LogExtra.of(extra).asMap().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void allowsNullValues() {
    Map<String, Object> extra = new HashMap<>();
    extra.put("result", null);

    assertThat(LogExtra.of(extra).asMap()).containsEntry("result", null);
  }

  @Test
  void logsAtInfoWithEveryKeyValueInOrderThenTheMessage() {
    when(logger.atInfo()).thenReturn(event);
    Map<String, Object> stats = Map.of("acc", 0.9, "n", Map.of("k", 1));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("batch_id", "x");
    extra.put("stats", stats);

    LogExtra.of(extra).info(logger, "done in {} ms", 42);

    InOrder order = inOrder(event);
    order.verify(event).addKeyValue("batch_id", "x");
    order.verify(event).addKeyValue("stats", stats); // nested values stay nested: one level flat
    order.verify(event).log("done in {} ms", new Object[] {42});
    verify(event, never()).setCause(any());
  }

  @Test
  void logsATrailingThrowableAsTheCause() {
    when(logger.atError()).thenReturn(event);
    IllegalStateException failure = new IllegalStateException("boom");

    LogExtra.of(Map.of("request_id", "r1")).error(logger, "failed to process workload {}", "r1", failure);

    InOrder order = inOrder(event);
    order.verify(event).addKeyValue("request_id", "r1");
    order.verify(event).setCause(failure);
    order.verify(event).log("failed to process workload {}", new Object[] {"r1"});
  }

  @Test
  void logsAtDebugAndWarnThroughTheMatchingLevel() {
    when(logger.atDebug()).thenReturn(event);
    when(logger.atWarn()).thenReturn(event);

    LogExtra.of(Map.of("k", "v")).debug(logger, "d");
    LogExtra.of(Map.of("k", "v")).warn(logger, "w");

    verify(logger).atDebug();
    verify(logger).atWarn();
    verify(event).log("d", new Object[0]);
    verify(event).log("w", new Object[0]);
  }

  @Test
  void continuesWithTheBuilderThatAddKeyValueReturns() {
    LoggingEventBuilder next = mock(LoggingEventBuilder.class, RETURNS_SELF);
    when(event.addKeyValue("k", "v")).thenReturn(next);

    assertThat(LogExtra.of(Map.of("k", "v")).addTo(event)).isSameAs(next);
  }

  @Test
  void exposesAnUnmodifiableMap() {
    assertThatThrownBy(() -> LogExtra.of(Map.of("k", "v")).asMap().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void addsAKeyWithoutChangingTheOriginal() {
    LogExtra base = LogExtra.of(Map.of("a", 1));

    LogExtra extended = base.with("b", 2);

    assertThat(extended.asMap()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    assertThat(base.asMap()).containsExactly(Map.entry("a", 1));
    assertThat(List.copyOf(extended.with("a", 3).asMap().values())).containsExactly(3, 2);
  }
}
