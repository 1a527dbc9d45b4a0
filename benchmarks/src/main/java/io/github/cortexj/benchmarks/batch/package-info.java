/**
 * Benchmarks of the embedded batch runtime: its throughput against the irreducible encode, hand-over and decode
 * of the same batches, and its peak heap on large jobs.
 */
@NullMarked
package io.github.cortexj.benchmarks.batch;

import org.jspecify.annotations.NullMarked;
