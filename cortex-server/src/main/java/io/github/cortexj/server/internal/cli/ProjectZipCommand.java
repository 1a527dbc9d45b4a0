package io.github.cortexj.server.internal.cli;

import io.github.cortexj.core.project.Project;
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
    Path target = resolve(output).toAbsolutePath();
    Path directory = Objects.requireNonNull(target.getParent(), "an absolute file path has a parent");
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
    out().println(project.projectId());
    out().flush();
    return 0;
  }
}
