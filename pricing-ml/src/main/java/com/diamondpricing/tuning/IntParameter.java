package com.diamondpricing.tuning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An integer parameter in {@code [low, high]}, like Optuna's {@code IntDistribution}: on the grid
 * {@code low + i·step} (step 1 by default), or on a log scale (which requires step 1 and {@code low
 * ≥ 1}). When {@code high − low} is not a multiple of the step, {@code high} is lowered to the last
 * grid point with a warning.
 */
record IntParameter(String name, int low, int high, boolean log, int step)
    implements ParameterSpec {

  private static final Logger LOG = LoggerFactory.getLogger(IntParameter.class);

  IntParameter {
    ParameterSpec.requireName(name);
    if (low > high) {
      throw new IllegalArgumentException(
          "parameter '"
              + name
              + "': low must be smaller than or equal to high, got low="
              + low
              + ", high="
              + high);
    }
    if (step <= 0) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': step must be a positive integer, got " + step);
    }
    if (log && step != 1) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': a log scale needs step 1, got step=" + step);
    }
    if (log && low < 1) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': a log scale needs low >= 1, got low=" + low);
    }
    long range = (long) high - low;
    if (range % step != 0) {
      int adjusted = (int) (range / step * step + low);
      LOG.warn(
          "parameter '{}': high - low is not a multiple of step {}; high lowered from {} to {}",
          name,
          step,
          high,
          adjusted);
      high = adjusted;
    }
  }

  NumericDomain domain() {
    return new NumericDomain(low, high, log, log ? 0 : step, true);
  }

  @Override
  public boolean isSingleValued() {
    return low == high || (long) high - low < step;
  }

  @Override
  public double singleInternalValue() {
    return low;
  }

  @Override
  public Object toExternal(double internal) {
    return (int) internal;
  }
}
