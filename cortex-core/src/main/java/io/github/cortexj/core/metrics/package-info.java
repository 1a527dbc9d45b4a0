/**
 * Handler metrics: {@link io.github.cortexj.core.metrics.MetricsClient}, its no-op default and a bridge to
 * Micrometer, so that users choose their metrics backend.
 */
@NullMarked
package io.github.cortexj.core.metrics;

import org.jspecify.annotations.NullMarked;
