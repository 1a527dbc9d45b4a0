package io.github.cortexj.server.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cortexj.core.env.CliConfig;
import io.github.cortexj.core.env.Environment;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cortex env list [-o pretty|json]}: prints the environments, as a table or in the JSON shape Cortex's
 * Python client reads: {@code {"default_environment": ..., "environments": [{"name": ..., "operator_endpoint":
 * ...}]}}.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the configured environments; the default is marked.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "1:the config file is invalid or unreadable", "2:wrong usage"})
public final class EnvListCommand extends EnvSubcommand {

  /** The output formats, named as Cortex's CLI names them. */
  enum Format {
    pretty,
    json
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "pretty")
  Format output = Format.pretty;

  /** Creates the command; picocli fills in its options. */
  public EnvListCommand() {}

  @Override
  int execute() throws Exception {
    CliConfig config = configFile().load();
    print(output == Format.json ? json(config) : table(config));
    return 0;
  }

  private static String json(CliConfig config) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("default_environment", config.defaultEnvironment());
    ArrayNode environments = root.putArray("environments");
    for (Environment environment : config.environments()) {
      environments.addObject().put("name", environment.name()).put("operator_endpoint", environment.operatorEndpoint());
    }
    return JSON.writeValueAsString(root);
  }

  private static String table(CliConfig config) {
    List<String> names = new ArrayList<>();
    names.add("environment");
    for (Environment environment : config.environments()) {
      boolean isDefault = environment.name().equals(config.defaultEnvironment());
      names.add(shown(environment.name()) + (isDefault ? " (default)" : ""));
    }
    int width = names.stream().mapToInt(String::length).max().orElse(0) + 2;
    StringBuilder table = new StringBuilder(pad(names.get(0), width)).append("operator endpoint");
    for (int i = 0; i < config.environments().size(); i++) {
      table.append('\n').append(pad(names.get(i + 1), width)).append(config.environments().get(i).operatorEndpoint());
    }
    if (config.environments().isEmpty()) {
      table.append("\n(no environment configured)");
    }
    String defaultName = config.defaultEnvironment();
    if (defaultName != null && config.environments().stream().noneMatch(e -> e.name().equals(defaultName))) {
      // Cortex's CLI keeps such a default; every command that relies on it would then fail to find it.
      table
          .append("\n\nwarning: the default environment ")
          .append(shown(defaultName))
          .append(" is not configured; set another with `cortex env default <name>`");
    }
    return table.toString();
  }

  /** A name as the table shows it: quoted when it has a space or is empty, so that columns stay readable. */
  private static String shown(String name) {
    if (!name.isEmpty() && name.chars().noneMatch(Character::isWhitespace)) {
      return name;
    }
    try {
      return JSON.writeValueAsString(name);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string is always JSON", e);
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }
}
