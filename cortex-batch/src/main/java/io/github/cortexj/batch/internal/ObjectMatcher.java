package io.github.cortexj.batch.internal;

import io.github.cortexj.core.backend.ObjectInfo;
import io.github.cortexj.core.backend.ObjectPage;
import io.github.cortexj.core.backend.ObjectStore;
import io.github.cortexj.core.job.JobSubmissionException;
import io.github.cortexj.core.job.ObjectSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Lists the objects an {@link ObjectSource} names, path by path and page by page, as Cortex does: each
 * {@code s3_paths} entry is a raw key prefix, keys ending in {@code /} are skipped, an object must match one
 * include (when there are includes) and no exclude, globs matching {@code s3://bucket/key}. Objects are
 * reported once even when several entries list them (Cortex repeats them).
 *
 * <p>Immutable and thread safe as far as the store is.
 */
public final class ObjectMatcher {

  private final ObjectStore store;
  private final List<S3Location> locations;
  private final List<S3Glob> includes;
  private final List<S3Glob> excludes;
  private final String hiddenPrefix;

  /**
   * Checks the source and compiles its globs; every object of the store may match.
   *
   * @param store the cluster's object store
   * @param field the input's field name, for messages ({@code file_path_lister} or {@code delimited_files})
   * @param source the source
   * @throws JobSubmissionException when a glob does not compile, a path is invalid or names another bucket
   */
  public ObjectMatcher(ObjectStore store, String field, ObjectSource source) {
    this(store, field, source, "");
  }

  /**
   * Checks the source and compiles its globs; objects under {@code hiddenPrefix} never match, so that a listing
   * of the whole bucket does not hand the cluster's own state (job specs, markers) to a job as its input.
   *
   * @param store the cluster's object store
   * @param field the input's field name, for messages ({@code file_path_lister} or {@code delimited_files})
   * @param source the source
   * @param hiddenPrefix the key prefix of the cluster's state, ending in {@code /}; empty to hide nothing
   * @throws JobSubmissionException when a glob does not compile, a path is invalid or names another bucket
   */
  public ObjectMatcher(ObjectStore store, String field, ObjectSource source, String hiddenPrefix) {
    this.store = store;
    this.hiddenPrefix = hiddenPrefix;
    if (source.s3Paths().isEmpty()) {
      throw new JobSubmissionException(
          JobSubmissionValidator.INVALID_FIELD, field + ": s3_paths: must contain at least 1 elements");
    }
    this.includes = compile(field, "includes", source.includes());
    this.excludes = compile(field, "excludes", source.excludes());
    List<S3Location> parsed = new ArrayList<>();
    for (String path : source.s3Paths()) {
      S3Location location = S3Location.parse(path);
      if (!location.bucket().equals(store.bucket())) {
        throw new JobSubmissionException(
            S3Location.FOREIGN_BUCKET,
            field
                + ": s3_paths: \""
                + path
                + "\" names bucket \""
                + location.bucket()
                + "\", but this cluster's object store is bucket \""
                + store.bucket()
                + "\"");
      }
      parsed.add(location);
    }
    this.locations = List.copyOf(parsed);
  }

  private static List<S3Glob> compile(String field, String list, List<String> patterns) {
    List<S3Glob> globs = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        globs.add(S3Glob.compile(pattern));
      } catch (IllegalArgumentException e) {
        throw new JobSubmissionException(
            JobSubmissionValidator.INVALID_FIELD,
            field + ": " + list + ": invalid glob pattern \"" + pattern + "\": " + e.getMessage());
      }
    }
    return List.copyOf(globs);
  }

  /**
   * Returns whether a full path passes the includes and excludes.
   *
   * @param path {@code s3://bucket/key}
   * @return {@code true} when the object belongs to the input
   */
  public boolean accepts(String path) {
    if (!includes.isEmpty() && includes.stream().noneMatch(glob -> glob.matches(path))) {
      return false;
    }
    return excludes.stream().noneMatch(glob -> glob.matches(path));
  }

  /**
   * Visits the matching objects in listing order, one page in memory at a time, until the visitor returns
   * {@code false}.
   *
   * @param visitor receives each matching object's key and path
   */
  public void forEach(Predicate<Match> visitor) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (S3Location location : locations) {
      @Nullable String token = null;
      do {
        ObjectPage page = store.list(location.prefix(), token, ObjectStore.MAX_PAGE_SIZE);
        for (ObjectInfo info : page.objects()) {
          String key = info.key();
          String path = location.pathOf(key);
          boolean hidden = !hiddenPrefix.isEmpty() && key.startsWith(hiddenPrefix);
          if (hidden || key.endsWith("/") || !accepts(path) || !seen.add(key)) {
            continue;
          }
          if (!visitor.test(new Match(key, path))) {
            return;
          }
        }
        token = page.nextToken();
      } while (token != null);
    }
  }

  /**
   * Returns whether at least one object matches.
   *
   * @return {@code true} when the input names an object
   */
  public boolean anyMatch() {
    boolean[] found = {false};
    forEach(
        match -> {
          found[0] = true;
          return false;
        });
    return found[0];
  }

  /**
   * One matching object.
   *
   * @param key the object key
   * @param path its full {@code s3://bucket/key}
   */
  public record Match(String key, String path) {}
}
