package io.github.cortexj.core.internal.handler;

import static io.github.cortexj.core.HandlerDefinitionException.AMBIGUOUS_CONSTRUCTOR;
import static io.github.cortexj.core.HandlerDefinitionException.DUPLICATE_PARAMETER;
import static io.github.cortexj.core.HandlerDefinitionException.INVALID_CLASS;
import static io.github.cortexj.core.HandlerDefinitionException.NO_PUBLIC_CONSTRUCTOR;
import static io.github.cortexj.core.HandlerDefinitionException.UNSUPPORTED_PARAMETER;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.github.cortexj.core.AsyncHandler;
import io.github.cortexj.core.BatchHandler;
import io.github.cortexj.core.CortexClient;
import io.github.cortexj.core.HandlerDefinitionException;
import io.github.cortexj.core.HandlerInit;
import io.github.cortexj.core.JobSpec;
import io.github.cortexj.core.JobSummary;
import io.github.cortexj.core.PartialBatchFailure;
import io.github.cortexj.core.ProjectFiles;
import io.github.cortexj.core.Task;
import io.github.cortexj.core.TypedBatchHandler;
import io.github.cortexj.core.metrics.MetricsClient;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a class can be a handler of a given kind and decides what its constructor receives: the Java
 * mirror of Cortex's signature validation (reference §5.2). Every problem is a
 * {@link HandlerDefinitionException} naming the class, the constructor and the parameter at fault. Stateless and
 * thread safe.
 */
public final class HandlerClassInspector {

