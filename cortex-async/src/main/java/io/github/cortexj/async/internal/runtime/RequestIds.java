package io.github.cortexj.async.internal.runtime;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * The ids of async requests: the caller's {@code x-request-id} when given (1 to 128 characters of
 * {@code [A-Za-z0-9._-]}, which keeps it a single safe object-key segment and a valid SQS deduplication id), a
 * UUID otherwise, as Cortex's ingress generates.
 *
 * <p>Generated ids are time-ordered version 7 UUIDs (RFC 9562): the clock's millisecond, then 74 bits from a
 * {@link SecureRandom}. Cortex's ingress generates random version 4 UUIDs. Ordered ids make a store's listing of an
 * API follow arrival order, and a new request's keys land next to the last ones in a sorted store instead of at a
 * random place among every request of the retention period. In the in-memory store, that random place cost
 * a cache miss at each level of the skip list. The 74 random bits keep an id unguessable.
 *
 * <p>Thread safe.
 */
public final class RequestIds {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 128;

  private static final long TIMESTAMP_MASK = 0xFFFF_FFFF_FFFFL;
  private static final long VERSION_7 = 0x7000L;
  private static final long RAND_A_MASK = 0x0FFFL;
  private static final long RAND_B_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
  private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

  /** Thread safe, as {@link UUID#randomUUID()}'s own generator is. */
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Random bits drawn from {@link #RANDOM} 128 longs at a time: a call to the generator costs about as much for
   * 1 KiB as for 8 bytes (it takes a lock, reads the system's source and mixes in a digest per call), and ids are
   * made one after the other. The bits are a secure generator's all the same, each used once. Guarded by itself.
   */
  private static final long[] RANDOM_LONGS = new long[128];

  /** The next unused long of {@link #RANDOM_LONGS}; guarded by it. */
  private static int nextRandomLong = RANDOM_LONGS.length;

  private RequestIds() {}

  /**
   * Tells whether an id is valid: 1 to 128 characters of {@code [A-Za-z0-9._-]}, and neither {@code .} nor
   * {@code ..} (which are not object-key segments).
   *
   * @param id the id
   * @return whether it may be used
   */
  public static boolean isValid(String id) {
    if (id.isEmpty() || id.length() > MAX_LENGTH || id.equals(".") || id.equals("..")) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a caller's id.
   *
   * @param id the id
   * @return the id
   * @throws IllegalArgumentException naming {@code x-request-id} when it is not valid
   */
  public static String validate(String id) {
    if (!isValid(id)) {
      String shown = id.length() > 140 ? id.substring(0, 140) + "..." : id;
      throw new IllegalArgumentException(
          "invalid x-request-id \"" + shown + "\": it must be 1 to " + MAX_LENGTH
              + " characters of letters, digits, '.', '_' and '-' (and not \".\" or \"..\")");
    }
    return id;
  }

  /**
   * Generates a version 7 UUID: the clock's time in milliseconds since the epoch (48 bits), the version, 12 random
   * bits, the IETF variant and 62 random bits.
   *
   * @param clock the clock whose time the id carries
   * @return the id, in UUID text form
   */
  public static String generate(Clock clock) {
    long millis = clock.millis() & TIMESTAMP_MASK;
    long randomA;
    long randomB;
    synchronized (RANDOM_LONGS) {
      if (nextRandomLong == RANDOM_LONGS.length) {
        byte[] bytes = new byte[RANDOM_LONGS.length * Long.BYTES];
        RANDOM.nextBytes(bytes);
        ByteBuffer.wrap(bytes).asLongBuffer().get(RANDOM_LONGS);
        nextRandomLong = 0;
      }
      randomA = RANDOM_LONGS[nextRandomLong++];
      randomB = RANDOM_LONGS[nextRandomLong++];
    }
    long mostSignificant = (millis << 16) | VERSION_7 | (randomA & RAND_A_MASK);
    long leastSignificant = (randomB & RAND_B_MASK) | IETF_VARIANT;
    return new UUID(mostSignificant, leastSignificant).toString();
  }
}
