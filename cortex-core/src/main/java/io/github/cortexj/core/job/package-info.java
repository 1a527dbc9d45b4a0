/**
 * The values users exchange with a cluster about batch jobs and APIs: what is submitted ({@link
 * io.github.cortexj.core.job.JobSubmission}), what a job's status reads ({@link
 * io.github.cortexj.core.job.BatchJobStatus}), the batches that failed, and the outcome of a deploy. Their JSON
 * forms are Cortex's, in snake_case, so a JSON body from a Cortex user reads as it did there.
 */
@NullMarked
package io.github.cortexj.core.job;

import org.jspecify.annotations.NullMarked;
