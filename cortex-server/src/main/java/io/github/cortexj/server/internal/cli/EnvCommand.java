package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.env.CliConfigFile;
import io.github.cortexj.server.CortexCommand;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cortex env}: groups the commands that read and edit the CLI config ({@code cli.yaml}), the file
 * {@code CortexClient.fromEnvironment()} reads. The file is {@code $CORTEX_CLI_CONFIG_DIR/cli.yaml}, else
 * {@code ~/.cortex/cli.yaml}; tests give another with {@link #EnvCommand(CliConfigFile)} through a picocli factory.
 */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = {
      "Manage CLI environments: the clusters named in $CORTEX_CLI_CONFIG_DIR/cli.yaml (default ~/.cortex/cli.yaml).",
      "The operator endpoint 'local' stands for a cluster embedded in the program."
    },
    synopsisSubcommandLabel = "(list | configure | default | delete)",
    subcommands = {EnvListCommand.class, EnvConfigureCommand.class, EnvDefaultCommand.class, EnvDeleteCommand.class})
public final class EnvCommand implements Runnable {

  private final Supplier<CliConfigFile> configFile;

  @Spec @Nullable CommandSpec spec;

  @ParentCommand @Nullable CortexCommand root;

  /** Creates the command for this process's user's config file. */
  public EnvCommand() {
    this.configFile = CliConfigFile::forCurrentUser;
  }

  /**
   * Creates the command for a given config file.
   *
   * @param configFile the file every subcommand reads and writes
   */
  public EnvCommand(CliConfigFile configFile) {
    Objects.requireNonNull(configFile, "configFile");
    this.configFile = () -> configFile;
  }

  /** Reports the missing subcommand as a usage error (exit code 2). */
  @Override
  public void run() {
    throw new ParameterException(CliCommand.injected(spec, "command spec").commandLine(), "Missing required subcommand");
  }

  CliConfigFile configFile() {
    return configFile.get();
  }

  Path workingDirectory() {
    return CliCommand.injected(root, "root command").workingDirectory();
  }
}
