/** Load tests of the async gateway: wrk against the gateway and a bare JDK HTTP server, and end-to-end latency. */
@NullMarked
package io.github.cortexj.benchmarks.async;

import org.jspecify.annotations.NullMarked;
