/**
 * Structured logging for handlers, on SLF4J only: {@link io.github.cortexj.core.logging.HandlerMdc} puts the ids
 * of the work in progress ({@code api_name}, {@code job_id}, {@code batch_id}, {@code request_id}) in the MDC
 * around each handler call, and {@link io.github.cortexj.core.logging.LogExtra} is Cortex's {@code extra}: key/values
 * added to one log event. How events are rendered (JSON lines as Cortex writes them, or anything else) is the
 * choice of the SLF4J provider the application uses.
 */
@NullMarked
package io.github.cortexj.core.logging;

import org.jspecify.annotations.NullMarked;
