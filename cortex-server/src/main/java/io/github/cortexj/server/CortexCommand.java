package io.github.cortexj.server;

import io.github.cortexj.server.internal.cli.ProjectCommand;
import io.github.cortexj.server.internal.cli.EnvCommand;
import io.github.cortexj.server.internal.cli.ServeCommand;
import io.github.cortexj.server.internal.cli.ValidateCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code cortex} command line: {@code cortex validate [CONFIG]}, {@code cortex project (ls | env | zip)},
 * {@code cortex serve [CONFIG]} and {@code cortex env (list | configure | default | delete)}.
 *
 * <p>Run it from the executable jar ({@code java -jar cortex.jar validate}) or in-process, which is how it is
 * tested:
 *
 * <pre>{@code
 * StringWriter out = new StringWriter();
 * CommandLine cli = new CommandLine(new CortexCommand(projectDirectory)).setOut(new PrintWriter(out));
 * int exitCode = cli.execute("project", "ls");
 * }</pre>
 *
 * <p>Exit codes: 0 on success, 1 when the command fails (the error on stderr, a stack trace only with
 * {@code --verbose}), 2 for wrong usage. Only {@link #main(String[])} calls {@link System#exit(int)}.
 *
 * <p>A new instance serves one {@link CommandLine}; not thread safe.
 */
@Command(
    name = "cortex",
    mixinStandardHelpOptions = true,
    versionProvider = CortexCommand.Version.class,
    description = "Validate cortex.yaml files, inspect the projects cortex-java deploys, serve them, and manage environments.",
    subcommands = {ValidateCommand.class, ProjectCommand.class, ServeCommand.class, EnvCommand.class},
    synopsisSubcommandLabel = "(validate | project | serve | env)",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the command failed (the error is on stderr)", "2:wrong usage"})
public final class CortexCommand implements Runnable {

  private final Path workingDirectory;

  @Spec @Nullable CommandSpec spec;

  /** Creates the command for the process's working directory. */
  public CortexCommand() {
    this(Path.of(""));
  }

  /**
   * Creates the command with another working directory, against which CONFIG and other relative paths are resolved.
   *
   * @param workingDirectory the directory, for example a test's temporary project directory
   */
  public CortexCommand(Path workingDirectory) {
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  /**
   * Returns the directory relative paths are resolved against.
   *
   * @return the working directory
   */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /**
   * Reports the missing subcommand as a usage error (exit code 2), since {@code cortex} alone does nothing.
   *
   * @throws ParameterException always
   */
  @Override
  public void run() {
    CommandSpec command = Objects.requireNonNull(spec, "picocli injects the command spec");
    throw new ParameterException(command.commandLine(), "Missing required subcommand");
  }

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments, for example {@code validate cortex.yaml}
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new CortexCommand()).execute(args));
  }

  /** Reports the version of cortex-java the command belongs to, from the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = CortexCommand.class.getResourceAsStream("cortex-version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"cortex-java " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
