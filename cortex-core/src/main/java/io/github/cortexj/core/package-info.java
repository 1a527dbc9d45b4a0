/**
 * The contracts of cortex-java: the handler SPI ({@code BatchHandler},
 * {@code AsyncHandler}, {@code Task}) and their contexts, job specs,
 * statuses and the {@link io.github.cortexj.core.CortexException} hierarchy.
 *
 * <p>This module has no threads and no sockets: the workload modules run what is declared here.
 */
@NullMarked
package io.github.cortexj.core;

import org.jspecify.annotations.NullMarked;
