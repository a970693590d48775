package com.diamondpricing.tuning;

/**
 * The numeric view of a float or int parameter that the samplers work with (A.3, A.6.1): the
 * working space (linear or log), its bounds {@code [L, H]} (widened by half a step for grids, by
 * 0.5 before the log for log-int), and the mapping from working space back to a legal value.
 *
 * @param low the smallest legal value
 * @param high the largest legal value (already adjusted to the grid)
 * @param log whether the working space is {@code ln x}
 * @param step the grid step, 0 for continuous floats and for log-int
 * @param integer whether values are integers
 */
record NumericDomain(double low, double high, boolean log, double step, boolean integer) {

  /** Log-int: working space ln x, bounds ln(low − 0.5) … ln(high + 0.5). */
  boolean isLogInt() {
    return log && integer;
  }

  /** A grid (float with step, or linear int): scored by the mass of a step-wide cell. */
  boolean isGrid() {
    return !log && step > 0;
  }

  /** Lower working-space bound L. */
  double workingLow() {
    if (isLogInt()) {
      return Math.log(low - 0.5);
    }
    if (log) {
      return Math.log(low);
    }
    return low - step / 2;
  }

  /** Upper working-space bound H. */
  double workingHigh() {
    if (isLogInt()) {
      return Math.log(high + 0.5);
    }
    if (log) {
      return Math.log(high);
    }
    return high + step / 2;
  }

  double toWorking(double value) {
    return log ? Math.log(value) : value;
  }

  /**
   * A TPE candidate from working space to a legal value: exp for log scales, {@code rint} for grids
   * and integers (half to even, like numpy), and a clamp into {@code [low, high]} (for continuous
   * values a no-op up to rounding, as the truncated kernels never leave the range).
   */
  double fromWorking(double y) {
    if (isLogInt()) {
      return clamp(Math.rint(Math.exp(y)));
    }
    if (log) {
      return clamp(Math.exp(y));
    }
    if (step > 0) {
      return clamp(Math.rint((y - low) / step) * step + low);
    }
    return clamp(y);
  }

  /**
   * The random-phase mapping (A.3) of a uniform draw {@code u ∈ [L, H)}: like {@link #fromWorking}
   * but continuous floats stay strictly below {@code high} ({@code nextafter(high, −∞)}).
   */
  double fromUniform(double u) {
    if (step > 0 || isLogInt()) {
      return fromWorking(u);
    }
    double x = log ? Math.exp(u) : u;
    return Math.max(low, Math.min(x, Math.nextDown(high)));
  }

  private double clamp(double x) {
    return Math.max(low, Math.min(x, high));
  }
}
