package com.diamondpricing.tuning;

import org.hipparchus.special.Erf;

/** Standard normal helpers: CDF from erfc, a stable log of a cell's mass, an inverse CDF. */
final class Gaussian {

  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);
  private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);

  private Gaussian() {}

  /** Φ(t) = ½·erfc(−t/√2), accurate in the lower tail. */
  static double cdf(double t) {
    if (t == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    if (t == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    return 0.5 * Erf.erfc(-t / SQRT2);
  }

  /** ln φ(z) of the standard normal density. */
  static double logPdf(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /**
   * ln(Φ(beta) − Φ(alpha)) for alpha ≤ beta, computed like Optuna's {@code _log_gauss_mass}: in the
   * tail where the difference is taken from the side that does not cancel. May be −∞ far out.
   */
  static double logMass(double alpha, double beta) {
    if (beta <= 0) {
      return Math.log(cdf(beta) - cdf(alpha));
    }
    if (alpha > 0) {
      return Math.log(cdf(-alpha) - cdf(-beta));
    }
    return Math.log1p(-cdf(alpha) - cdf(-beta));
  }

  /**
   * Φ⁻¹(p): Acklam's rational approximation refined by one Halley step against {@link #cdf}, which
   * gives close to double precision. Returns ∓∞ for p = 0 and p = 1.
   */
  static double inverseCdf(double p) {
    if (Double.isNaN(p) || p < 0 || p > 1) {
      throw new IllegalArgumentException("probability out of [0, 1]: " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x = tail(q);
    } else if (p <= 1 - P_LOW) {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
              * q
              / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x = -tail(q);
    }
    // one Halley step
    double e = cdf(x) - p;
    double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    double refined = x - u / (1 + 0.5 * x * u);
    return Double.isFinite(refined) ? refined : x;
  }

  private static double tail(double q) {
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }

  private static final double P_LOW = 0.02425;
  private static final double[] A = {
    -3.969683028665376e+01,
    2.209460984245205e+02,
    -2.759285104469687e+02,
    1.383577518672690e+02,
    -3.066479806614716e+01,
    2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e+00,
    -2.549732539343734e+00,
    4.374664141464968e+00,
    2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
}
