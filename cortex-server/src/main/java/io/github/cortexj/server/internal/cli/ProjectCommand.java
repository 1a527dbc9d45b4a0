package io.github.cortexj.server.internal.cli;

import io.github.cortexj.server.CortexCommand;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cortex project}: groups the commands that show what a deploy would upload. */
@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    description = {
      "Show the project a deploy would upload: the directory that holds CONFIG, after Cortex's exclusions and",
      ".cortexignore, plus .env."
    },
    synopsisSubcommandLabel = "(ls | env | zip)",
    subcommands = {ProjectLsCommand.class, ProjectEnvCommand.class, ProjectZipCommand.class})
public final class ProjectCommand implements Runnable {

  @Spec @Nullable CommandSpec spec;

  @ParentCommand @Nullable CortexCommand root;

  /** Creates the command; it only groups subcommands. */
  public ProjectCommand() {}

  /** Reports the missing subcommand as a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(CliCommand.injected(spec, "command spec").commandLine(), "Missing required subcommand");
  }

  Path workingDirectory() {
    return CliCommand.injected(root, "root command").workingDirectory();
  }
}
