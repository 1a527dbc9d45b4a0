/**
 * JMH benchmarks and load tools whose results are reported, as ratios against a baseline measured in the same run, in {@code docs/performance.md}. Filled in by the issues that make performance claims.
 */
@NullMarked
package io.github.cortexj.benchmarks;

import org.jspecify.annotations.NullMarked;
