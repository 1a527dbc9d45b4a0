package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cortexj.core.metrics.MetricsClient;
import io.github.cortexj.core.payload.Payload;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** What {@link Handlers} refuses when a factory is created, and the messages it gives. */
public class HandlerClassValidationTest {

  private static final String PREFIX = "handler class io.github.cortexj.core.HandlerClassValidationTest$";
  private static final String BATCH_SUPPORTED =
      "(supported: the config as Map, JsonNode or a record/POJO, JobSpec, MetricsClient, ProjectFiles,"
          + " CortexClient)";
  private static final String OTHER_SUPPORTED =
      "(supported: the config as Map, JsonNode or a record/POJO, MetricsClient, ProjectFiles, CortexClient)";

  /** Base of the batch fixtures. */
  public abstract static class NoOpBatch implements BatchHandler {
    @Override
    public void handleBatch(List<JsonNode> batch, BatchContext context) {}
  }

  /** Base of the async fixtures. */
  public abstract static class NoOpAsync implements AsyncHandler {
    @Override
    public Object handleAsync(Payload payload, AsyncContext context) {
      return Map.of();
    }
  }

  /** Base of the task fixtures. */
  public abstract static class NoOpTask implements Task {
    @Override
    public void run(Map<String, Object> config, TaskContext context) {}
  }

  /** The example of the design: an unsupported String parameter. */
  public static final class Bad extends NoOpBatch {
    public Bad(String name) {}
  }

  /** Two public constructors. */
  public static final class TwoConstructors extends NoOpBatch {
    public TwoConstructors() {}

    public TwoConstructors(Map<String, Object> config) {}
  }

  /** No public constructor. */
  public static final class PrivateConstructor extends NoOpBatch {
    private PrivateConstructor() {}
  }

  /** Not a handler at all. */
  public static final class NotAHandler {
    public NotAHandler() {}
  }

  /** A non-static inner class. */
  public class Inner extends NoOpBatch {
    public Inner() {}
  }

  /** A class that is not public. */
  static final class PackagePrivate extends NoOpBatch {
    public PackagePrivate() {}
  }

  /** A public class nested in a non-public one. */
  static final class Hidden {
    /** Public, but not reachable. */
    public static final class Nested extends NoOpBatch {
      public Nested() {}
    }
  }

  /** Both batch interfaces (possible only with JsonNode items, whose methods coincide). */
  public static final class Both extends NoOpBatch implements TypedBatchHandler<JsonNode> {
    public Both() {}

    @Override
    public void onJobComplete(JobSummary summary) {}
  }

  /** A typed handler whose item type is a type variable. */
  public static class Generic<T> implements TypedBatchHandler<T> {
    public Generic() {}

    @Override
    public void handleBatch(List<T> batch, BatchContext context) {}
  }

  /** A typed handler implemented raw. */
  @SuppressWarnings("rawtypes")
  public static final class Raw implements TypedBatchHandler {
    public Raw() {}

    @Override
    public void handleBatch(List batch, BatchContext context) {}
  }

  /** The config asked for twice. */
  public static final class ConfigTwice extends NoOpBatch {
    public ConfigTwice(Map<String, Object> config, JsonNode tree) {}
  }

  /** The metrics client asked for twice. */
  public static final class MetricsTwice extends NoOpBatch {
    public MetricsTwice(MetricsClient first, ProjectFiles files, MetricsClient second) {}
  }

  /** A map that is not the config's type. */
  public static final class StringMap extends NoOpBatch {
    public StringMap(Map<String, String> config) {}
  }

  /** A JDK enum. */
  public static final class EnumParameter extends NoOpBatch {
    public EnumParameter(TimeUnit unit) {}
  }

  /** An interface that is not one of ours. */
  public static final class RunnableParameter extends NoOpBatch {
    public RunnableParameter(Runnable runnable) {}
  }

  /** Our own init type, which is never bound from the config. */
  public static final class InitParameter extends NoOpBatch {
    public InitParameter(HandlerInit init) {}
  }

  /** A primitive. */
  public static final class IntParameter extends NoOpTask {
    public IntParameter(int workers) {}
  }

  /** An async handler asking for the job spec. */
  public static final class AsyncWithJobSpec extends NoOpAsync {
    public AsyncWithJobSpec(MetricsClient metrics, JobSpec spec) {}
  }

