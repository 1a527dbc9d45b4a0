/**
 * The machinery behind the in-memory backends of {@code io.github.cortexj.core.backend}: per-queue state, message
 * validation and key ordering. Internal: nothing here is public API, it may change in any release without notice,
 * and other modules must not use it.
 */
@NullMarked
package io.github.cortexj.core.internal.backend;

import org.jspecify.annotations.NullMarked;
