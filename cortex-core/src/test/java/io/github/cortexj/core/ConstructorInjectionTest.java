package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.payload.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link Handlers}' constructor injection passes to each parameter, and how building fails. */
public class ConstructorInjectionTest {

  private static final JobSpec SPEC =
      JobSpec.builder().jobId("69a1b2").apiName("resize").startTime(Instant.parse("2021-06-01T12:00:00Z")).build();
  private static final Map<String, Object> CONFIG = Map.of("bucket", "images", "threshold", 3);

  private final MetricsClient metrics = mock(MetricsClient.class);
  private final CortexClient client = mock(CortexClient.class);
  private final ProjectFiles files = mock(ProjectFiles.class);

  /** Settings bound from the config. */
  public record Settings(String bucket, int threshold) {}

  /** Settings as a POJO with a no-argument constructor and setters. */
  public static final class PojoSettings {
    private String bucket = "";
    private int threshold;

    public String getBucket() {
      return bucket;
    }

    public void setBucket(String bucket) {
      this.bucket = bucket;
    }

    public int getThreshold() {
      return threshold;
    }

    public void setThreshold(int threshold) {
      this.threshold = threshold;
    }
  }

  /** Asks for everything a batch handler may receive. */
  public static final class Everything implements BatchHandler {
    final Map<String, Object> config;
    final JobSpec spec;
    final MetricsClient metrics;
    final ProjectFiles files;
    final CortexClient client;

    public Everything(
        Map<String, Object> config, JobSpec spec, MetricsClient metrics, ProjectFiles files, CortexClient client) {
      this.config = config;
      this.spec = spec;
      this.metrics = metrics;
      this.files = files;
      this.client = client;
    }

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  /** Asks for a subset, in another order, with the config bound to a record. */
  public static final class Reordered implements BatchHandler {
    final CortexClient client;
    final Settings settings;

    public Reordered(CortexClient client, Settings settings) {
      this.client = client;
      this.settings = settings;
    }

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  /** Asks for nothing. */
  public static final class Nothing implements Task {
    public Nothing() {}

    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  /** Asks for the config as a tree. */
  public static final class Tree implements AsyncHandler {
    final JsonNode config;

    public Tree(JsonNode config) {
      this.config = config;
    }

    @Override
    public Object handleAsync(Payload payload, AsyncContext context) {
      return Map.of();
    }
  }

  /** Asks for the config as an object node. */
  public static final class ObjectTree implements AsyncHandler {
    final ObjectNode config;

    public ObjectTree(ObjectNode config) {
      this.config = config;
    }

    @Override
    public Object handleAsync(Payload payload, AsyncContext context) {
      return Map.of();
    }
  }

  /** Asks for the config as a raw map. */
  @SuppressWarnings("rawtypes")
  public static final class RawMap implements Task {
    final Map config;

    public RawMap(Map config) {
      this.config = config;
    }

    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  /** Asks for the config as {@code Map<String, ?>}. */
  public static final class WildcardMap implements Task {
    final Map<String, ?> config;

    public WildcardMap(Map<String, ?> config) {
      this.config = config;
    }

    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  /** Binds the config to a POJO. */
  public static final class Pojo implements Task {
    final PojoSettings settings;

    public Pojo(PojoSettings settings) {
      this.settings = settings;
    }

    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  /** A record handler. */
  public record RecordTask(Map<String, Object> config, MetricsClient metrics) implements Task {
    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  /** A constructor that throws. */
  public static final class Throwing implements BatchHandler {
    public Throwing(Map<String, Object> config) {
      throw new IllegalStateException("no bucket configured");
    }

    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  /** A constructor that throws an exception without message. */
  public static final class ThrowingSilently implements Task {
    public ThrowingSilently() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  private HandlerInit.Builder init() {
    return HandlerInit.builder().config(CONFIG).jobSpec(SPEC).metrics(metrics).projectFiles(files).client(client);
  }

  @Test
  void passesEveryBatchArgumentToItsParameter() throws Exception {
    BatchHandler handler = Handlers.batch(Everything.class).create(init().build());

    Everything everything = (Everything) handler;
    assertThat(everything.config).isEqualTo(CONFIG);
    assertThat(everything.spec).isSameAs(SPEC);
    assertThat(everything.metrics).isSameAs(metrics);
    assertThat(everything.files).isSameAs(files);
    assertThat(everything.client).isSameAs(client);
  }

