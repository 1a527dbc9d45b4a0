/**
 * The implementation of cortex-batch: validation, listing, enqueuing, the worker loop, completion and status.
 * Internal: no compatibility promise; other modules must not use it.
 */
@NullMarked
package io.github.cortexj.batch.internal;

import org.jspecify.annotations.NullMarked;
