/**
 * The implementation of cortex-client: the embedded cluster's API registry. Internal: no compatibility promise;
 * other modules must not use it.
 */
@NullMarked
package io.github.cortexj.client.internal;

import org.jspecify.annotations.NullMarked;
