package io.github.cortexj.testkit;

import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * The base of the testkit's AssertJ assertions: failure messages say what was expected and what was found, and,
 * when the assertion was made through a {@link CortexTestCluster}, end with its {@link CortexTestCluster#timeline()
 * timeline}.
 *
 * @param <S> the assertion's own type
 * @param <A> the type of the value under test
 */
public abstract class CortexAssert<S extends CortexAssert<S, A>, A> extends AbstractAssert<S, A> {

  private @Nullable Supplier<String> diagnostics;

  /**
   * Creates the assertion.
   *
   * @param actual the value under test
   * @param selfType the assertion's own class
   */
  protected CortexAssert(@Nullable A actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Appends diagnostics (for example a cluster's timeline) to every failure message of this assertion.
   *
   * @param diagnostics renders them, called only on failure
   * @return this
   */
  public S withDiagnostics(Supplier<String> diagnostics) {
    this.diagnostics = diagnostics;
    return myself;
  }

  /**
   * Fails with a message, followed by the diagnostics when there are any.
   *
   * @param message what was expected and what was found
   */
  protected void failWith(String message) {
    Supplier<String> extra = diagnostics;
    failWithMessage("%s", extra == null ? message : message + "\n" + extra.get());
  }
}
