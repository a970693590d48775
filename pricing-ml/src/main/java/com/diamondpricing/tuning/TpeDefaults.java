package com.diamondpricing.tuning;

import java.util.Arrays;

/** Optuna's default TPE constants and the {@code default_gamma} / {@code default_weights} rules. */
final class TpeDefaults {

  static final int STARTUP_TRIALS = 10;
  static final int EI_CANDIDATES = 24;
  static final double PRIOR_WEIGHT = 1.0;

  /** Below never holds more than this many trials; above gets ramp weights from this size on. */
  static final int CAP = 25;

  /** The magic-clip divisor cap: {@code minsigma = R / min(100, 1 + n_kernels)}. */
  static final double MAGIC_CLIP_CAP = 100.0;

  private TpeDefaults() {}

  /** The size of the "below" set: {@code min(ceil(0.1·n), 25)}. */
  static int gamma(int n) {
    return (int) Math.min(Math.ceil(0.1 * n), CAP);
  }

  /**
   * Observation weights for a group of {@code m} trials in trial-number order: ones for {@code m <
   * 25}, else {@code linspace(1/m, 1, m − 25)} for the oldest followed by 25 ones.
   */
  static double[] weights(int m) {
    double[] w = new double[m];
    Arrays.fill(w, 1.0);
    if (m >= CAP) {
      int ramp = m - CAP;
      double start = 1.0 / m;
      if (ramp == 1) {
        w[0] = start;
      } else if (ramp > 1) {
        // numpy linspace: start + i·step, the last point set to stop exactly
        double step = (1.0 - start) / (ramp - 1);
        for (int i = 0; i < ramp - 1; i++) {
          w[i] = start + i * step;
        }
        w[ramp - 1] = 1.0;
      }
    }
    return w;
  }

  /** Observation weights followed by the prior weight, normalised to sum 1. */
  static double[] mixtureWeights(int m, double priorWeight) {
    double[] obs = weights(m);
    double[] w = Arrays.copyOf(obs, m + 1);
    w[m] = m == 0 ? 1.0 : priorWeight;
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /**
   * numpy {@code choice(len(w), p=w)} for one uniform {@code u ∈ [0,1)}: the first index whose
   * normalised cumulative weight exceeds {@code u}.
   */
  static int pickComponent(double[] cumulative, double u) {
    double total = cumulative[cumulative.length - 1];
    for (int j = 0; j < cumulative.length; j++) {
      if (cumulative[j] / total > u) {
        return j;
      }
    }
    return cumulative.length - 1;
  }

  static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      c[i] = sum;
    }
    return c;
  }

  /** {@code ln Σ exp(terms)}; all −∞ gives −∞ (the max is then taken as 0, as in Optuna). */
  static double logSumExp(double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : terms) {
      max = Math.max(max, t);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (max == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }
}
