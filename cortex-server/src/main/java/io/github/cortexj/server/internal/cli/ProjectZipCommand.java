package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.CortexException;
import io.github.cortexj.core.project.Project;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cortex project zip [CONFIG] -o FILE}: writes the project zip a deploy would upload. */
@Command(
    name = "zip",
    mixinStandardHelpOptions = true,
    description = {
      "Write the project zip a deploy would upload (deterministic: the same tree gives the same bytes) and print",
      "the project id: the first 63 hex characters of the zip's SHA-256."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:the project cannot be loaded or the zip cannot be written", "2:wrong usage"})
public final class ProjectZipCommand extends ProjectFilesCommand {

  /** The kind of the error for an {@code -o} that names a directory instead of the zip file. */
  static final String OUTPUT_IS_DIRECTORY_KIND = "cli.output_is_directory";

  /** The kind of the error for a zip that could not be written (permissions, a full disk, ...). */
  static final String WRITE_FAILED_KIND = "cli.output_not_written";

  /** The kind of the error for an {@code -o} whose directory does not exist. */
  static final String OUTPUT_DIRECTORY_MISSING_KIND = "cli.output_directory_missing";

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the zip; replaced if it exists.")
  String output = "";

  /** Creates the command; picocli fills in its arguments. */
  public ProjectZipCommand() {}

  @Override
  int execute() throws Exception {
    Project project = loadProject();
    Path target = resolve(output).toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new CortexException(
          OUTPUT_IS_DIRECTORY_KIND,
          target + ": is a directory; -o takes the zip file to write, for example " + target.resolve("project.zip"));
    }
    Path directory = Objects.requireNonNull(target.getParent(), "a file path that is not a directory has a parent");
    if (!Files.isDirectory(directory)) {
      throw new CortexException(
          OUTPUT_DIRECTORY_MISSING_KIND,
          target + ": cannot write the zip: directory " + directory + " does not exist");
    }
    try {
      write(project, target, directory);
    } catch (IOException e) {
      throw new CortexException(WRITE_FAILED_KIND, target + ": cannot write the zip: " + describe(e), e);
    }
    out().println(project.projectId());
    out().flush();
    return 0;
  }

  private static void write(Project project, Path target, Path directory) throws IOException {
    // Write next to the target and move it into place, so that a failure never leaves half a zip behind.
    Path partial = Files.createTempFile(directory, "." + target.getFileName(), ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        project.writeZip(out);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
