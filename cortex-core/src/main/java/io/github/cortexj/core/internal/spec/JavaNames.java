package io.github.cortexj.core.internal.spec;

import java.util.Set;

/**
 * Checks Java binary class names ({@code com.example.Handler}, {@code com.example.Outer$Inner}) in the form
 * {@code Class.forName} accepts. Whether the class exists is checked later, when the runtime loads it. Stateless
 * and thread safe.
 */
public final class JavaNames {

  private static final Set<String> RESERVED =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
          "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
          "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
          "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
          "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
          "true", "false", "null", "_");

  private JavaNames() {}

  /**
   * Tells whether a text is a Java binary class name: dot-separated identifiers that are not keywords.
   *
   * @param name the text
   * @return whether it is a binary name
   */
  public static boolean isBinaryName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isIdentifier(part)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String part) {
    if (part.isEmpty() || RESERVED.contains(part) || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
      return false;
    }
    return part.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart)
        && part.codePoints().noneMatch(Character::isIdentifierIgnorable);
  }
}
