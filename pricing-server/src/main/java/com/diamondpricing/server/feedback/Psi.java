package com.diamondpricing.server.feedback;

/**
 * The population stability index, PSI = sum over bins of (a - e) ln(a / e), a the observed share
 * and e the reference share of a bin; an empty bin counts as a share of 0.0001 (the usual
 * smoothing). Read as the credit-scoring convention does (below 0.1 stable, 0.1 to 0.25 moderate,
 * above 0.25 major), but only for a sample that differs from the reference beyond chance: a PSI
 * over n values is biased upwards (n × PSI is about chi-square with bins - 1 degrees of freedom
 * when nothing changed, so ten bins give about 9 / n on average and up to 21.7 / n in one sample of
 * a hundred: 0.13 for 162 stones drawn from the training data itself). A drift is therefore flagged
 * only when it is both significant (the chi-square goodness-of-fit test of the sample's bin counts
 * against the reference's shares gives p below {@value #SIGNIFICANCE}, see {@link
 * Sampling#goodnessOfFit}) and material (PSI at least {@value #MODERATE}). The significance is
 * {@value #FAMILY_SIGNIFICANCE} shared among the {@value #FIGURES} figures a drift report tests
 * (the nine features and the predicted price; Bonferroni): a window of predictions drawn from the
 * training data itself is flagged anywhere about once in a hundred, not once in ten.
 */
final class Psi {

  static final double EMPTY = 1e-4;
  static final double MODERATE = 0.1;
  static final double MAJOR = 0.25;
  static final double FAMILY_SIGNIFICANCE = 0.01;
  static final int FIGURES = 10;

  /** {@value #FAMILY_SIGNIFICANCE} / {@value #FIGURES}. */
  static final double SIGNIFICANCE = 0.001;

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

  /** stable, moderate or major by the PSI alone: the convention's reading of a large sample. */
  static String label(double psi) {
    return psi > MAJOR ? MAJOR_LABEL : psi >= MODERATE ? MODERATE_LABEL : STABLE;
  }

  /**
   * stable, moderate or major: the PSI's label when the goodness-of-fit test's p-value is below
   * {@value #SIGNIFICANCE}, else stable (what a sample of that size shows by chance).
   */
  static String label(double psi, double pValue) {
    return pValue < SIGNIFICANCE ? label(psi) : STABLE;
  }
}
