/**
 * Implementations of {@code CortexClient}: the embedded in-process cluster over any pair of backends, and the HTTP client of an operator; Cortex's CLI environments ({@code cli.yaml}). Filled in by the batch-jobs and task issues.
 */
@NullMarked
package io.github.cortexj.client;

import org.jspecify.annotations.NullMarked;
