/**
 * Async payloads: {@link io.github.cortexj.core.payload.Payload} and the rules that turn a body and its
 * Content-Type into one.
 */
@NullMarked
package io.github.cortexj.core.payload;

import org.jspecify.annotations.NullMarked;
