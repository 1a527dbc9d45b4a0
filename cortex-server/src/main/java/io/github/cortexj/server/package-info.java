/**
 * The operator HTTP server that exposes Cortex's REST routes over a cluster, and the {@code cortex} command line. Filled in by the project-files issue (CLI) and the async issue ({@code cortex serve}).
 */
@NullMarked
package io.github.cortexj.server;

import org.jspecify.annotations.NullMarked;
