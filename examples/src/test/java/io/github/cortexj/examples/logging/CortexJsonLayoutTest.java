package io.github.cortexj.examples.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cortexj.core.logging.HandlerMdc;
import io.github.cortexj.core.logging.LogExtra;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** CortexJsonLayout against Cortex's log line format (reference §10.2–10.3). */
class CortexJsonLayoutTest {

  private static final Instant WHEN = Instant.parse("2021-01-19T15:14:05.291Z");
  private static final long PID = ProcessHandle.current().pid();

  private final LoggerContext context = newContext();
  private final Logger logger = context.getLogger("test");

  private static LoggerContext newContext() {
    LoggerContext built = new LoggerContext();
    built.setMDCAdapter(new LogbackMDCAdapter());
    return built;
  }
  private final CortexJsonLayout layout = newLayout();

  private CortexJsonLayout newLayout() {
    CortexJsonLayout built = new CortexJsonLayout();
    built.setContext(context);
    built.setTimeZone("UTC");
    built.start();
    return built;
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private LoggingEvent event(Level level, String message, Object... arguments) {
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, null, arguments);
    event.setInstant(WHEN);
    return event;
  }

  private static String expectedPrefix(String level, String message) {
    return "{\"asctime\": \"2021-01-19 15:14:05,291\", \"levelname\": \"" + level + "\", \"message\": \"" + message
        + "\", \"process\": " + PID;
  }

  @Test
  void writesCortexsFourFieldsInOrderOnOneLine() {
    assertThat(layout.doLayout(event(Level.INFO, "scored {} reviews", 50)))
        .isEqualTo(expectedPrefix("INFO", "scored 50 reviews") + "}" + System.lineSeparator());
  }

  @Test
  void writesWarnAsPythonsWarning() {
    assertThat(layout.doLayout(event(Level.WARN, "careful"))).startsWith(expectedPrefix("WARNING", "careful") + "}");
  }

  @Test
  void writesTraceAsDebug() {
    assertThat(layout.doLayout(event(Level.TRACE, "fine"))).startsWith(expectedPrefix("DEBUG", "fine") + "}");
  }

  @Test
  void writesAsctimeInTheConfiguredZone() {
    layout.setTimeZone("Asia/Kolkata");
    assertThat(layout.doLayout(event(Level.INFO, "x"))).startsWith("{\"asctime\": \"2021-01-19 20:44:05,291\", ");
  }

  @Test
  void runtimeIdsComeFirstAmongTheExtrasThenOtherMdcSortedThenKeyValues() {
    LoggingEvent event = event(Level.INFO, "done");
    Map<String, String> mdc = new LinkedHashMap<>();
    mdc.put("tenant", "acme");
    mdc.put("batch_id", "b1");
    mdc.put("app", "shop");
    mdc.put("job_id", "j1");
    mdc.put("api_name", "reviews");
    event.setMDCPropertyMap(mdc);
    event.addKeyValuePair(new KeyValuePair("stats", Map.of("acc", 0.9)));
    event.addKeyValuePair(new KeyValuePair("count", 3));

    assertThat(layout.doLayout(event))
        .isEqualTo(
            expectedPrefix("INFO", "done") + ", \"api_name\": \"reviews\", \"job_id\": \"j1\", \"batch_id\": \"b1\","
                + " \"app\": \"shop\", \"tenant\": \"acme\", \"stats\": {\"acc\": 0.9}, \"count\": 3}"
                + System.lineSeparator());
  }

  @Test
  void nestedValuesAreFlattenedOneLevelOnly() {
    LoggingEvent event = event(Level.INFO, "done");
    event.addKeyValuePair(new KeyValuePair("batch_id", "x"));
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("acc", 0.9);
    stats.put("n", Map.of("k", 1));
    event.addKeyValuePair(new KeyValuePair("stats", stats));

    assertThat(layout.doLayout(event))
        .isEqualTo(
            expectedPrefix("INFO", "done") + ", \"batch_id\": \"x\", \"stats\": {\"acc\": 0.9, \"n\": {\"k\": 1}}}"
                + System.lineSeparator());
  }

