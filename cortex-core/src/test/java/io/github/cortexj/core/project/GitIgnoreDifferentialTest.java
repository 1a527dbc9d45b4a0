package io.github.cortexj.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Differential test of {@link IgnoreRules} against {@code git check-ignore}: generated pattern sets over a small
 * alphabet and generated trees of files and directories. Git is the oracle; any disagreement fails with the case.
 *
 * <p>One {@code git check-ignore --stdin -z} process serves the whole run: each case lives in its own directory
 * {@code cN} with the patterns in {@code cN/.gitignore}, which git applies to {@code cN} exactly as a root
 * {@code .gitignore} (or {@code .cortexignore}) applies to a project root.
 */
class GitIgnoreDifferentialTest {

  private static final int CASES = 3000;

  private static final List<String> TOKENS =
      List.of(
          "a", "b", "a", "b", "ab", "*", "*", "**", "**", "?", "/", "/", "/", "[a-b]", "[!a]", "[^b]", "\\", "\\*",
          "\\ ", " ", "#", "!", "[b-a]", "[a", "]", "[[:alpha:]]", "[/]", "\\!", "\\#", ".");

  private static final List<String> LINE_STARTS = List.of("", "", "", "", "!", "/", "!/", "#", "\\!", "\\#", " ");

  private static final List<String> LINE_ENDS = List.of("", "", "", "", "/", "/", " ", "  ", "\\ ", "\r", "/ ");

  private static final List<String> NAMES =
      List.of("a", "b", "a", "b", "ab", "ba", "aa", "bb", "a b", "a ", "!a", "#a", "*", "a*", "[a]", "a\\", "?", "x.c");

  @TempDir static Path repository;

  private static Process git;
  private static OutputStream gitIn;
  private static InputStream gitOut;
  private static final AtomicInteger caseNumber = new AtomicInteger();
  private static final AtomicInteger ignoredSeen = new AtomicInteger();
  private static final AtomicInteger includedSeen = new AtomicInteger();

  @BeforeAll
  static void startGit() throws Exception {
    assumeThat(commandWorks("git", "--version")).as("git is installed").isTrue();
    run(repository, "git", "init", "-q");
    ProcessBuilder builder =
        new ProcessBuilder(
            "git", "-c", "core.ignorecase=false", "-c", "core.excludesFile=" + repository.resolve("none"),
            "check-ignore", "--no-index", "-v", "-n", "-z", "--stdin");
    isolate(builder);
    builder.directory(repository.toFile());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    git = builder.start();
    gitIn = git.getOutputStream();
    gitOut = new BufferedInputStream(git.getInputStream());
  }

  @AfterAll
  static void stopGit() throws Exception {
    if (git != null) {
      gitIn.close();
      git.waitFor(10, TimeUnit.SECONDS);
      git.destroy();
    }
  }

  @Test
  void agreesWithGitCheckIgnoreOnGeneratedPatternsAndTrees() {
    qt().withExamples(CASES)
        .withShrinkCycles(300)
        .forAll(patternFiles(), trees())
        .checkAssert(
            (patterns, tree) -> {
              Map<String, Boolean> expected = askGit(patterns, tree);
              IgnoreRules rules = IgnoreRules.parse(patterns.getBytes(StandardCharsets.UTF_8));
              Map<String, Boolean> actual = new LinkedHashMap<>();
              for (Map.Entry<String, Boolean> entry : tree.entrySet()) {
                boolean excluded = rules.excludes(entry.getKey(), entry.getValue());
                actual.put(entry.getKey(), excluded);
                (excluded ? ignoredSeen : includedSeen).incrementAndGet();
              }
              assertThat(actual)
                  .as("patterns %s on tree %s", quoted(patterns), tree)
                  .isEqualTo(expected);
            });
    // Guard against a vacuous run: both verdicts must have come up many times.
    assertThat(ignoredSeen.get()).isGreaterThan(CASES / 2);
    assertThat(includedSeen.get()).isGreaterThan(CASES / 2);
  }