  /** Package prefixes of types that are never a config record or POJO. */
  private static final List<String> FOREIGN_PACKAGES =
      List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "com.fasterxml.jackson.");

  /** Types of this library that are values but never the config. */
  private static final Set<Class<?>> NOT_CONFIG =
      Set.of(
          HandlerInit.class,
          JobSummary.class,
          JobSpec.DeadLetterQueue.class,
          PartialBatchFailure.FailedItem.class);

  private HandlerClassInspector() {}

  /**
   * Inspects a class.
   *
   * @param handlerClass the class
   * @param kind the kind of handler it must be
   * @return the plan for building it
   * @throws HandlerDefinitionException when it cannot be a handler of that kind
   */
  public static ConstructorPlan inspect(Class<?> handlerClass, HandlerKind kind) {
    checkClass(handlerClass, kind);
    JavaType itemType = kind == HandlerKind.BATCH ? itemTypeOf(handlerClass) : null;
    Constructor<?> constructor = singlePublicConstructor(handlerClass);
    Parameter[] parameters = constructor.getParameters();
    Type[] types = constructor.getGenericParameterTypes();
    List<InjectedParameter> injected = new ArrayList<>(parameters.length);
    Map<InjectedParameter.Role, Integer> roles = new EnumMap<>(InjectedParameter.Role.class);
    for (int i = 0; i < parameters.length; i++) {
      Type type = types.length == parameters.length ? types[i] : parameters[i].getType();
      String where = TypeNames.parameterOf(handlerClass, constructor, i);
      InjectedParameter parameter = classify(type, kind, where);
      Integer earlier = roles.putIfAbsent(parameter.role(), i);
      if (earlier != null) {
        throw new HandlerDefinitionException(
            DUPLICATE_PARAMETER,
            where
                + " asks for "
                + parameter.role().description()
                + " again (parameter "
                + earlier
                + " \""
                + parameters[earlier].getName()
                + "\" already does); declare each at most once");
      }
      injected.add(parameter);
    }
    return new ConstructorPlan(handlerClass, constructor, injected, itemType);
  }

  private static void checkClass(Class<?> handlerClass, HandlerKind kind) {
    String name = "handler class " + handlerClass.getName();
    if (handlerClass.isInterface() || handlerClass.isAnnotation()) {
      throw new HandlerDefinitionException(INVALID_CLASS, name + " is an interface; a handler must be a class");
    }
    if (handlerClass.isPrimitive() || handlerClass.isArray()) {
      throw new HandlerDefinitionException(INVALID_CLASS, name + " is not a class");
    }
    if (Modifier.isAbstract(handlerClass.getModifiers())) {
      throw new HandlerDefinitionException(
          INVALID_CLASS, name + " is abstract; a handler must be a concrete class");
    }
    if (handlerClass.isAnonymousClass() || handlerClass.isLocalClass()) {
      throw new HandlerDefinitionException(
          INVALID_CLASS,
          name + " is a local or anonymous class; declare it as a top-level or static nested class");
    }
    if (handlerClass.isMemberClass() && !Modifier.isStatic(handlerClass.getModifiers())) {
      throw new HandlerDefinitionException(
          INVALID_CLASS, name + " is a non-static inner class; declare it static");
    }
    if (!Modifier.isPublic(handlerClass.getModifiers())) {
      throw new HandlerDefinitionException(INVALID_CLASS, name + " is not public; declare it public");
    }
    for (Class<?> outer = handlerClass.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      if (!Modifier.isPublic(outer.getModifiers())) {
        throw new HandlerDefinitionException(
            INVALID_CLASS,
            name + " is nested in class " + outer.getName() + ", which is not public; declare it public");
      }
    }
    boolean matches =
        switch (kind) {
          case BATCH -> BatchHandler.class.isAssignableFrom(handlerClass)
              || TypedBatchHandler.class.isAssignableFrom(handlerClass);
          case ASYNC -> AsyncHandler.class.isAssignableFrom(handlerClass);
          case TASK -> Task.class.isAssignableFrom(handlerClass);
        };
    if (!matches) {
      throw new HandlerDefinitionException(
          INVALID_CLASS, name + " does not implement " + kind.expectedInterfaces());
    }
    if (kind == HandlerKind.BATCH
        && BatchHandler.class.isAssignableFrom(handlerClass)
        && TypedBatchHandler.class.isAssignableFrom(handlerClass)) {
      throw new HandlerDefinitionException(
          INVALID_CLASS, name + " implements both BatchHandler and TypedBatchHandler; implement only one");
    }
  }

  private static @Nullable JavaType itemTypeOf(Class<?> handlerClass) {
    if (!TypedBatchHandler.class.isAssignableFrom(handlerClass)) {
      return null;
    }
    JavaType[] found = TypeFactory.defaultInstance()
            .findTypeParameters(TypeFactory.defaultInstance().constructType(handlerClass), TypedBatchHandler.class);
    if (found == null || found.length != 1 || found[0].hasRawClass(Object.class)) {
      throw new HandlerDefinitionException(
          INVALID_CLASS,
          "handler class "
              + handlerClass.getName()
              + " implements TypedBatchHandler without a concrete item type; declare one, for example"
              + " \"implements TypedBatchHandler<MyItem>\", or implement BatchHandler for raw JSON items");
    }
    return found[0];
  }

  private static Constructor<?> singlePublicConstructor(Class<?> handlerClass) {
    Constructor<?>[] constructors = handlerClass.getConstructors();
    if (constructors.length == 0) {
      throw new HandlerDefinitionException(
          NO_PUBLIC_CONSTRUCTOR, "handler class " + handlerClass.getName() + " has no public constructor");
    }
    if (constructors.length > 1) {
      throw new HandlerDefinitionException(
          AMBIGUOUS_CONSTRUCTOR,
          "handler class "
              + handlerClass.getName()
              + " has "
              + constructors.length
              + " public constructors, expected exactly one: "
              + Arrays.stream(constructors).map(TypeNames::constructor).sorted().collect(Collectors.joining(", ")));
    }
    return constructors[0];
  }

  private static InjectedParameter classify(Type type, HandlerKind kind, String where) {
    Class<?> raw = rawClass(type);
    if (raw == Map.class) {
      if (isConfigMap(type)) {
        return new InjectedParameter.ConfigMap();
      }
      throw unsupported(type, kind, where);
    }
    if (raw == JsonNode.class || raw == ObjectNode.class) {
      return new InjectedParameter.ConfigTree();
    }
    if (raw == JobSpec.class) {
      if (!kind.receivesJobSpec()) {
        throw new HandlerDefinitionException(
            UNSUPPORTED_PARAMETER, where + " has type JobSpec, which only batch handlers receive");
      }
      return new InjectedParameter.JobSpecParameter();
    }
    if (raw == MetricsClient.class) {
      return new InjectedParameter.Metrics();
    }
    if (raw == ProjectFiles.class) {
      return new InjectedParameter.ProjectFilesParameter();
    }
    if (raw == CortexClient.class) {
      return new InjectedParameter.Client();
    }
    if (raw != null && isConfigBean(raw)) {
      return new InjectedParameter.ConfigBean(type);
    }
    throw unsupported(type, kind, where);
  }

  private static @Nullable Class<?> rawClass(Type type) {
    if (type instanceof Class<?> cls) {
      return cls;
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> cls) {
      return cls;
    }
    return null;
  }

  /** {@code Map}, {@code Map<String, Object>} or {@code Map<String, ?>}. */
  private static boolean isConfigMap(Type type) {
    if (type instanceof Class<?>) {
      return true;
    }
    Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
    return arguments.length == 2 && arguments[0] == String.class && isObjectOrUnbounded(arguments[1]);
  }

  private static boolean isObjectOrUnbounded(Type type) {
    if (type == Object.class) {
      return true;
    }
    return type instanceof WildcardType wildcard
        && wildcard.getLowerBounds().length == 0
        && Arrays.equals(wildcard.getUpperBounds(), new Type[] {Object.class});
  }

  private static boolean isConfigBean(Class<?> raw) {
    if (raw.isPrimitive()
        || raw.isArray()
        || raw.isInterface()
        || raw.isEnum()
        || Modifier.isAbstract(raw.getModifiers())
        || raw.isAnonymousClass()
        || raw.isLocalClass()
        || (raw.isMemberClass() && !Modifier.isStatic(raw.getModifiers()))
        || Throwable.class.isAssignableFrom(raw)
        || NOT_CONFIG.contains(raw)) {
      return false;
    }
    String name = raw.getName();
    return FOREIGN_PACKAGES.stream().noneMatch(name::startsWith);
  }

  private static HandlerDefinitionException unsupported(Type type, HandlerKind kind, String where) {
    return new HandlerDefinitionException(
        UNSUPPORTED_PARAMETER,
        where + " has unsupported type " + type.getTypeName() + " " + kind.supportedParameters());
  }
}
