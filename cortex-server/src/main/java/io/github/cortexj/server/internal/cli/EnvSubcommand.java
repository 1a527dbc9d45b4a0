package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.env.CliConfigFile;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ParentCommand;

/** An {@code env} subcommand: works on the config file its parent names. */
abstract class EnvSubcommand extends CliCommand {

  @ParentCommand @Nullable EnvCommand env;

  @Override
  Path workingDirectory() {
    return injected(env, "env command").workingDirectory();
  }

  CliConfigFile configFile() {
    return injected(env, "env command").configFile();
  }

  /** Prints one line to stdout and flushes it. */
  void print(String line) {
    out().println(line);
    out().flush();
  }
}