  @Test
  void passesTheConfigAsAnUnmodifiableMap() throws Exception {
    Everything handler = (Everything) Handlers.batch(Everything.class).create(init().build());

    assertThatThrownBy(() -> handler.config.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void matchesParametersByTypeInAnyOrder() throws Exception {
    Reordered handler = (Reordered) Handlers.batch(Reordered.class).create(init().build());

    assertThat(handler.client).isSameAs(client);
    assertThat(handler.settings).isEqualTo(new Settings("images", 3));
  }

  @Test
  void buildsAClassThatAsksForNothing() throws Exception {
    assertThat(Handlers.task(Nothing.class).create(init().build())).isInstanceOf(Nothing.class);
  }

  @Test
  void passesTheConfigAsAJsonTree() throws Exception {
    Tree handler = (Tree) Handlers.async(Tree.class).create(init().jobSpec(null).build());

    assertThat(handler.config).isEqualTo(new ObjectMapper().valueToTree(CONFIG));
  }

  @Test
  void passesTheConfigAsAFreshObjectNodeEachTime() throws Exception {
    HandlerFactory<AsyncHandler> factory = Handlers.async(ObjectTree.class);
    HandlerInit init = init().build();
    ObjectTree first = (ObjectTree) factory.create(init);
    first.config.put("bucket", "changed");

    ObjectTree second = (ObjectTree) factory.create(init);

    assertThat(second.config.get("bucket").asText()).isEqualTo("images");
  }

  @Test
  void passesTheConfigToARawMap() throws Exception {
    RawMap task = (RawMap) Handlers.task(RawMap.class).create(init().build());

    assertThat((Object) task.config).isEqualTo(CONFIG);
  }

  @Test
  void passesTheConfigToAWildcardMap() throws Exception {
    WildcardMap task = (WildcardMap) Handlers.task(WildcardMap.class).create(init().build());

    assertThat(task.config).isEqualTo(CONFIG);
  }

  @Test
  void bindsTheConfigToAPojo() throws Exception {
    Pojo task = (Pojo) Handlers.task(Pojo.class).create(init().build());

    assertThat(task.settings.getBucket()).isEqualTo("images");
    assertThat(task.settings.getThreshold()).isEqualTo(3);
  }

  @Test
  void buildsARecordHandler() throws Exception {
    RecordTask task = (RecordTask) Handlers.task(RecordTask.class).create(init().build());

    assertThat(task).isEqualTo(new RecordTask(CONFIG, metrics));
  }

  @Test
  void bindsWithTheRuntimesObjectMapper() throws Exception {
    ObjectMapper lenient =
        new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Map<String, Object> config = Map.of("bucket", "b", "threshold", 1, "extra", true);

    Reordered handler =
        (Reordered) Handlers.batch(Reordered.class).create(init().config(config).objectMapper(lenient).build());

    assertThat(handler.settings).isEqualTo(new Settings("b", 1));
  }

  @Test
  void reportsAConfigThatDoesNotBindWithThePathAtFault() {
    HandlerInit init = init().config(Map.of("bucket", "b", "threshold", "high")).build();

    assertThatThrownBy(() -> Handlers.batch(Reordered.class).create(init))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.invalid_config")
        .hasMessage(
            "handler class io.github.cortexj.core.ConstructorInjectionTest$Reordered: constructor"
                + " Reordered(CortexClient client, Settings settings): parameter 1 \"settings\" of type"
                + " io.github.cortexj.core.ConstructorInjectionTest$Settings cannot be bound from the config: at"
                + " \"threshold\": Cannot deserialize value of type `int` from String \"high\": not a valid `int`"
                + " value");
  }

  @Test
  void reportsAnUnknownConfigKeyWithTheDefaultMapper() {
    HandlerInit init = init().config(Map.of("bucket", "b", "threshold", 1, "extra", true)).build();

    assertThatThrownBy(() -> Handlers.batch(Reordered.class).create(init))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessageContaining("parameter 1 \"settings\"")
        .hasMessageContaining("at \"extra\": Unrecognized field \"extra\"");
  }

  @Test
  void wrapsAConstructorExceptionNamingClassAndConstructor() {
    assertThatThrownBy(() -> Handlers.batch(Throwing.class).create(init().build()))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", "handler.constructor_failed")
        .hasMessage(
            "handler class io.github.cortexj.core.ConstructorInjectionTest$Throwing: constructor"
                + " Throwing(Map<String, Object> config) threw java.lang.IllegalStateException: no bucket configured")
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no bucket configured");
  }

  @Test
  void wrapsAConstructorExceptionWithoutMessage() {
    assertThatThrownBy(() -> Handlers.task(ThrowingSilently.class).create(init().build()))
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessage(
            "handler class io.github.cortexj.core.ConstructorInjectionTest$ThrowingSilently: constructor"
                + " ThrowingSilently() threw java.lang.UnsupportedOperationException");
  }

  @Test
  void validatesTheClassWhenTheFactoryIsCreatedNotWhenItIsUsed() {
    // Throwing's signature is valid, so creating its factory must not call the constructor.
    HandlerFactory<BatchHandler> factory = Handlers.batch(Throwing.class);

    assertThat(factory.toString())
        .isEqualTo(
            "HandlerFactory[handler class io.github.cortexj.core.ConstructorInjectionTest$Throwing: constructor"
                + " Throwing(Map<String, Object> config)]");
  }

  @Test
  void buildsANewHandlerEachTime() throws Exception {
    HandlerFactory<Task> factory = Handlers.task(Nothing.class);
    HandlerInit init = init().build();

    assertThat(factory.create(init)).isNotSameAs(factory.create(init));
  }
}
