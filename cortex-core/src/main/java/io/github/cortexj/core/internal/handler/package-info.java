/**
 * Implementation of the handler SPI of {@code io.github.cortexj.core}: constructor injection, the typed batch
 * adapter, the context implementations and their defaults.
 *
 * <p><strong>Internal.</strong> Nothing here is public API: it may change in any release without notice, and
 * other modules must not use it. Use {@code io.github.cortexj.core.Handlers} and the context builders instead.
 */
@NullMarked
package io.github.cortexj.core.internal.handler;

import org.jspecify.annotations.NullMarked;
