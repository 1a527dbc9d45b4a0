/**
 * Implementation of cortex.yaml reading and validation. Internal: no compatibility promise, may change in any
 * release, and other modules must not use it.
 */
@NullMarked
package io.github.cortexj.core.internal.spec;

import org.jspecify.annotations.NullMarked;
