package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Differential test of {@link DotEnv} against bash: generated {@code .env} files within the supported subset are
 * sourced as Cortex's bootloader does ({@code set -a; source .env}) and the exported variables compared with what
 * the parser returns.
 */
class DotEnvDifferentialTest {

  /** Variables bash sets by itself. */
  private static final Set<String> BASH_OWN = Set.of("PWD", "OLDPWD", "SHLVL", "_");

  private static final List<String> KEYS = List.of("K_A", "K_B", "k_c", "_u", "V1", "LONG_NAME_2");

  private static final List<String> UNQUOTED =
      List.of("a", "Z", "09", "-", "_", ".", ",", ":", "/", "@", "%", "+", "=", "*", "?", "[x]", "{a,b}", "^", "!",
          "#", "a#b", "$/", "x$.", "é");

  private static final List<String> SINGLE_QUOTED =
      List.of("a", " ", "$HOME", "`ls`", "\"", "\\", "\\n", "\n", "#", ";", "$(x)", "!", "~", "\t");

  private static final List<String> DOUBLE_QUOTED =
      List.of("a", " ", "\\$", "\\\"", "\\\\", "\\`", "\\n", "\\x", "\\\n", "'", "#", ";", "\n", "$ ", "!", "~", "\t",
          "é", "x$/", "$.");

  @TempDir static Path dir;

  @BeforeAll
  static void requireBash() {
    assumeThat(GitIgnoreDifferentialTest.commandWorks("bash", "--version")).as("bash is installed").isTrue();
  }

  @Test
  void agreesWithBashOnGeneratedFilesOfTheSupportedSubset() {
    qt().withExamples(400)
        .withShrinkCycles(200)
        .forAll(envFiles())
        .checkAssert(
            text -> {
              Map<String, String> fromBash = sourceWithBash(text);
              assertThat(DotEnv.parse(text)).as("parsed .env %s", quoted(text)).isEqualTo(fromBash);
            });
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  private static Gen<String> envFiles() {
    Gen<String> assignment =
        Generate.oneOf(assignments(List.of("", "", "  ", "\t"), UNQUOTED), assignments(
            List.of("export ", "export\t "),
            UNQUOTED.stream().filter(token -> !token.contains("{")).collect(java.util.stream.Collectors.toList())));
    Gen<String> other = Generate.pick(List.of("", "# a comment", "   ", "  # indented $(comment)", "#"));
    Gen<String> line = Generate.frequency(
        org.quicktheories.api.Pair.of(5, assignment), org.quicktheories.api.Pair.of(1, other));
    return lists().of(line).ofSizeBetween(1, 6).map(lines -> String.join("\n", lines) + "\n");
  }

  /** Assignments with the given prefixes; brace tokens only where bash does not brace-expand (no export). */
  private static Gen<String> assignments(List<String> prefixes, List<String> unquotedTokens) {
    Gen<String> unquoted = lists().of(Generate.pick(unquotedTokens)).ofSizeBetween(1, 3).map(p -> String.join("", p));
    Gen<String> single =
        lists().of(Generate.pick(SINGLE_QUOTED)).ofSizeBetween(0, 3).map(p -> "'" + String.join("", p) + "'");
    Gen<String> dbl =
        lists().of(Generate.pick(DOUBLE_QUOTED)).ofSizeBetween(0, 3).map(p -> "\"" + String.join("", p) + "\"");
    Gen<String> part = Generate.oneOf(unquoted, single, dbl);
    Gen<String> value = lists().of(part).ofSizeBetween(0, 3).map(DotEnvDifferentialTest::joinParts);
    return Generate.pick(prefixes)
        .zip(
            Generate.pick(KEYS),
            value,
            Generate.pick(List.of("", "", " ", "\t", " # comment", "  #c $(x)")),
            (indent, key, v, tail) -> indent + key + "=" + v + tail);
  }

  /** Joins value parts; an unquoted part must not start with '#' after nothing (it would still be a word). */
  private static String joinParts(List<String> parts) {
    return String.join("", parts);
  }

  private static Map<String, String> sourceWithBash(String text) {
    try {
      Path file = dir.resolve(".env");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder("env", "-i", "bash", "-c", "set -a; source ./.env; set +a; env -0")
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("bash exit status for %s", quoted(text)).isZero();
      Map<String, String> variables = new HashMap<>();
      for (String entry : new String(output, StandardCharsets.UTF_8).split("\0")) {
        if (entry.isEmpty()) {
          continue;
        }
        int eq = entry.indexOf('=');
        String name = entry.substring(0, eq);
        if (!BASH_OWN.contains(name)) {
          variables.put(name, entry.substring(eq + 1));
        }
      }
      return variables;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
