/**
 * What the runtimes of cortex-java (batch, async, task) share in how they are built: the backends, the clock, the
 * executor and the other options every runtime's builder takes, validated in one place.
 */
@NullMarked
package io.github.cortexj.core.runtime;

import org.jspecify.annotations.NullMarked;
