/** Benchmarks of the in-memory storage backends that embedded clusters and tests run on. */
@NullMarked
package io.github.cortexj.benchmarks.backend;

import org.jspecify.annotations.NullMarked;
