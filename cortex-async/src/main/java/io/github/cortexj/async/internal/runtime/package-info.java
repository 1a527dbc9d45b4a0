/**
 * The implementation of the async runtime: the request store in Cortex's layout, the replica worker loop, the
 * replica autoscaler and the retention purge. Internal: no compatibility promise; other modules must not use it.
 */
@NullMarked
package io.github.cortexj.async.internal.runtime;

import org.jspecify.annotations.NullMarked;
