/**
 * Implementation of {@code cli.yaml} reading and writing and of the client lookup behind
 * {@code CortexClient.fromEnvironment}. Internal: no compatibility promise, may change in any release, and other
 * modules must not use it.
 */
@NullMarked
package io.github.cortexj.core.internal.env;

import org.jspecify.annotations.NullMarked;
