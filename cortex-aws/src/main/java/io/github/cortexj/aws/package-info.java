/**
 * Backends on the AWS SDK for Java v2: {@code SqsQueueBackend} and {@code S3ObjectStore}, so the same runtime spreads its workers over many JVMs through real SQS and S3. Filled in by the AWS backends issue.
 */
@NullMarked
package io.github.cortexj.aws;

import org.jspecify.annotations.NullMarked;
