package io.github.cortexj.aws;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * When the S3 client computes request checksums and validates response checksums.
 *
 * <p>AWS S3 accepts both modes. Many S3-compatible servers (S3Proxy, older MinIO and Ceph releases) reject the
 * streaming checksums the SDK sends by default with {@code 501 NotImplemented}; use {@link #WHEN_REQUIRED} for
 * them.
 */
public enum ChecksumMode {

  /** Checksums on every operation that supports them: the SDK's default, right for AWS S3. */
  WHEN_SUPPORTED(RequestChecksumCalculation.WHEN_SUPPORTED, ResponseChecksumValidation.WHEN_SUPPORTED),

  /** Checksums only where the operation requires one: right for S3-compatible servers. */
  WHEN_REQUIRED(RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation.WHEN_REQUIRED);

  private final RequestChecksumCalculation requestCalculation;
  private final ResponseChecksumValidation responseValidation;

  ChecksumMode(RequestChecksumCalculation requestCalculation, ResponseChecksumValidation responseValidation) {
    this.requestCalculation = requestCalculation;
    this.responseValidation = responseValidation;
  }

  /**
   * Returns the SDK setting for request checksums.
   *
   * @return the request checksum calculation
   */
  public RequestChecksumCalculation requestChecksumCalculation() {
    return requestCalculation;
  }

  /**
   * Returns the SDK setting for response checksum validation.
   *
   * @return the response checksum validation
   */
  public ResponseChecksumValidation responseChecksumValidation() {
    return responseValidation;
  }
}
