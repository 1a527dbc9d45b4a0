package io.github.cortexj.server.internal.cli;

import picocli.CommandLine.Command;

/** {@code cortex project ls [CONFIG]}: lists the files a deploy would upload. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "Print the included files, one root-relative path per line, sorted, with .env last if present.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "1:the project cannot be loaded (missing config, refused root, limits, .env)",
      "2:wrong usage"})
public final class ProjectLsCommand extends ProjectFilesCommand {

  /** Creates the command; picocli fills in its arguments. */
  public ProjectLsCommand() {}

  @Override
  int execute() {
    loadProject().paths().forEach(out()::println);
    out().flush();
    return 0;
  }
}
