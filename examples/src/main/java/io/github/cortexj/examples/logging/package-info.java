/**
 * Logging as Cortex does it, for the examples: {@link io.github.cortexj.examples.logging.CortexJsonLayout} writes
 * each log event as one JSON line with Cortex's keys in Cortex's order; {@code logback.xml} wires it to stderr.
 */
@NullMarked
package io.github.cortexj.examples.logging;

import org.jspecify.annotations.NullMarked;
