/**
 * Throughput of the SQS backend against a raw AWS SDK loop on an in-process ElasticMQ; results in
 * {@code docs/performance.md}, section "SQS backend".
 */
@NullMarked
package io.github.cortexj.benchmarks.aws;

import org.jspecify.annotations.NullMarked;
