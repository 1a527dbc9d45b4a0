package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.CortexException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape every {@code cortex} subcommand shares: it runs, and turns a failure into its message on stderr and exit
 * code 1, with the stack trace only under {@code --verbose}. Usage errors never reach here: picocli reports them
 * with exit code 2. Picocli creates one instance per command line; not thread safe.
 */
abstract class CliCommand implements Callable<Integer> {

  /** The file a command reads when no CONFIG is given, as Cortex's CLI does. */
  static final String DEFAULT_CONFIG = "cortex.yaml";

  /** The kind of the error for a CONFIG that is a directory. */
  static final String CONFIG_IS_DIRECTORY_KIND = "cli.config_is_directory";

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--verbose", description = "Print the stack trace of an error.")
  boolean verbose;

  /** Returns the directory relative paths are resolved against: the root command's. */
  abstract Path workingDirectory();

  /** Does the command's work; a {@link CortexException} it throws is reported without a stack trace. */
  abstract int execute() throws Exception;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (CortexException e) {
      report(e.getMessage(), e);
      return 1;
    } catch (Exception e) {
      report(describe(e), e);
      return 1;
    }
  }

  /**
   * Describes a failure for one {@code error:} line: a file system error as {@code <file>: <reason>} (Java's
   * exception names mean nothing to a command line user), anything else as its {@code toString()}.
   */
  static String describe(Exception e) {
    if (!(e instanceof FileSystemException failure) || failure.getFile() == null) {
      return e.toString();
    }
    String other = failure.getOtherFile();
    String files = other == null ? failure.getFile() : failure.getFile() + " -> " + other;
    String reason = failure.getReason();
    if (reason == null) {
      reason = reasonOf(failure);
    }
    return files + ": " + reason;
  }

  private static String reasonOf(FileSystemException failure) {
    if (failure instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (failure instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (failure instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    return failure.getClass().getSimpleName();
  }

  private void report(String message, Exception e) {
    PrintWriter err = err();
    message.lines().forEach(line -> err.println("error: " + line));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Resolves a path argument against the working directory. */
  Path resolve(String argument) {
    return workingDirectory().resolve(argument);
  }

  /**
   * Resolves the CONFIG argument against the working directory, refusing a directory (the project root given
   * instead of its file) with a message naming the file to give.
   */
  Path resolveConfig(String argument) {
    Path file = resolve(argument);
    if (Files.isDirectory(file)) {
      throw new CortexException(
          CONFIG_IS_DIRECTORY_KIND,
          file + ": is a directory; CONFIG is the API configuration file, for example " + file.resolve(DEFAULT_CONFIG));
    }
    return file;
  }

  PrintWriter out() {
    return commandSpec().commandLine().getOut();
  }

  PrintWriter err() {
    return commandSpec().commandLine().getErr();
  }

  CommandSpec commandSpec() {
    return Objects.requireNonNull(spec, "picocli injects the command spec before running the command");
  }

  /** Returns a value picocli injects before the command runs. */
  static <T> T injected(@Nullable T value, String what) {
    return Objects.requireNonNull(value, () -> "picocli injects the " + what + " before the command runs");
  }
}
