package io.github.cortexj.server.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cortex project env [CONFIG]}: prints the variables of the project's {@code .env}. */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = {
      "Print the variables of the project's .env as KEY=VALUE lines, in file order, each value JSON-quoted.",
      "Nothing in .env is executed or expanded."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed (nothing when there is no .env)",
      "1:the project cannot be loaded or .env is outside the supported subset", "2:wrong usage"})
public final class ProjectEnvCommand extends ProjectFilesCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Creates the command; picocli fills in its arguments. */
  public ProjectEnvCommand() {}

  @Override
  int execute() throws Exception {
    for (Map.Entry<String, String> variable : loadProject().env().entrySet()) {
      out().println(variable.getKey() + "=" + JSON.writeValueAsString(variable.getValue()));
    }
    out().flush();
    return 0;
  }
}
