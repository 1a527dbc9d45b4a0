/**
 * Implementation details of cortex-server. Nothing here is public API: it may change in any release without notice,
 * and other modules must not use it.
 */
@NullMarked
package io.github.cortexj.server.internal;

import org.jspecify.annotations.NullMarked;