  private static String quoted(String patterns) {
    return "\"" + patterns.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }

  private static Gen<String> patternFiles() {
    Gen<String> body = lists().of(Generate.pick(TOKENS)).ofSizeBetween(1, 5).map(tokens -> String.join("", tokens));
    Gen<String> line =
        Generate.pick(LINE_STARTS).zip(body, Generate.pick(LINE_ENDS), (start, middle, end) -> start + middle + end);
    return lists().of(line).ofSizeBetween(1, 6).map(lines -> String.join("\n", lines));
  }

  /** A tree as path to is-directory, every parent directory listed before its children. */
  private static Gen<Map<String, Boolean>> trees() {
    Gen<List<String>> path = lists().of(Generate.pick(NAMES)).ofSizeBetween(1, 3);
    Gen<Map.Entry<List<String>, Boolean>> entry = path.zip(Generate.booleans(), Map::entry);
    return lists().of(entry).ofSizeBetween(1, 8).map(GitIgnoreDifferentialTest::toTree);
  }

  private static Map<String, Boolean> toTree(List<Map.Entry<List<String>, Boolean>> entries) {
    Map<String, Boolean> tree = new LinkedHashMap<>();
    for (Map.Entry<List<String>, Boolean> entry : entries) {
      List<String> segments = entry.getKey();
      StringBuilder path = new StringBuilder();
      boolean conflict = false;
      List<String> parents = new ArrayList<>();
      for (int i = 0; i < segments.size() - 1; i++) {
        if (path.length() > 0) {
          path.append('/');
        }
        path.append(segments.get(i));
        if (Boolean.FALSE.equals(tree.get(path.toString()))) {
          conflict = true;
        }
        parents.add(path.toString());
      }
      String full = (path.length() > 0 ? path + "/" : "") + segments.get(segments.size() - 1);
      Boolean existing = tree.get(full);
      if (conflict || (existing != null && !existing.equals(entry.getValue()))) {
        continue;
      }
      for (String parent : parents) {
        tree.put(parent, true);
      }
      tree.putIfAbsent(full, entry.getValue());
    }
    return tree;
  }

  private static Map<String, Boolean> askGit(String patterns, Map<String, Boolean> tree) {
    try {
      String dir = "c" + caseNumber.incrementAndGet();
      Path caseRoot = repository.resolve(dir);
      Files.createDirectories(caseRoot);
      Files.writeString(caseRoot.resolve(".gitignore"), patterns);
      for (Map.Entry<String, Boolean> entry : tree.entrySet()) {
        Path path = caseRoot.resolve(entry.getKey());
        if (entry.getValue()) {
          Files.createDirectories(path);
        } else {
          Files.createFile(path);
        }
      }
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      for (String path : tree.keySet()) {
        request.write((dir + "/" + path).getBytes(StandardCharsets.UTF_8));
        request.write(0);
      }
      gitIn.write(request.toByteArray());
      gitIn.flush();
      Map<String, Boolean> verdicts = new LinkedHashMap<>();
      for (String path : tree.keySet()) {
        String source = readField();
        readField(); // line number
        String pattern = readField();
        String pathname = readField();
        assertThat(pathname).isEqualTo(dir + "/" + path);
        verdicts.put(path, !source.isEmpty() && !pattern.startsWith("!"));
      }
      return verdicts;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readField() throws IOException {
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    int b;
    while ((b = gitOut.read()) > 0) {
      field.write(b);
    }
    if (b < 0) {
      throw new IOException("git check-ignore ended early");
    }
    return field.toString(StandardCharsets.UTF_8);
  }

  static boolean commandWorks(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void isolate(ProcessBuilder builder) {
    Map<String, String> env = builder.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("HOME", repository.toString());
    env.put("XDG_CONFIG_HOME", repository.resolve("xdg").toString());
  }

  private static void run(Path dir, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    isolate(builder);
    Process process = builder.start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
  }
}
