package io.github.cortexj.core.env;

import io.github.cortexj.core.internal.env.CliConfigYaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Cortex's CLI config file, {@code cli.yaml}, at a known path: reads it into a {@link CliConfig} and writes one
 * back. Its usual place is {@code $CORTEX_CLI_CONFIG_DIR/cli.yaml}, or {@code ~/.cortex/cli.yaml} when the
 * variable is not set ({@link #locate(Map, Path)}), the file Cortex's own CLI and Python client use.
 *
 * <pre>{@code
 * CliConfigFile file = CliConfigFile.forCurrentUser();
 * file.update(config -> config.withEnvironment(Environment.of("prod", "https://operator.example.com")));
 * Environment prod = file.load().resolve("prod");
 * }</pre>
 *
 * <p>{@link #save} writes a temporary file next to the config and renames it over the config, so a reader never
 * sees half a file. Concurrent {@link #update}s from several processes are not coordinated (nor are Cortex's):
 * the last one wins. Instances are immutable and thread safe.
 */
public final class CliConfigFile {

  /** The environment variable naming the directory that holds {@code cli.yaml}. */
  public static final String CONFIG_DIR_VARIABLE = "CORTEX_CLI_CONFIG_DIR";

  /** The file's name within its directory. */
  public static final String FILE_NAME = "cli.yaml";

  private final Path path;

  private CliConfigFile(Path path) {
    this.path = path;
  }

  /**
   * The config file at a given path, for tests and programs that keep their own.
   *
   * @param path the file's path
   * @return the file
   */
  public static CliConfigFile at(Path path) {
    return new CliConfigFile(Objects.requireNonNull(path, "path"));
  }

  /**
   * Finds the config file as Cortex does: {@code $CORTEX_CLI_CONFIG_DIR/cli.yaml} when the variable is set and
   * not empty, otherwise {@code <home>/.cortex/cli.yaml}.
   *
   * @param environment the process environment to read {@value #CONFIG_DIR_VARIABLE} from
   * @param userHome the user's home directory
   * @return the file
   */
  public static CliConfigFile locate(Map<String, String> environment, Path userHome) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(userHome, "userHome");
    String directory = environment.get(CONFIG_DIR_VARIABLE);
    Path dir = directory == null || directory.isEmpty() ? userHome.resolve(".cortex") : Path.of(directory);
    return new CliConfigFile(dir.resolve(FILE_NAME));
  }

  /**
   * Finds the config file of this process's user: {@link #locate(Map, Path)} with {@link System#getenv()} and the
   * {@code user.home} system property.
   *
   * @return the file
   */
  public static CliConfigFile forCurrentUser() {
    return locate(System.getenv(), Path.of(System.getProperty("user.home", "")));
  }

  /**
   * Returns where the file is.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  /**
   * Tells whether the file exists.
   *
   * @return whether it is a regular file
   */
  public boolean exists() {
    return Files.isRegularFile(path);
  }

  /**
   * Reads the config with Cortex's rules. An absent file is {@link CliConfig#localOnly()} (nothing is written).
   * When the file sets no default but has environments, the first becomes the default and the file is saved back
   * with it, as Cortex's CLI does.
   *
   * @return the config
   * @throws CliConfigException when the file cannot be read, is not UTF-8, or is invalid; the message names the
   *     file and the field
   */
  public CliConfig load() {
    if (!Files.exists(path)) {
      return CliConfig.localOnly();
    }
    CliConfig read = CliConfigYaml.parse(readText(), path.toString());
    CliConfig loaded = read.withFirstAsDefault();
    if (!loaded.equals(read)) {
      save(loaded);
    }
    return loaded;
  }

  /**
   * Writes a config to the file, creating its directory if needed.
   *
   * @param config the config
   * @throws CliConfigException of kind {@value CliConfigException#IO_ERROR} when the file cannot be written
   */
  public void save(CliConfig config) {
    Objects.requireNonNull(config, "config");
    byte[] bytes = CliConfigYaml.write(config).getBytes(StandardCharsets.UTF_8);
    Path directory = Objects.requireNonNull(path.toAbsolutePath().getParent(), "a file's parent");
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, "." + FILE_NAME + "-", ".tmp");
      Files.write(temporary, bytes);
      try {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new CliConfigException(CliConfigException.IO_ERROR, path + ": cannot write the CLI config: " + reason(e), e);
    }
  }

  /**
   * Loads the config, changes it and saves the result: how {@code cortex env configure} and its siblings edit
   * the file.
   *
   * @param change the change, for example {@code config -> config.withoutEnvironment("dev")}
   * @return the config saved
   * @throws CliConfigException when the file cannot be read or written, or the change fails
   */
  public CliConfig update(UnaryOperator<CliConfig> change) {
    Objects.requireNonNull(change, "change");
    CliConfig updated = Objects.requireNonNull(change.apply(load()), "the change returned null");
    save(updated);
    return updated;
  }

  private String readText() {
    if (Files.isDirectory(path)) {
      throw new CliConfigException(CliConfigException.IO_ERROR, path + ": cannot read the CLI config: it is a directory");
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CliConfigException(CliConfigException.INVALID, path + ": is not valid UTF-8", e);
    } catch (IOException e) {
      throw new CliConfigException(CliConfigException.IO_ERROR, path + ": cannot read the CLI config: " + reason(e), e);
    }
  }

  /** Says why a file operation failed in words, not as a Java exception name. */
  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException exists && exists.getFile() != null) {
      // Files.createDirectories found a file where a directory of the path should be.
      return exists.getFile() + " is not a directory";
    }
    if (e instanceof AccessDeniedException denied && denied.getFile() != null) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof NoSuchFileException missing && missing.getFile() != null) {
      return missing.getFile() + ": no such file or directory";
    }
    return e.toString();
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // The write already failed; that failure is the one to report.
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CliConfigFile that && path.equals(that.path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return "CliConfigFile[" + path + "]";
  }
}
