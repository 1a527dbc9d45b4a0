package io.github.cortexj.core.project;

import io.github.cortexj.core.internal.project.DotEnvParser;
import java.util.Collections;
import java.util.Map;

/**
 * Reads a project's {@code .env} file without executing anything.
 *
 * <p>Cortex sources {@code .env} with bash ({@code set -a; source .env}), so it is really a shell script. This
 * parser supports the subset that only assigns variables and agrees with bash on it: blank lines, {@code #}
 * comments, an optional {@code export }, {@code KEY=VALUE} split on the first {@code =}, single-quoted parts taken
 * literally, double-quoted parts with bash's backslash escapes ({@code \$ \` \" \\} and line continuation), unquoted
 * words, and a {@code # comment} after the value. Anything bash would execute or expand ({@code $(...)}, backticks,
 * {@code $VAR} or {@code ${VAR}} outside single quotes, {@code A = b}, an unquoted value with inner spaces,
 * {@code ;}, redirections, {@code ~}) is a {@link DotEnvException} naming {@code .env:<line>} and the construct, as
 * are invalid names, unterminated quotes, carriage returns and NUL bytes.
 *
 * <p>Stateless and thread safe.
 */
public final class DotEnv {

  private DotEnv() {}

  /**
   * Parses the text of a {@code .env} file.
   *
   * @param text the file's content
   * @return the variables in file order; a variable assigned twice keeps its first position and its last value
   * @throws DotEnvException when the text uses a construct outside the supported subset
   */
  public static Map<String, String> parse(String text) {
    return Collections.unmodifiableMap(DotEnvParser.parse(text));
  }
}
