/**
 * Batch jobs: the enqueuer that splits a submission into batches, the worker loop that calls {@code BatchHandler#handleBatch}, the exactly-once {@code onJobComplete}, and job status derived from the object store's markers. Filled in by the batch-jobs issue.
 */
@NullMarked
package io.github.cortexj.batch;

import org.jspecify.annotations.NullMarked;
