package com.diamondpricing.tuning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The univariate Parzen estimator of a numeric parameter (A.5, A.6): one truncated-normal kernel
 * per observation plus a prior kernel centred on the working range, bandwidths from the
 * farther-neighbour rule with the prior centre among the neighbours (Optuna 3.x–4.8), the magic
 * clip, and the correctly normalised continuous density (with the {@code −ln σ} term, Optuna
 * 3.5–4.8).
 *
 * <p>Scoring: continuous floats by the kernel density at {@code x} (or {@code ln x}); grids by the
 * mass of the step-wide cell around {@code x}; log-int by the mass of {@code [ln(x − 0.5), ln(x +
 * 0.5)]} (the Optuna 4.7–4.8 rule; 4.6 and earlier used the point density at {@code ln x}).
 */
final class ParzenEstimator {

  private final NumericDomain domain;
  private final double lo;
  private final double hi;
  private final double[] mus;
  private final double[] sigmas;
  private final double[] weights;
  private final double[] logWeights;
  private final double[] logNormalisers;
  private final double[] cumulativeWeights;

  /**
   * @param observations legal parameter values (not transformed), in trial-number order
   * @param domain the parameter's numeric domain
   * @param priorWeight the prior kernel's raw weight (1 by default)
   */
  ParzenEstimator(double[] observations, NumericDomain domain, double priorWeight) {
    this.domain = domain;
    this.lo = domain.workingLow();
    this.hi = domain.workingHigh();
    int m = observations.length;
    double[] obsMus = new double[m];
    for (int i = 0; i < m; i++) {
      obsMus[i] = domain.toWorking(observations[i]);
    }
    double range = hi - lo;
    double priorMu = 0.5 * (lo + hi);
    double[] obsSigmas = bandwidths(obsMus, lo, hi);
    this.mus = Arrays.copyOf(obsMus, m + 1);
    this.sigmas = Arrays.copyOf(obsSigmas, m + 1);
    mus[m] = priorMu;
    sigmas[m] = range;
    this.weights = TpeDefaults.mixtureWeights(m, priorWeight);
    this.cumulativeWeights = TpeDefaults.cumulative(weights);
    this.logWeights = new double[m + 1];
    this.logNormalisers = new double[m + 1];
    for (int k = 0; k <= m; k++) {
      logWeights[k] = Math.log(weights[k]);
      logNormalisers[k] = Gaussian.logMass((lo - mus[k]) / sigmas[k], (hi - mus[k]) / sigmas[k]);
    }
  }

  /**
   * The univariate bandwidth rule (A.6.3) for the observation centres, with the prior centre taking
   * part in the neighbour computation and the magic clip applied.
   */
  static double[] bandwidths(double[] obsMus, double lo, double hi) {
    int m = obsMus.length;
    double[] withPrior = Arrays.copyOf(obsMus, m + 1);
    withPrior[m] = 0.5 * (lo + hi);
    int k = m + 1;
    // stable argsort
    Integer[] order =
        IntStream.range(0, k)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> withPrior[i]))
            .toArray(Integer[]::new);
    double[] ext = new double[k + 2];
    ext[0] = lo;
    for (int j = 0; j < k; j++) {
      ext[j + 1] = withPrior[order[j]];
    }
    ext[k + 1] = hi;
    double[] sortedSigmas = new double[k];
    for (int j = 1; j <= k; j++) {
      sortedSigmas[j - 1] = Math.max(ext[j] - ext[j - 1], ext[j + 1] - ext[j]);
    }
    if (k + 2 >= 4) {
      // no endpoints: the outermost centres look inwards only
      sortedSigmas[0] = ext[2] - ext[1];
      sortedSigmas[k - 1] = ext[k] - ext[k - 1];
    }
    double range = hi - lo;
    double minSigma = range / Math.min(TpeDefaults.MAGIC_CLIP_CAP, 1.0 + (m + 1));
    double[] sigmas = new double[m];
    for (int j = 0; j < k; j++) {
      int original = order[j];
      if (original < m) {
        sigmas[original] = Math.max(minSigma, Math.min(sortedSigmas[j], range));
      }
    }
    return sigmas;
  }

  /**
   * Draws {@code n} candidates (A.6.5): first {@code n} component indices, then {@code n} uniforms
   * for the inverse truncated-normal CDF; each mapped back to a legal value (exp, rint, clamp).
   */
  double[] sample(SplittableRandom rng, int n) {
    int[] components = new int[n];
    for (int i = 0; i < n; i++) {
      components[i] = TpeDefaults.pickComponent(cumulativeWeights, rng.nextDouble());
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int k = components[i];
      double a = (lo - mus[k]) / sigmas[k];
      double b = (hi - mus[k]) / sigmas[k];
      double t = truncatedNormalQuantile(a, b, rng.nextDouble());
      out[i] = domain.fromWorking(mus[k] + sigmas[k] * t);
    }
    return out;
  }

  /** The quantile {@code u} of the standard normal truncated to {@code [a, b]}. */
  static double truncatedNormalQuantile(double a, double b, double u) {
    double t;
    if (u <= 0) {
      t = a;
    } else if (u >= 1) {
      t = b;
    } else if (a < 0) {
      double pa = Gaussian.cdf(a);
      t = Gaussian.inverseCdf(pa + u * (Gaussian.cdf(b) - pa));
    } else {
      double qb = Gaussian.cdf(-b);
      t = -Gaussian.inverseCdf(qb + (1 - u) * (Gaussian.cdf(-a) - qb));
    }
    return Math.max(a, Math.min(t, b));
  }

  /** ln of the mixture's density (continuous) or probability mass (grids, log-int) at {@code x}. */
  double logPdf(double x) {
    int n = mus.length;
    double[] terms = new double[n];
    if (domain.isLogInt()) {
      double left = Math.max(Math.log(x - 0.5), lo);
      double right = Math.min(Math.log(x + 0.5), hi);
      for (int k = 0; k < n; k++) {
        terms[k] = logWeights[k] + cellLogMass(k, left, right);
      }
    } else if (domain.isGrid()) {
      double half = domain.step() / 2;
      double left = Math.max(x - half, lo);
      double right = Math.min(x + half, hi);
      for (int k = 0; k < n; k++) {
        terms[k] = logWeights[k] + cellLogMass(k, left, right);
      }
    } else {
      double y = domain.toWorking(x);
      for (int k = 0; k < n; k++) {
        double z = (y - mus[k]) / sigmas[k];
        terms[k] = logWeights[k] + Gaussian.logPdf(z) - Math.log(sigmas[k]) - logNormalisers[k];
      }
    }
    return TpeDefaults.logSumExp(terms);
  }

  private double cellLogMass(int k, double left, double right) {
    return Gaussian.logMass((left - mus[k]) / sigmas[k], (right - mus[k]) / sigmas[k])
        - logNormalisers[k];
  }

  /** Kernel centres in working space, the prior last. */
  double[] mus() {
    return mus.clone();
  }

  /** Kernel bandwidths in working space, the prior last. */
  double[] sigmas() {
    return sigmas.clone();
  }

  /** Normalised mixture weights, the prior last. */
  double[] weights() {
    return weights.clone();
  }
}
