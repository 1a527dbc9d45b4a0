/**
 * Task APIs: the runner that builds a {@code Task}, merges its config and runs it once per task job, and the task job's status. Filled in by the task issue.
 */
@NullMarked
package io.github.cortexj.task;

import org.jspecify.annotations.NullMarked;
