/**
 * Async APIs: the HTTP gateway (create a workload, read its status and result), the async worker loop and the result store with retention. Filled in by the async issue.
 */
@NullMarked
package io.github.cortexj.async;

import org.jspecify.annotations.NullMarked;
