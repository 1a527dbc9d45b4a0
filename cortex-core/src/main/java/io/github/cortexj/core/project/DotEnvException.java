package io.github.cortexj.core.project;

/**
 * A {@code .env} file uses something the parser does not support because Cortex's bash would execute or expand it
 * ({@code $(...)}, backticks, {@code $VAR}, {@code A = b}, an unquoted value with inner spaces, ...), or is
 * malformed (an invalid name, an unterminated quote). The message starts with {@code .env:<line>:} and names the
 * construct; cortex-java never runs commands from a project file.
 */
public final class DotEnvException extends ProjectException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final String construct;

  /**
   * Creates an exception.
   *
   * @param line the 1-based line of {@code .env} where the construct starts
   * @param construct a short name of the construct, for example {@code command substitution $(...)}
   * @param detail what to do about it, appended to the message
   */
  public DotEnvException(int line, String construct, String detail) {
    super(INVALID_ENV, ".env:" + line + ": " + construct + (detail.isEmpty() ? "" : ": " + detail));
    this.line = line;
    this.construct = construct;
  }

  /**
   * Returns the 1-based line of {@code .env} where the offending construct starts.
   *
   * @return the line number
   */
  public int line() {
    return line;
  }

  /**
   * Returns the short name of the offending construct, for example {@code variable expansion $VAR}.
   *
   * @return the construct, never {@code null}
   */
  public String construct() {
    return construct;
  }
}
