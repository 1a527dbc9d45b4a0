/**
 * Implementation of {@link io.github.cortexj.async.AsyncGateway}: routing, request-id rules, bounded body reading,
 * CORS and the answers' formats. Internal: nothing here is public API, it may change in any release without notice,
 * and other modules must not use it.
 */
@NullMarked
package io.github.cortexj.async.internal.gateway;

import org.jspecify.annotations.NullMarked;