  @Test
  void keysStartingWithUnderscoreAndReservedKeysAreDropped() {
    LoggingEvent event = event(Level.INFO, "kept");
    event.setMDCPropertyMap(Map.of("_private", "p"));
    event.addKeyValuePair(new KeyValuePair("message", "overwrite"));
    event.addKeyValuePair(new KeyValuePair("levelname", "x"));
    event.addKeyValuePair(new KeyValuePair("_hidden", 1));
    event.addKeyValuePair(new KeyValuePair("kept", true));

    assertThat(layout.doLayout(event))
        .isEqualTo(expectedPrefix("INFO", "kept") + ", \"kept\": true}" + System.lineSeparator());
  }

  @Test
  void exceptionGoesToExcInfoBeforeTheExtras() throws Exception {
    logger.setLevel(Level.ALL);
    List<ILoggingEvent> events = new ArrayList<>();
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(), logger, Level.ERROR, "failed", new IllegalStateException("boom"), null);
    event.setInstant(WHEN);
    event.setMDCPropertyMap(Map.of("job_id", "j1"));
    events.add(event);

    JsonNode line = new ObjectMapper().readTree(layout.doLayout(events.get(0)));

    assertThat(fieldNames(line)).containsExactly("asctime", "levelname", "message", "process", "exc_info", "job_id");
    assertThat(line.get("exc_info").asText())
        .startsWith("java.lang.IllegalStateException: boom" + System.lineSeparator() + "\tat ");
  }

  @Test
  void valuesThatAreNotJsonAreWrittenAsText() {
    LoggingEvent event = event(Level.INFO, "x");
    event.addKeyValuePair(new KeyValuePair("day", LocalDate.of(2021, 1, 19)));
    event.addKeyValuePair(new KeyValuePair("unit", TimeUnit.SECONDS));
    event.addKeyValuePair(new KeyValuePair("ids", new int[] {1, 2}));
    event.addKeyValuePair(new KeyValuePair("none", null));

    assertThat(layout.doLayout(event))
        .isEqualTo(
            expectedPrefix("INFO", "x") + ", \"day\": \"2021-01-19\", \"unit\": \"SECONDS\", \"ids\": [1, 2],"
                + " \"none\": null}" + System.lineSeparator());
  }

  @Test
  void nonAsciiAndControlCharactersAreEscapedAsPythonDoes() {
    assertThat(layout.doLayout(event(Level.INFO, "caf\u00e9 \"q\" \\ \t\u0001 \ud83d\ude00 \u007f")))
        .startsWith(
            "{\"asctime\": \"2021-01-19 15:14:05,291\", \"levelname\": \"INFO\", \"message\": \"caf\\u00e9 \\\"q\\\" \\\\"
                + " \\t\\u0001 \\ud83d\\ude00 \\u007f\", ");
  }

  @Test
  void lineIsExactlyWhatPythonsJsonDumpsWritesForTheSameObject() throws Exception {
    LoggingEvent event = event(Level.INFO, "na\u00efve \u65e5\u672c \"quoted\"\n\tline");
    event.setMDCPropertyMap(Map.of("job_id", "j\u00e9"));
    event.addKeyValuePair(new KeyValuePair("stats", Map.of("acc", 0.25, "list", List.of(1, "two", false))));
    String line = layout.doLayout(event).stripTrailing();

    Process python =
        new ProcessBuilder("python3", "-c", "import json,sys; print(json.dumps(json.loads(sys.stdin.read())))")
            .redirectErrorStream(true)
            .start();
    python.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
    python.getOutputStream().close();
    String dumped = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();

    assertThat(python.waitFor()).isZero();
    assertThat(line).isEqualTo(dumped);
  }

  @Test
  void handlerMdcIdsReachTheLineThroughLogback() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);

    try (HandlerMdc mdc =
        HandlerMdc.builder().apiName("summarizer").requestId("r-42").open(context.getMDCAdapter())) {
      LogExtra.of(Map.of("words", 12)).info(logger, "summarised {}", "text");
    }
    logger.info("after the scope");

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    ObjectMapper json = new ObjectMapper();
    JsonNode inScope = json.readTree(lines[0]);
    assertThat(fieldNames(inScope))
        .containsExactly("asctime", "levelname", "message", "process", "api_name", "request_id", "words");
    assertThat(inScope.get("request_id").asText()).isEqualTo("r-42");
    assertThat(inScope.get("message").asText()).isEqualTo("summarised text");
    assertThat(fieldNames(json.readTree(lines[1]))).containsExactly("asctime", "levelname", "message", "process");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
