package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.env.CliConfig;
import io.github.cortexj.core.env.EnvironmentNotFoundException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cortex env default [NAME]}: makes an environment the default, with Cortex's messages; without NAME,
 * prints the current default (Cortex prompts for a name instead).
 */
@Command(
    name = "default",
    mixinStandardHelpOptions = true,
    description = "Set the default environment, or print it when no NAME is given.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:set (or printed)", "1:no such environment (or no default to print)", "2:wrong usage"})
public final class EnvDefaultCommand extends EnvSubcommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The environment to make the default.")
  @Nullable String name;

  /** Creates the command; picocli fills in its arguments. */
  public EnvDefaultCommand() {}

  @Override
  int execute() {
    CliConfig config = configFile().load();
    String current = config.defaultEnvironment();
    String wanted = name;
    if (wanted == null) {
      if (current == null) {
        throw EnvironmentNotFoundException.noDefault();
      }
      print("current default environment: " + current);
      return 0;
    }
    if (wanted.equals(current)) {
      print(wanted + " is already the default environment");
      return 0;
    }
    configFile().update(loaded -> loaded.withDefaultEnvironment(wanted));
    print("set " + wanted + " as the default environment");
    return 0;
  }
}