  /** A task asking for the job spec. */
  public static final class TaskWithJobSpec extends NoOpTask {
    public TaskWithJobSpec(JobSpec jobSpec) {}
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Runnable create, String kind) {
    return assertThatThrownBy(create::run)
        .isInstanceOf(HandlerDefinitionException.class)
        .hasFieldOrPropertyWithValue("kind", kind);
  }

  @Test
  void namesTheClassConstructorAndParameterOfAnUnsupportedType() {
    assertRefused(() -> Handlers.batch(Bad.class), "handler.unsupported_parameter")
        .hasMessage(
            PREFIX
                + "Bad: constructor Bad(String name): parameter 0 \"name\" has unsupported type java.lang.String "
                + BATCH_SUPPORTED);
  }

  @Test
  void listsWhatAsyncHandlersMayReceiveWithoutTheJobSpec() {
    assertRefused(() -> Handlers.task(IntParameter.class), "handler.unsupported_parameter")
        .hasMessage(
            PREFIX
                + "IntParameter: constructor IntParameter(int workers): parameter 0 \"workers\" has unsupported type"
                + " int "
                + OTHER_SUPPORTED);
  }

  @Test
  void refusesSeveralPublicConstructorsListingThem() {
    assertRefused(() -> Handlers.batch(TwoConstructors.class), "handler.ambiguous_constructor")
        .hasMessage(
            PREFIX
                + "TwoConstructors has 2 public constructors, expected exactly one: TwoConstructors(),"
                + " TwoConstructors(Map<String, Object> config)");
  }

  @Test
  void refusesAClassWithoutPublicConstructor() {
    assertRefused(() -> Handlers.batch(PrivateConstructor.class), "handler.no_public_constructor")
        .hasMessage(PREFIX + "PrivateConstructor has no public constructor");
  }

  @Test
  void refusesAClassThatIsNotABatchHandler() {
    assertRefused(() -> Handlers.batch(NotAHandler.class), "handler.invalid_class")
        .hasMessage(
            PREFIX
                + "NotAHandler does not implement io.github.cortexj.core.BatchHandler or"
                + " io.github.cortexj.core.TypedBatchHandler");
  }

  @Test
  void refusesABatchHandlerDeclaredAsAsync() {
    assertRefused(() -> Handlers.async(Bad.class), "handler.invalid_class")
        .hasMessage(PREFIX + "Bad does not implement io.github.cortexj.core.AsyncHandler");
  }

  @Test
  void refusesAnAsyncHandlerDeclaredAsTask() {
    assertRefused(() -> Handlers.task(AsyncWithJobSpec.class), "handler.invalid_class")
        .hasMessage(PREFIX + "AsyncWithJobSpec does not implement io.github.cortexj.core.Task");
  }

  @Test
  void refusesAnAbstractClass() {
    assertRefused(() -> Handlers.batch(NoOpBatch.class), "handler.invalid_class")
        .hasMessage(PREFIX + "NoOpBatch is abstract; a handler must be a concrete class");
  }

  @Test
  void refusesAnInterface() {
    assertRefused(() -> Handlers.batch(BatchHandler.class), "handler.invalid_class")
        .hasMessage("handler class io.github.cortexj.core.BatchHandler is an interface; a handler must be a class");
  }

  @Test
  void refusesANonStaticInnerClass() {
    assertRefused(() -> Handlers.batch(Inner.class), "handler.invalid_class")
        .hasMessage(PREFIX + "Inner is a non-static inner class; declare it static");
  }

  @Test
  void refusesANonPublicClass() {
    assertRefused(() -> Handlers.batch(PackagePrivate.class), "handler.invalid_class")
        .hasMessage(PREFIX + "PackagePrivate is not public; declare it public");
  }

  @Test
  void refusesAPublicClassNestedInANonPublicOne() {
    assertRefused(() -> Handlers.batch(Hidden.Nested.class), "handler.invalid_class")
        .hasMessage(
            PREFIX
                + "Hidden$Nested is nested in class io.github.cortexj.core.HandlerClassValidationTest$Hidden, which"
                + " is not public; declare it public");
  }

  @Test
  void refusesALocalClass() {
    final class Local extends NoOpBatch {}

    assertRefused(() -> Handlers.batch(Local.class), "handler.invalid_class")
        .hasMessage(
            PREFIX
                + "1Local is a local or anonymous class; declare it as a top-level or static nested class");
  }

