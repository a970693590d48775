package com.diamondpricing.server.feedback;

/**
 * The population stability index, PSI = sum over bins of (a - e) ln(a / e), a the observed share
 * and e the reference share of a bin; an empty bin counts as a share of 0.0001 (the usual
 * smoothing). Read as the credit-scoring convention does: below 0.1 stable, 0.1 to 0.25 moderate,
 * above 0.25 major.
 */
final class Psi {

  static final double EMPTY = 1e-4;
  static final double MODERATE = 0.1;
  static final double MAJOR = 0.25;
  static final String STABLE = "stable";
  static final String MODERATE_LABEL = "moderate";
  static final String MAJOR_LABEL = "major";
  static final String NOT_ENOUGH = "not enough data";

  private Psi() {}

  /** The PSI of observed counts (n in all) against reference shares, bin by bin. */
  static double of(double[] expected, double[] observed, double n) {
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = Math.max(expected[i], EMPTY);
      double a = n > 0 ? Math.max(observed[i] / n, EMPTY) : EMPTY;
      psi += (a - e) * Math.log(a / e);
    }
    return psi;
  }

  /** stable, moderate or major. */
  static String label(double psi) {
    return psi > MAJOR ? MAJOR_LABEL : psi >= MODERATE ? MODERATE_LABEL : STABLE;
  }
}
