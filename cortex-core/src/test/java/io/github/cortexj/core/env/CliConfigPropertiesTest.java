package io.github.cortexj.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.internal.env.CliConfigYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** Properties of cli.yaml reading and writing over generated configs and generated near-YAML text. */
class CliConfigPropertiesTest {

  /** Characters names are made of: YAML indicators, quotes, whitespace and non-ASCII included. */
  private static final String NAME_CHARACTERS =
      "abcxyzABC0189-_ .:#'\"\\{}[],&*!|>%@`?éß日\u00a0\t";

  /** Whole names that a YAML reader would take for something other than a string if written bare. */
  private static final List<String> TRICKY_NAMES =
      List.of("null", "~", "true", "no", "yes", "1", "0x1F", "1e3", ".inf", "-", "- a", "? x", "a: b", "#c", "'q'");

  private static final List<String> TOKENS =
      List.of(
          "default_environment", "environments", "name", "operator_endpoint", "provider", "telemetry", "aws", "gcp",
          "local", "https://x.io", "prod", ":", ": ", "-", "- ", " ", "  ", "\n", "\n  ", "\n    ", "[", "]", "{",
          "}", ",", "'", "\"", "&a ", "*a", "!!binary ", "!!int ", "!!map ", "!foo ", "null", "~", "true", "12",
          "\t", "#", "|", ">", "%YAML 1.1\n", "---\n", "...\n", "? ", "\\", "\u00e9", "\ud83d\ude00", "<<: *a",
          "\u0000", "\u0085", "\ufeff");

  private static Gen<String> names() {
    return source -> {
      if (Generate.range(0, 4).generate(source) == 0) {
        return TRICKY_NAMES.get(Generate.range(0, TRICKY_NAMES.size() - 1).generate(source));
      }
      int length = Generate.range(1, 63).generate(source);
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < length; i++) {
        name.append(NAME_CHARACTERS.charAt(Generate.range(0, NAME_CHARACTERS.length() - 1).generate(source)));
      }
      return name.toString();
    };
  }

  private static String endpoint(RandomnessSource source) {
    int choice = Generate.range(0, 3).generate(source);
    if (choice == 0) {
      return "local";
    }
    String host = "h" + Generate.range(0, 99999).generate(source) + (choice == 1 ? ".example.com" : "");
    String port = Generate.booleans().generate(source) ? ":" + Generate.range(1, 65535).generate(source) : "";
    String path = choice == 3 ? "/p/" + Generate.range(0, 9).generate(source) : "";
    return (Generate.booleans().generate(source) ? "https://" : "http://") + host + port + path;
  }

  private static Map<String, JsonNode> otherFields(RandomnessSource source, Set<String> reserved) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    int count = Generate.range(0, 2).generate(source);
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    for (int i = 0; i < count; i++) {
      String key = "k" + Generate.range(0, 20).generate(source);
      if (reserved.contains(key)) {
        continue;
      }
      JsonNode value =
          switch (Generate.range(0, 4).generate(source)) {
            case 0 -> nodes.booleanNode(Generate.booleans().generate(source));
            case 1 -> nodes.numberNode(Generate.range(-1000, 1000).generate(source));
            case 2 -> nodes.textNode(names().generate(source));
            case 3 -> nodes.nullNode();
            default -> {
              ObjectNode nested = nodes.objectNode();
              nested.put("x", names().generate(source));
              nested.putArray("l").add(1).add("two");
              yield nested;
            }
          };
      fields.put(key, value);
    }
    return fields;
  }

  private static Gen<CliConfig> configs() {
    return source -> {
      int count = Generate.range(0, 5).generate(source);
      Set<String> names = new LinkedHashSet<>();
      List<Environment> environments = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = names().generate(source);
        if (names.add(name)) {
          environments.add(new Environment(name, endpoint(source), otherFields(source, Set.of())));
        }
      }
      String defaultEnvironment =
          switch (Generate.range(0, 2).generate(source)) {
            case 0 -> null;
            case 1 -> environments.isEmpty() ? null : environments.get(0).name();
            default -> names().generate(source);
          };
      Map<String, JsonNode> others = otherFields(source, Set.of());
      if (Generate.booleans().generate(source)) {
        others.put("telemetry", JsonNodeFactory.instance.booleanNode(Generate.booleans().generate(source)));
      }
      return new CliConfig(defaultEnvironment, environments, others);
    };
  }

  @Test
  void anyValidConfigReadsBackEqualAfterWriting() {
    qt().withExamples(500)
        .forAll(configs())
        .checkAssert(config -> assertThat(CliConfigYaml.parse(CliConfigYaml.write(config), "cli.yaml")).isEqualTo(config));
  }

  @Test
  void writingIsStableAfterOneRoundTrip() {
    qt().withExamples(200)
        .forAll(configs())
        .checkAssert(
            config -> {
              String once = CliConfigYaml.write(config);
              assertThat(CliConfigYaml.write(CliConfigYaml.parse(once, "cli.yaml"))).isEqualTo(once);
            });
  }

  @Test
  void arbitraryYamlLikeTextEitherParsesOrFailsWithTheTypedException() {
    Gen<String> text =
        source -> {
          int length = Generate.range(0, 40).generate(source);
          StringBuilder yaml = new StringBuilder();
          for (int i = 0; i < length; i++) {
            yaml.append(TOKENS.get(Generate.range(0, TOKENS.size() - 1).generate(source)));
          }
          return yaml.toString();
        };
    qt().withExamples(3000).forAll(text).checkAssert(CliConfigPropertiesTest::parsesOrFailsTyped);
  }

  @Test
  void mutatedValidFilesEitherParseOrFailWithTheTypedException() {
    qt().withExamples(1000)
        .forAll(configs(), Generate.range(0, 10_000), TokensGen.token(), Generate.range(0, 3))
        .checkAssert(
            (config, position, token, how) -> {
              String yaml = CliConfigYaml.write(config);
              int at = yaml.isEmpty() ? 0 : position % yaml.length();
              String mutated =
                  switch (how) {
                    case 0 -> yaml.substring(0, at) + token + yaml.substring(at);
                    case 1 -> yaml.substring(0, at);
                    case 2 -> yaml.substring(0, at) + yaml.substring(Math.min(yaml.length(), at + token.length()));
                    default -> yaml.replace("operator_endpoint", token);
                  };
              parsesOrFailsTyped(mutated);
            });
  }

  private static void parsesOrFailsTyped(String yaml) {
    try {
      CliConfigYaml.parse(yaml, "cli.yaml");
    } catch (CliConfigException expected) {
      assertThat(expected.getMessage()).startsWith("cli.yaml: ");
    } catch (Throwable unexpected) {
      throw new AssertionError("parse threw " + unexpected + " for:\n" + yaml, unexpected);
    }
  }

  /** One token of {@link #TOKENS}. */
  private static final class TokensGen {
    static Gen<String> token() {
      return source -> TOKENS.get(Generate.range(0, TOKENS.size() - 1).generate(source));
    }
  }
}
