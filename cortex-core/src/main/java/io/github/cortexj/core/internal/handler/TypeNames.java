package io.github.cortexj.core.internal.handler;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Renders types and constructors the way a Java user wrote them, for error messages: {@code Map<String, Object>},
 * {@code Bad(String name)}. Stateless and thread safe.
 */
public final class TypeNames {

  private TypeNames() {}

  /**
   * Renders a type with simple names.
   *
   * @param type the type
   * @return for example {@code Map<String, Object>}
   */
  public static String simple(Type type) {
    if (type instanceof Class<?> cls) {
      return cls.getSimpleName();
    }
    if (type instanceof ParameterizedType parameterized) {
      return simple(parameterized.getRawType())
          + Arrays.stream(parameterized.getActualTypeArguments())
              .map(TypeNames::simple)
              .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof WildcardType wildcard) {
      if (wildcard.getLowerBounds().length > 0) {
        return "? super " + simple(wildcard.getLowerBounds()[0]);
      }
      Type[] upper = wildcard.getUpperBounds();
      return upper.length == 0 || upper[0] == Object.class ? "?" : "? extends " + simple(upper[0]);
    }
    if (type instanceof GenericArrayType array) {
      return simple(array.getGenericComponentType()) + "[]";
    }
    return type.getTypeName();
  }

  /**
   * Renders a constructor with its parameters' simple types and names.
   *
   * @param constructor the constructor
   * @return for example {@code Bad(String name)}
   */
  public static String constructor(Constructor<?> constructor) {
    Parameter[] parameters = constructor.getParameters();
    Type[] types = constructor.getGenericParameterTypes();
    StringBuilder text = new StringBuilder(constructor.getDeclaringClass().getSimpleName()).append('(');
    for (int i = 0; i < parameters.length; i++) {
      if (i > 0) {
        text.append(", ");
      }
      // Inner-class and enum constructors may report fewer generic types than parameters.
      Type type = types.length == parameters.length ? types[i] : parameters[i].getType();
      text.append(simple(type)).append(' ').append(parameters[i].getName());
    }
    return text.append(')').toString();
  }

  /**
   * Names a handler class and its constructor, as error messages start.
   *
   * @param handlerClass the class
   * @param constructor its constructor
   * @return for example {@code handler class com.example.Bad: constructor Bad(String name)}
   */
  public static String constructorOf(Class<?> handlerClass, Constructor<?> constructor) {
    return "handler class " + handlerClass.getName() + ": constructor " + constructor(constructor);
  }

  /**
   * Names a handler class, its constructor and one parameter, as error messages start.
   *
   * @param handlerClass the class
   * @param constructor its constructor
   * @param index the parameter's index
   * @return for example {@code handler class com.example.Bad: constructor Bad(String name): parameter 0 "name"}
   */
  public static String parameterOf(Class<?> handlerClass, Constructor<?> constructor, int index) {
    return constructorOf(handlerClass, constructor)
        + ": parameter "
        + index
        + " \""
        + constructor.getParameters()[index].getName()
        + "\"";
  }
}
