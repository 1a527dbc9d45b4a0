/**
 * Internal machinery of the testkit: recording and fault-injecting backend decorators, the event log, the
 * virtual-time driver and the client decorators. Internal: no compatibility promise; use the types of
 * {@code io.github.cortexj.testkit} instead.
 */
@NullMarked
package io.github.cortexj.testkit.internal;

import org.jspecify.annotations.NullMarked;
