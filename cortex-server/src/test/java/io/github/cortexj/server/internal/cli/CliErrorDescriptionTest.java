package io.github.cortexj.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** How a failure that is not a CortexException becomes the one {@code error:} line a user reads. */
class CliErrorDescriptionTest {

  @Test
  void missingFileIsItsPathAndAReasonWithoutTheJavaClassName() {
    assertThat(CliCommand.describe(new NoSuchFileException("/tmp/x/.p.zip.partial")))
        .isEqualTo("/tmp/x/.p.zip.partial: no such file or directory");
  }

  @Test
  void deniedAccessNamesTheFile() {
    assertThat(CliCommand.describe(new AccessDeniedException("/etc/x"))).isEqualTo("/etc/x: permission denied");
  }

  @Test
  void fileSystemErrorWithTwoFilesAndAReasonNamesBoth() {
    assertThat(CliCommand.describe(new FileSystemException("/a", "/b", "Is a directory")))
        .isEqualTo("/a -> /b: Is a directory");
  }

  @Test
  void otherExceptionsKeepTheirToString() {
    assertThat(CliCommand.describe(new IOException("disk full"))).isEqualTo("java.io.IOException: disk full");
  }
}
