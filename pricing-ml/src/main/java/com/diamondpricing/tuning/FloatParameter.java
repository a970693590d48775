package com.diamondpricing.tuning;

import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A float parameter in {@code [low, high]}, like Optuna's {@code FloatDistribution}: linear, on a
 * log scale, or on a grid {@code low + i·step}. A {@code step} of 0 means continuous.
 *
 * <p>Validation follows Optuna: {@code low ≤ high}, a log scale needs {@code low > 0} and no step,
 * a step must be positive, and when {@code high − low} is not a multiple of the step, {@code high}
 * is lowered to the last grid point (in decimal arithmetic, with a warning).
 */
record FloatParameter(String name, double low, double high, boolean log, double step)
    implements ParameterSpec {

  private static final Logger LOG = LoggerFactory.getLogger(FloatParameter.class);

  FloatParameter {
    ParameterSpec.requireName(name);
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': low and high must be finite, got [" + low + ", " + high + "]");
    }
    if (low > high) {
      throw new IllegalArgumentException(
          "parameter '"
              + name
              + "': low must be smaller than or equal to high, got low="
              + low
              + ", high="
              + high);
    }
    if (!(step >= 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': step must be a finite positive number, got " + step);
    }
    if (log && step != 0) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': a step is not supported together with a log scale");
    }
    if (log && low <= 0) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': a log scale needs low > 0, got low=" + low);
    }
    if (step != 0) {
      double adjusted = adjustHigh(low, high, step);
      if (adjusted != high) {
        LOG.warn(
            "parameter '{}': high - low is not a multiple of step {}; high lowered from {} to {}",
            name,
            step,
            high,
            adjusted);
        high = adjusted;
      }
    }
  }

  static FloatParameter linear(String name, double low, double high) {
    return new FloatParameter(name, low, high, false, 0);
  }

  static FloatParameter logScale(String name, double low, double high) {
    return new FloatParameter(name, low, high, true, 0);
  }

  static FloatParameter stepped(String name, double low, double high, double step) {
    if (!(step > 0)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': step must be a finite positive number, got " + step);
    }
    return new FloatParameter(name, low, high, false, step);
  }

  /**
   * Like Optuna's {@code _adjust_discrete_uniform_high}: decimal arithmetic on the shortest reprs.
   */
  private static double adjustHigh(double low, double high, double step) {
    BigDecimal dLow = new BigDecimal(Double.toString(low));
    BigDecimal dHigh = new BigDecimal(Double.toString(high));
    BigDecimal dStep = new BigDecimal(Double.toString(step));
    BigDecimal range = dHigh.subtract(dLow);
    if (range.remainder(dStep).signum() == 0) {
      return high;
    }
    return range.divideToIntegralValue(dStep).multiply(dStep).add(dLow).doubleValue();
  }

  NumericDomain domain() {
    return new NumericDomain(low, high, log, step, false);
  }

  @Override
  public boolean isSingleValued() {
    return low == high || (step != 0 && high - low < step);
  }

  @Override
  public double singleInternalValue() {
    return low;
  }

  @Override
  public Object toExternal(double internal) {
    return internal;
  }
}
