package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {

  @TempDir Path temp;
  Path root;
  Path config;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createDirectories(temp.resolve("proj"));
    config = write("cortex.yaml", "- name: api\n");
  }

  private Path write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private Project load() {
    return Project.loader().homeDirectory(temp.resolve("home")).load(config);
  }

  @Test
  void rootIsTheDirectoryOfTheConfigFile() {
    Project project = load();
    assertThat(project.root()).isEqualTo(root);
    assertThat(project.configFile()).isEqualTo(config);
  }

  @Test
  void includesFilesSortedWithRootRelativeSlashPaths() throws IOException {
    write("handler.py", "x");
    write("pkg/util.py", "y");
    write("a.txt", "z");
    assertThat(load().paths()).containsExactly("a.txt", "handler.py", "pkg/util.py");
  }

  @Test
  void excludesTheConfigFileButNotOtherYaml() throws IOException {
    write("other.yaml", "x");
    assertThat(load().paths()).containsExactly("other.yaml");
  }

  @Test
  void excludesCortexDebugFilesAndDirectories() throws IOException {
    write("cortex-debug-1.tgz", "x");
    write("cortex-debug-dir/inner.txt", "x");
    write("keep.txt", "x");
    assertThat(load().paths()).containsExactly("keep.txt");
  }

  @Test
  void excludesHiddenFilesAndPrunesHiddenDirectories() throws IOException {
    write(".secret", "x");
    write(".git/config", "x");
    write("dir/.hidden", "x");
    write("dir/shown", "x");
    assertThat(load().paths()).containsExactly("dir/shown");
  }

  @Test
  void excludesPycacheAndCompiledPython() throws IOException {
    write("__pycache__/m.cpython-39.pyc", "x");
    write("m.pyc", "x");
    write("m.pyo", "x");
    write("m.pyd", "x");
    write("m.py", "x");
    write("pyc", "x");
    assertThat(load().paths()).containsExactly("m.py", "pyc");
  }

  @Test
  void appliesCortexignoreAndPrunesIgnoredDirectories() throws IOException {
    write(".cortexignore", "data/\n*.log\n!keep.log\n!data/keep.csv\n");
    write("data/keep.csv", "x");
    write("a.log", "x");
    write("keep.log", "x");
    write("main.py", "x");
    assertThat(load().paths()).containsExactly("keep.log", "main.py");
  }

  @Test
  void reportsCortexignorePatternsThatCanNeverMatch() throws IOException {
    write(".cortexignore", "ok\nbad[\n");
    assertThat(load().warnings()).containsExactly(".cortexignore:2: pattern \"bad[\" can never match; skipped");
  }

  @Test
  void cortexignoreCannotHideTheBuiltInExclusionsOrder() throws IOException {
    // Hidden directories are pruned before .cortexignore is consulted, so "!" cannot bring them back.
    write(".cortexignore", "!.config\n!.config/**\n");
    write(".config/a", "x");
    assertThat(load().paths()).isEmpty();
  }

  @Test
  void appendsDotEnvLastAndParsesIt() throws IOException {
    write("z.py", "x");
    write(".env", "A=1\nB='two'\n");
    Project project = load();
    assertThat(project.paths()).containsExactly("z.py", ".env");
    assertThat(project.env()).containsExactly(entry("A", "1"), entry("B", "two"));
  }

  @Test
  void dotEnvBypassesCortexignoreAndLimits() throws IOException {
    write(".cortexignore", ".env\n*\n");
    write(".env", "A=" + "x".repeat(100) + "\n");
    Project project = Project.loader().homeDirectory(temp).maxProjectBytes(10).maxFileBytes(10).load(config);
    assertThat(project.paths()).containsExactly(".env");
    assertThat(project.size()).isZero();
  }

  @Test
  void envIsEmptyWithoutDotEnv() {
    assertThat(load().env()).isEmpty();
  }

  @Test
  void invalidDotEnvFailsTheLoad() throws IOException {
    write(".env", "A=$(whoami)\n");
    assertThatThrownBy(this::load)
        .isInstanceOf(DotEnvException.class)
        .hasMessage(".env:1: command substitution $(...): bash would execute it");
  }

  @Test
  void sizeCountsIncludedFilesOnly() throws IOException {
    write("a", "12345");
    write("b/c", "123");
    write(".cortexignore", "ignored\n");
    write("ignored", "x".repeat(1000));
    assertThat(load().size()).isEqualTo(8);
  }

  @Test
  void refusesAFileOverThePerFileLimitNamingIt() throws IOException {
    write("data/big.bin", "x".repeat(11));
    assertThatThrownBy(() -> Project.loader().homeDirectory(temp).maxFileBytes(10).load(config))
        .isInstanceOfSatisfying(
            ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.file_too_large"))
        .hasMessage("data/big.bin: file size cannot be greater than 10 B");
  }

  @Test
  void acceptsAFileExactlyAtThePerFileLimit() throws IOException {
    write("a", "x".repeat(10));
    assertThat(Project.loader().homeDirectory(temp).maxFileBytes(10).load(config).paths()).containsExactly("a");
  }

  @Test
  void refusesAProjectOverTheProjectLimit() throws IOException {
    write("a", "x".repeat(6));
    write("b", "x".repeat(6));
    assertThatThrownBy(() -> Project.loader().homeDirectory(temp).maxProjectBytes(11).load(config))
        .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.too_large"))
        .hasMessage("project size cannot exceed 11 B");
  }

  @Test
  void ignoredFilesDoNotCountTowardTheLimits() throws IOException {
    write(".cortexignore", "big\n");
    write("big", "x".repeat(100));
    write("small", "x");
    assertThat(Project.loader().homeDirectory(temp).maxFileBytes(10).maxProjectBytes(10).load(config).paths())
        .containsExactly("small");
  }

  @Test
  void enforcesCortexDefaultPerFileLimitOnASparseFile() throws IOException {
    Path big = root.resolve("huge.bin");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(Project.DEFAULT_MAX_FILE_BYTES + 1);
    }
    assertThatThrownBy(this::load).hasMessage("huge.bin: file size cannot be greater than 32.0 MiB");
  }

  @Test
  void enforcesCortexDefaultProjectLimitOnSparseFiles() throws IOException {
    for (String name : new String[] {"a.bin", "b.bin"}) {
      try (RandomAccessFile file = new RandomAccessFile(root.resolve(name).toFile(), "rw")) {
        file.setLength(Project.DEFAULT_MAX_FILE_BYTES / 2 + 1);
      }
    }
    assertThatThrownBy(this::load).hasMessage("project size cannot exceed 32.0 MiB");
  }

  @Test
  void includesASymlinkedFileInsideTheRootWithItsTargetsContent() throws IOException {
    write("real.txt", "content");
    Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("real.txt"));
    Project project = load();
    assertThat(project.paths()).containsExactly("link.txt", "real.txt");
    assertThat(new String(project.files().read("link.txt"))).isEqualTo("content");
    assertThat(project.size()).isEqualTo(14);
  }

  @Test
  void excludesAndReportsASymlinkToAFileOutsideTheRoot() throws IOException {
    Path outside = Files.writeString(temp.resolve("outside.txt"), "secret");
    Files.createSymbolicLink(root.resolve("leak.txt"), outside);
    Project project = load();
    assertThat(project.paths()).isEmpty();
    assertThat(project.warnings()).containsExactly("leak.txt: symlink target is outside the project root; excluded");
  }

  @Test
  void doesNotFollowSymlinkedDirectories() throws IOException {
    write("dir/a.txt", "x");
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("dir"));
    Project project = load();
    assertThat(project.paths()).containsExactly("dir/a.txt");
    assertThat(project.warnings()).containsExactly("alias: symlinked directory is not followed; excluded");
  }

  @Test
  void reportsBrokenSymlinks() throws IOException {
    Files.createSymbolicLink(root.resolve("dangling"), root.resolve("missing"));
    assertThat(load().warnings()).containsExactly("dangling: symlink target does not exist; excluded");
  }

  @Test
  void ignoresADotEnvSymlinkThatLeavesTheRoot() throws IOException {
    Path outside = Files.writeString(temp.resolve("env"), "A=1\n");
    Files.createSymbolicLink(root.resolve(".env"), outside);
    Project project = load();
    assertThat(project.env()).isEmpty();
    assertThat(project.paths()).isEmpty();
    assertThat(project.warnings()).containsExactly(".env: symlink target is outside the project root; ignored");
  }

  @Test
  void refusesTheHomeDirectoryAsRoot() throws IOException {
    assertThatThrownBy(() -> Project.loader().homeDirectory(root).load(config))
        .isInstanceOfSatisfying(ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.root_refused"))
        .hasMessage(
            "cannot use the home directory " + root + " as the project root; move the config file into a project"
                + " directory");
  }

  @Test
  void aDirectoryGivenAsTheConfigFileNamesTheFileToGive() {
    assertThatThrownBy(() -> Project.load(root))
        .isInstanceOfSatisfying(
            ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.config_not_found"))
        .hasMessage("config file not found: " + root + " is a directory; give the config file, for example "
            + root.resolve("cortex.yaml"));
  }

  @Test
  void refusesAMissingConfigFile() {
    assertThatThrownBy(() -> Project.load(root.resolve("nope.yaml")))
        .isInstanceOfSatisfying(
            ProjectException.class, e -> assertThat(e.kind()).isEqualTo("project.config_not_found"))
        .hasMessage("config file not found: " + root.resolve("nope.yaml"));
  }

  @Test
  void hiddenRootExcludesEverythingAsCortexDoes() throws IOException {
    Path hidden = Files.createDirectories(temp.resolve(".hidden"));
    Path hiddenConfig = Files.writeString(hidden.resolve("cortex.yaml"), "x");
    Files.writeString(hidden.resolve("a.py"), "x");
    Project project = Project.loader().homeDirectory(temp).load(hiddenConfig);
    assertThat(project.paths()).isEmpty();
    assertThat(project.warnings()).hasSize(1);
  }
}
