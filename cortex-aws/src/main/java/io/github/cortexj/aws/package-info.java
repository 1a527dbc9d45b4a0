/**
 * Backends on the AWS SDK for Java v2: {@link io.github.cortexj.aws.SqsQueueBackend} and
 * {@link io.github.cortexj.aws.S3ObjectStore}, so the same runtime spreads its workers over many JVMs through real
 * SQS and S3 (or servers that speak their protocols), configured by {@link io.github.cortexj.aws.AwsBackendOptions}.
 */
@NullMarked
package io.github.cortexj.aws;

import org.jspecify.annotations.NullMarked;