  @Test
  void refusesAnAnonymousClass() {
    BatchHandler anonymous =
        new BatchHandler() {
          @Override
          public void handleBatch(List<JsonNode> batch, BatchContext context) {}
        };

    assertRefused(() -> Handlers.batch(anonymous.getClass()), "handler.invalid_class")
        .hasMessageEndingWith(" is a local or anonymous class; declare it as a top-level or static nested class");
  }

  @Test
  void refusesAClassImplementingBothBatchInterfaces() {
    assertRefused(() -> Handlers.batch(Both.class), "handler.invalid_class")
        .hasMessage(PREFIX + "Both implements both BatchHandler and TypedBatchHandler; implement only one");
  }

  @Test
  void refusesATypedHandlerWhoseItemTypeIsAVariable() {
    assertRefused(() -> Handlers.batch(Generic.class), "handler.invalid_class")
        .hasMessage(
            PREFIX
                + "Generic implements TypedBatchHandler without a concrete item type; declare one, for example"
                + " \"implements TypedBatchHandler<MyItem>\", or implement BatchHandler for raw JSON items");
  }

  @Test
  void refusesARawTypedHandler() {
    assertRefused(() -> Handlers.batch(Raw.class), "handler.invalid_class")
        .hasMessageStartingWith(PREFIX + "Raw implements TypedBatchHandler without a concrete item type");
  }

  @Test
  void refusesTheConfigTwice() {
    assertRefused(() -> Handlers.batch(ConfigTwice.class), "handler.duplicate_parameter")
        .hasMessage(
            PREFIX
                + "ConfigTwice: constructor ConfigTwice(Map<String, Object> config, JsonNode tree): parameter 1"
                + " \"tree\" asks for the config again (parameter 0 \"config\" already does); declare each at most"
                + " once");
  }

  @Test
  void refusesTheMetricsClientTwice() {
    assertRefused(() -> Handlers.batch(MetricsTwice.class), "handler.duplicate_parameter")
        .hasMessage(
            PREFIX
                + "MetricsTwice: constructor MetricsTwice(MetricsClient first, ProjectFiles files, MetricsClient"
                + " second): parameter 2 \"second\" asks for the MetricsClient again (parameter 0 \"first\" already"
                + " does); declare each at most once");
  }

  @Test
  void refusesAMapOfStrings() {
    assertRefused(() -> Handlers.batch(StringMap.class), "handler.unsupported_parameter")
        .hasMessage(
            PREFIX
                + "StringMap: constructor StringMap(Map<String, String> config): parameter 0 \"config\" has"
                + " unsupported type java.util.Map<java.lang.String, java.lang.String> "
                + BATCH_SUPPORTED);
  }

  @Test
  void refusesAJdkTypeAsConfig() {
    assertRefused(() -> Handlers.batch(EnumParameter.class), "handler.unsupported_parameter")
        .hasMessageContaining("has unsupported type java.util.concurrent.TimeUnit");
  }

  @Test
  void refusesAnInterfaceParameter() {
    assertRefused(() -> Handlers.batch(RunnableParameter.class), "handler.unsupported_parameter")
        .hasMessageContaining("parameter 0 \"runnable\" has unsupported type java.lang.Runnable");
  }

  @Test
  void refusesHandlerInitAsConfig() {
    assertRefused(() -> Handlers.batch(InitParameter.class), "handler.unsupported_parameter")
        .hasMessageContaining("has unsupported type io.github.cortexj.core.HandlerInit");
  }

  @Test
  void refusesTheJobSpecOnAnAsyncHandler() {
    assertRefused(() -> Handlers.async(AsyncWithJobSpec.class), "handler.unsupported_parameter")
        .hasMessage(
            PREFIX
                + "AsyncWithJobSpec: constructor AsyncWithJobSpec(MetricsClient metrics, JobSpec spec): parameter 1"
                + " \"spec\" has type JobSpec, which only batch handlers receive");
  }

  @Test
  void refusesTheJobSpecOnATask() {
    assertRefused(() -> Handlers.task(TaskWithJobSpec.class), "handler.unsupported_parameter")
        .hasMessage(
            PREFIX
                + "TaskWithJobSpec: constructor TaskWithJobSpec(JobSpec jobSpec): parameter 0 \"jobSpec\" has type"
                + " JobSpec, which only batch handlers receive");
  }
}
