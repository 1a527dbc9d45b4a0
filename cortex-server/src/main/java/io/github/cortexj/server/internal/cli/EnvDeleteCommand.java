package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.env.CliConfig;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cortex env delete NAME}: removes an environment with Cortex's rules and messages: deleting the default
 * leaves none, unless exactly one environment remains, which becomes the default.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete an environment.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:deleted", "1:no such environment, or the file cannot be read or written", "2:wrong usage"})
public final class EnvDeleteCommand extends EnvSubcommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The environment to delete.")
  String name = "";

  /** Creates the command; picocli fills in its arguments. */
  public EnvDeleteCommand() {}

  @Override
  int execute() {
    String previousDefault = configFile().load().defaultEnvironment();
    CliConfig saved = configFile().update(config -> config.withoutEnvironment(name));
    String newDefault = saved.defaultEnvironment();
    print("deleted the " + name + " environment configuration");
    if (previousDefault != null && newDefault == null) {
      print("unset the default environment");
    } else if (newDefault != null && !Objects.equals(previousDefault, newDefault)) {
      print("set the default environment to " + newDefault);
    }
    return 0;
  }
}
