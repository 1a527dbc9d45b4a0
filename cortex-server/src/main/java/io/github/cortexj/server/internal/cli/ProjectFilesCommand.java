package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.project.Project;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** A {@code project} subcommand: loads the project of CONFIG and reports its warnings on stderr. */
abstract class ProjectFilesCommand extends CliCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "CONFIG",
      defaultValue = DEFAULT_CONFIG,
      description = "The API configuration file; its directory is the project root (default: ${DEFAULT-VALUE}).")
  String config = DEFAULT_CONFIG;

  @ParentCommand @Nullable ProjectCommand project;

  @Override
  Path workingDirectory() {
    return injected(project, "project command").workingDirectory();
  }

  /** Loads the project and prints its warnings (patterns that never match, symlinks left out) to stderr. */
  Project loadProject() {
    Project project = Project.load(resolveConfig(config));
    project.warnings().forEach(warning -> err().println("warning: " + warning));
    err().flush();
    return project;
  }
}
