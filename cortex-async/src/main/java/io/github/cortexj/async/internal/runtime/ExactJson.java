package io.github.cortexj.async.internal.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Builds the mapper stored results are read back with, so that a result reads as it was written: decimals as
 * {@link java.math.BigDecimal} with their trailing zeros ({@code 1.0} stays {@code 1.0}, {@code 0.1} is not turned
 * into a binary double), and integers of any size exact. Cortex's gateway re-encodes results through Go's
 * float64; this is where cortex-java does better.
 *
 * <p>Stateless and thread safe.
 */
public final class ExactJson {

  private ExactJson() {}

  /**
   * Returns a copy of a mapper configured to read JSON numbers exactly.
   *
   * @param mapper the runtime's mapper, left unchanged
   * @return the reading mapper
   */
  public static ObjectMapper readingMapper(ObjectMapper mapper) {
    ObjectMapper copy = mapper.copy();
    copy.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    copy.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    return copy;
  }
}
