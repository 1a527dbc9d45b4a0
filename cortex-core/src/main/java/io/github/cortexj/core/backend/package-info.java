/**
 * The two storage SPIs the runtime is written against, {@link io.github.cortexj.core.backend.QueueBackend} (what
 * SQS gives Cortex) and {@link io.github.cortexj.core.backend.ObjectStore} (what S3 gives Cortex), with in-memory
 * implementations that behave like the real services where it matters.
 *
 * <p>The same runtime code runs on the in-memory backends (embedded, tests) and on SQS + S3 (distributed, in the
 * {@code cortex-aws} module); only the backend differs.
 */
@NullMarked
package io.github.cortexj.core.backend;

import org.jspecify.annotations.NullMarked;
