/**
 * Benchmarks of the project files code: {@code .cortexignore} matching against JGit's ignore matcher, and the
 * project walk plus zip against {@code zip -r}.
 */
@NullMarked
package io.github.cortexj.benchmarks.project;

import org.jspecify.annotations.NullMarked;
