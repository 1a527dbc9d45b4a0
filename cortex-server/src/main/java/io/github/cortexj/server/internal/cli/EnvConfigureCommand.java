package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.env.CliConfig;
import io.github.cortexj.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cortex env configure NAME --operator-endpoint URL}: adds an environment, or changes the endpoint of an
 * existing one (keeping its other keys). The first environment of a config without a default becomes the default.
 */
@Command(
    name = "configure",
    mixinStandardHelpOptions = true,
    description = "Add an environment, or change the operator endpoint of an existing one.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:configured", "1:the name or endpoint is invalid, or the file cannot be read or written",
      "2:wrong usage"})
public final class EnvConfigureCommand extends EnvSubcommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The environment's name (at most 63 characters).")
  String name = "";

  @Option(
      names = {"-o", "--operator-endpoint"},
      required = true,
      paramLabel = "URL",
      description = "The cluster's operator URL (https:// when no scheme is given), or 'local' for an embedded cluster.")
  String operatorEndpoint = "";

  /** Creates the command; picocli fills in its arguments. */
  public EnvConfigureCommand() {}

  @Override
  int execute() {
    String previousDefault = configFile().load().defaultEnvironment();
    CliConfig saved =
        configFile()
            .update(
                config -> {
                  Environment updated =
                      config
                          .environment(name)
                          .map(existing -> existing.withOperatorEndpoint(operatorEndpoint))
                          .orElseGet(() -> Environment.of(name, operatorEndpoint));
                  return config.withEnvironment(updated);
                });
    print("configured " + name + " environment (operator endpoint " + saved.resolve(name).operatorEndpoint() + ")");
    if (previousDefault == null && name.equals(saved.defaultEnvironment())) {
      print("set " + name + " as the default environment");
    }
    return 0;
  }
}
