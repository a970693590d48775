package com.diamondpricing.tuning;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Parzen estimator of a categorical parameter (A.7): one row per observation (every entry
 * {@code prior_weight / n_kernels}, plus 1 on the observed choice, normalised) and a uniform prior
 * row, mixed with the weights of A.5.
 */
final class CategoricalEstimator {

  private final int choices;
  private final double[][] rows;
  private final double[] weights;
  private final double[] cumulativeWeights;
  private final double[] pmf;

  /**
   * @param observations observed choice indices, in trial-number order
   * @param choices the number of choices
   * @param priorWeight the prior's raw weight (1 by default)
   */
  CategoricalEstimator(int[] observations, int choices, double priorWeight) {
    this.choices = choices;
    int m = observations.length;
    this.rows = new double[m + 1][];
    if (m == 0) {
      rows[0] = uniform(choices);
    } else {
      int kernels = m + 1;
      for (int i = 0; i < m; i++) {
        double[] row = new double[choices];
        Arrays.fill(row, priorWeight / kernels);
        row[observations[i]] += 1.0;
        rows[i] = normalise(row);
      }
      rows[m] = uniform(choices);
    }
    this.weights = TpeDefaults.mixtureWeights(m, priorWeight);
    this.cumulativeWeights = TpeDefaults.cumulative(weights);
    this.pmf = new double[choices];
    for (int k = 0; k < rows.length; k++) {
      for (int c = 0; c < choices; c++) {
        pmf[c] += weights[k] * rows[k][c];
      }
    }
  }

  private static double[] uniform(int choices) {
    double[] row = new double[choices];
    Arrays.fill(row, 1.0 / choices);
    return row;
  }

  private static double[] normalise(double[] row) {
    double sum = 0;
    for (double v : row) {
      sum += v;
    }
    for (int i = 0; i < row.length; i++) {
      row[i] /= sum;
    }
    return row;
  }

  /**
   * Draws {@code n} choice indices: first {@code n} component indices, then per candidate a uniform
   * {@code u} and the number of cumulative row probabilities below it (the last forced to 1).
   */
  int[] sample(SplittableRandom rng, int n) {
    int[] components = new int[n];
    for (int i = 0; i < n; i++) {
      components[i] = TpeDefaults.pickComponent(cumulativeWeights, rng.nextDouble());
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      double[] row = rows[components[i]];
      double cum = 0;
      int count = 0;
      for (int c = 0; c < choices; c++) {
        cum = c == choices - 1 ? 1.0 : cum + row[c];
        if (cum < u) {
          count++;
        }
      }
      out[i] = count;
    }
    return out;
  }

  /** ln of the mixture's probability of choice {@code index}. */
  double logPmf(int index) {
    return Math.log(pmf[index]);
  }

  /** The mixture's probabilities of all choices. */
  double[] pmf() {
    return pmf.clone();
  }
}
