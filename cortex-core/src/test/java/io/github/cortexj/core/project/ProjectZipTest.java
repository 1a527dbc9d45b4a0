package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.ProjectFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectZipTest {

  @TempDir Path temp;
  Path root;

  @BeforeEach
  void createProject() throws IOException {
    root = Files.createDirectories(temp.resolve("proj"));
    Files.writeString(root.resolve("cortex.yaml"), "x");
    Files.createDirectories(root.resolve("pkg/sub"));
    Files.writeString(root.resolve("handler.py"), "print('hi')\n");
    Files.writeString(root.resolve("pkg/sub/util.py"), "x = 1\n");
    Files.writeString(root.resolve(".env"), "A=1\n");
  }

  private Project load() {
    return Project.loader().homeDirectory(temp).load(root.resolve("cortex.yaml"));
  }

  private static List<String> entryNames(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  @Test
  void entriesAreRootRelativeFilesWithoutDirectoryEntriesAndDotEnvLast() throws IOException {
    assertThat(entryNames(load().zip())).containsExactly("handler.py", "pkg/sub/util.py", ".env");
  }

  @Test
  void sameTreeGivesTheSameBytesEvenWhenModificationTimesDiffer() throws IOException {
    byte[] first = load().zip();
    Files.setLastModifiedTime(root.resolve("handler.py"), FileTime.fromMillis(1_000_000_000_000L));
    byte[] second = load().zip();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void changedContentGivesADifferentProjectId() throws IOException {
    String before = load().projectId();
    Files.writeString(root.resolve("handler.py"), "print('bye')\n");
    assertThat(load().projectId()).isNotEqualTo(before);
  }

  @Test
  void projectIdIsTheFirst63HexCharactersOfTheZipSha256() throws Exception {
    Project project = load();
    byte[] zip = project.zip();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
    assertThat(project.projectId()).hasSize(63).isEqualTo(sha.substring(0, 63));
  }

  @Test
  void writeZipWritesTheSameBytesAsZip() throws IOException {
    Project project = load();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    project.writeZip(out);
    assertThat(out.toByteArray()).isEqualTo(project.zip());
  }

  @Test
  void extractRestoresTheFilesAndEnv() throws IOException {
    Path target = temp.resolve("mnt/project");
    ProjectFiles files = ProjectZip.extract(new ByteArrayInputStream(load().zip()), target);
    assertThat(files.list()).containsExactly("handler.py", "pkg/sub/util.py", ".env");
    assertThat(files.read("pkg/sub/util.py")).asString(StandardCharsets.UTF_8).isEqualTo("x = 1\n");
    assertThat(files.env()).containsEntry("A", "1");
  }

  private static byte[] zipWith(String name) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry(name));
      out.write("evil".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void extractRejectsParentTraversal() throws IOException {
    byte[] zip = zipWith("../../evil.sh");
    assertThatThrownBy(() -> ProjectZip.extract(new ByteArrayInputStream(zip), temp.resolve("t")))
        .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.zip_slip"))
        .hasMessage("zip entry \"../../evil.sh\" contains '..'; refused");
    assertThat(temp.resolve("evil.sh")).doesNotExist();
  }

  @Test
  void extractRejectsAbsoluteEntries() throws IOException {
    byte[] zip = zipWith("/tmp/evil.sh");
    assertThatThrownBy(() -> ProjectZip.extract(new ByteArrayInputStream(zip), temp.resolve("t")))
        .hasMessage("zip entry \"/tmp/evil.sh\" is absolute; refused");
  }

  @Test
  void extractRejectsBackslashEntries() throws IOException {
    byte[] zip = zipWith("..\\evil.sh");
    assertThatThrownBy(() -> ProjectZip.extract(new ByteArrayInputStream(zip), temp.resolve("t")))
        .hasMessage("zip entry \"..\\evil.sh\" contains a backslash; refused");
  }

  @Test
  void extractRejectsWritingThroughASymlinkInTheTarget() throws IOException {
    Path target = Files.createDirectories(temp.resolve("t"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createSymbolicLink(target.resolve("link"), outside);
    byte[] zip = zipWith("link/evil.sh");
    assertThatThrownBy(() -> ProjectZip.extract(new ByteArrayInputStream(zip), target))
        .hasMessage("zip entry \"link/evil.sh\" would be written through a symlink outside the target directory;"
            + " refused");
    assertThat(outside.resolve("evil.sh")).doesNotExist();
  }
}
