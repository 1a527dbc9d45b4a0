package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.spec.ApiSpec;
import io.github.cortexj.core.spec.CortexYaml;
import java.nio.file.Path;
import java.util.List;
import io.github.cortexj.server.CortexCommand;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code cortex validate [CONFIG]}: validates a cortex.yaml file and prints every error. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate an API configuration file (BatchAPI, AsyncAPI, TaskAPI) with Cortex's rules.",
      "Prints every error, one per line, naming the file, the API and the field; exits with 1 if there is any."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the file is valid", "1:the file is invalid or cannot be read", "2:wrong usage"})
public final class ValidateCommand extends CliCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CONFIG",
      defaultValue = DEFAULT_CONFIG,
      description = "The API configuration file (default: ${DEFAULT-VALUE} in the working directory).")
  String config = DEFAULT_CONFIG;

  @ParentCommand @Nullable CortexCommand root;

  /** Creates the command; picocli fills in its arguments. */
  public ValidateCommand() {}

  @Override
  Path workingDirectory() {
    return injected(root, "root command").workingDirectory();
  }

  @Override
  int execute() {
    List<ApiSpec> apis = CortexYaml.parse(resolveConfig(config));
    out().println(resolve(config) + ": valid (" + apis.size() + (apis.size() == 1 ? " API)" : " APIs)"));
    for (ApiSpec api : apis) {
      out().println("  " + api.name() + " (" + api.kind() + ") " + api.networking().endpoint() + " -> "
          + api.className());
    }
    out().flush();
    return 0;
  }
}
