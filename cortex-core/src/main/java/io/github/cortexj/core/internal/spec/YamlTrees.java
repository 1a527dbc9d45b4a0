package io.github.cortexj.core.internal.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.cortexj.core.spec.ApiConfigError.Reason;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a JSON tree, turning syntax errors and duplicate keys into problems that name the line
 * and column, and writes trees back as YAML. Thread safe: the mappers are configured once and never changed.
 */
final class YamlTrees {

  private static final YAMLMapper READER =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLMapper WRITER =
      new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  private YamlTrees() {}

  /** Parses {@code yaml}; on failure records the problem and returns {@code null}. */
  static @Nullable JsonNode read(String yaml, Problems problems) {
    try {
      return READER.readTree(yaml);
    } catch (JsonProcessingException e) {
      problems.addFileProblem(reasonOf(e), describe(e));
      return null;
    }
  }

  static String write(ArrayNode apis) {
    try {
      return WRITER.writeValueAsString(apis);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reason reasonOf(JsonProcessingException e) {
    return DUPLICATE.matcher(e.getOriginalMessage()).lookingAt() ? Reason.DUPLICATE_KEY : Reason.SYNTAX;
  }

  private static String describe(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException) {
      MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
      Mark mark = yaml.getProblemMark();
      String problem = yaml.getProblem() == null ? firstLine(yaml.getMessage()) : yaml.getProblem();
      if (mark != null) {
        return at(mark.getLine() + 1, mark.getColumn() + 1) + problem;
      }
      return problem;
    }
    String message = firstLine(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.lookingAt()) {
      message = "duplicate key \"" + duplicate.group(1) + "\"";
    }
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      return at(location.getLineNr(), location.getColumnNr()) + message;
    }
    return message;
  }

  private static String at(int line, int column) {
    return "line " + line + ", column " + column + ": ";
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "invalid YAML";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }
}
