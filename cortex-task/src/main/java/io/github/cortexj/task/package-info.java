/**
 * Task APIs: {@link io.github.cortexj.task.TaskRuntime} builds a {@link io.github.cortexj.core.Task}, merges its
 * config and runs it once per task job, keeping the job's spec, status markers and error in an
 * {@link io.github.cortexj.core.backend.ObjectStore} in Cortex's layout.
 */
@NullMarked
package io.github.cortexj.task;

import org.jspecify.annotations.NullMarked;
