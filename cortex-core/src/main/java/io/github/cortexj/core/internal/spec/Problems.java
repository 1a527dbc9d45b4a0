package io.github.cortexj.core.internal.spec;

import io.github.cortexj.core.spec.ApiConfigError;
import io.github.cortexj.core.spec.ApiConfigError.Reason;
import io.github.cortexj.core.spec.ApiConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the problems found in one configuration, so that all of them are reported together. Not thread safe:
 * one instance serves one validation run.
 */
final class Problems {

  private final @Nullable String file;
  private final List<ApiConfigError> errors = new ArrayList<>();

  Problems(@Nullable String file) {
    this.file = file;
  }

  void addFileProblem(Reason reason, String message) {
    errors.add(new ApiConfigError(file, -1, null, "", reason, message));
  }

  /** Returns the sink for the problems of one API; {@code index} is -1 for a spec built in code. */
  ApiProblems forApi(int index) {
    return new ApiProblems(index);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the collected problems, ordered by API index (file-level first), if there are any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      List<ApiConfigError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(ApiConfigError::apiIndex));
      throw new ApiConfigException(sorted);
    }
  }

  /** The problems of one API, each tagged with its index and (once known) its name. */
  final class ApiProblems {
    private final int index;
    private @Nullable String name;
    private int count;

    private ApiProblems(int index) {
      this.index = index;
    }

    void setName(String name) {
      this.name = name;
    }

    void add(String path, Reason reason, String message) {
      count++;
      errors.add(new ApiConfigError(file, index, name, path, reason, message));
    }

    int count() {
      return count;
    }
  }
}
