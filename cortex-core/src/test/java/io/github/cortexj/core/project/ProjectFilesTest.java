package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cortexj.core.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

  @TempDir Path temp;
  Path root;
  ProjectFiles files;

  @BeforeEach
  void load() throws IOException {
    root = Files.createDirectories(temp.resolve("proj"));
    Files.writeString(root.resolve("cortex.yaml"), "x");
    Files.createDirectories(root.resolve("data"));
    Files.writeString(root.resolve("data/labels.json"), "{}");
    Files.writeString(root.resolve(".env"), "A=1\n");
    Files.writeString(root.resolve(".cortexignore"), "ignored.txt\n");
    Files.writeString(root.resolve("ignored.txt"), "no");
    files = Project.loader().homeDirectory(temp).load(root.resolve("cortex.yaml")).files();
  }

  @Test
  void listsIncludedFilesWithDotEnvLast() {
    assertThat(files.list()).containsExactly("data/labels.json", ".env");
  }

  @Test
  void readsAFileByRootRelativePath() {
    assertThat(files.read("data/labels.json")).asString(StandardCharsets.UTF_8).isEqualTo("{}");
  }

  @Test
  void normalisesDotAndEmptySegments() {
    assertThat(files.read("./data//labels.json")).asString(StandardCharsets.UTF_8).isEqualTo("{}");
  }

  @Test
  void opensAFileAsAStream() throws IOException {
    try (InputStream in = files.open("data/labels.json")) {
      assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("{}");
    }
  }

  @Test
  void resolvesAgainstTheRoot() {
    assertThat(files.resolve("data/labels.json")).isEqualTo(root.resolve("data/labels.json"));
  }

  @Test
  void exposesTheEnv() {
    assertThat(files.env()).containsEntry("A", "1");
  }

  @Test
  void readingAnExcludedFileIsNotFound() {
    assertThatThrownBy(() -> files.read("ignored.txt"))
        .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.file_not_found"))
        .hasMessage("no file \"ignored.txt\" in the project at " + root);
  }

  @Test
  void refusesParentSegments() {
    assertThatThrownBy(() -> files.read("../outside"))
        .isInstanceOfSatisfying(
            ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.path_escapes_root"))
        .hasMessage("path \"../outside\" contains '..'; project paths are relative to the project root");
  }

  @Test
  void refusesAbsolutePaths() {
    assertThatThrownBy(() -> files.resolve("/etc/passwd"))
        .hasMessage("path \"/etc/passwd\" is absolute; project paths are relative to the project root");
  }

  @Test
  void refusesNul() {
    assertThatThrownBy(() -> files.open("a\0b"))
        .hasMessage("path \"a\\0b\" contains a NUL character; project paths are relative to the project root");
  }

  @Test
  void refusesResolvingThroughASymlinkThatLeavesTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("out"), temp);
    assertThatThrownBy(() -> files.resolve("out"))
        .isInstanceOfSatisfying(
            ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.path_escapes_root"))
        .hasMessage("path \"out\" resolves outside the project root");
  }
}
