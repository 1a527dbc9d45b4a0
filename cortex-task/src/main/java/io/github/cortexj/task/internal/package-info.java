/**
 * The implementation of cortex-task: submission checks, the store layout, the runner, stops and timeouts.
 * Internal: no compatibility promise; other modules must not use it.
 */
@NullMarked
package io.github.cortexj.task.internal;

import org.jspecify.annotations.NullMarked;
