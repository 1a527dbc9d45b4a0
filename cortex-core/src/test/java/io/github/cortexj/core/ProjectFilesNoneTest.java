package io.github.cortexj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectFilesNoneTest {

  private final ProjectFiles none = ProjectFiles.none();

  @Test
  void listsNothing() {
    assertThat(none.list()).isEmpty();
  }

  @Test
  void hasNoEnv() {
    assertThat(none.env()).isEmpty();
  }

  @Test
  void readFailsWithFileNotFoundNamingThePath() {
    assertThatThrownBy(() -> none.read("data/labels.json"))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "project.file_not_found")
        .hasMessage("project file \"data/labels.json\" not found: this handler was given no project files");
  }

  @Test
  void openFailsWithFileNotFound() {
    assertThatThrownBy(() -> none.open("model.bin"))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "project.file_not_found");
  }

  @Test
  void resolveFailsWithFileNotFound() {
    assertThatThrownBy(() -> none.resolve("model.bin"))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "project.file_not_found");
  }

  @Test
  void refusesAPathThatLeavesTheRoot() {
    assertThatThrownBy(() -> none.read("data/../../etc/passwd"))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "project.path_escapes_root")
        .hasMessage("project file path \"data/../../etc/passwd\" is absolute, contains \"..\" or NUL");
  }

  @Test
  void refusesAnAbsolutePath() {
    assertThatThrownBy(() -> none.open("/etc/passwd"))
        .isInstanceOf(CortexException.class)
        .hasFieldOrPropertyWithValue("kind", "project.path_escapes_root");
  }

  @Test
  void refusesAPathWithNul() {
    assertThatThrownBy(() -> none.read("a\0b"))
        .isInstanceOf(CortexException.class)
        .hasMessage("project file path \"a\\0b\" is absolute, contains \"..\" or NUL");
  }

  @Test
  void isOneSharedInstance() {
    assertThat(ProjectFiles.none()).isSameAs(none);
  }
}
