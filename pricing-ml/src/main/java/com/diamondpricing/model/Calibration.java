package com.diamondpricing.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Split-conformal prediction intervals on log residuals, calibrated on rows held out of the fit.
 *
 * <p>Each held-out row scores s = |ln(actual) - ln(predicted)|. For a level 1 - alpha, q is the
 * ceil((n + 1)(1 - alpha))-th smallest score, and the interval of a price p is [p e^-q, p e^q]: its
 * width grows with the price, which suits diamonds. With exchangeable rows it covers the actual
 * price with probability at least 1 - alpha (over all stones, not per cut or colour).
 *
 * @param rows the held-out rows the scores came from
 * @param halfWidths per level (0.8, 0.9), q in log dollars
 */
public record Calibration(int rows, Map<Double, Double> halfWidths) {

  /** The levels every model is calibrated at. */
  public static final double[] LEVELS = {0.8, 0.9};

  public Calibration {
    halfWidths = Collections.unmodifiableMap(new LinkedHashMap<>(halfWidths));
  }

  /**
   * The calibration of predictions on held-out rows.
   *
   * @throws IllegalArgumentException when there are too few rows for a level (fewer than 1/alpha)
   */
  public static Calibration of(double[] actual, double[] predicted) {
    int n = actual.length;
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = Math.abs(Math.log(actual[i]) - Math.log(predicted[i]));
    }
    Arrays.sort(scores);
    Map<Double, Double> q = new LinkedHashMap<>();
    for (double level : LEVELS) {
      int k = (int) Math.ceil((n + 1) * level);
      if (k > n) {
        throw new IllegalArgumentException(
            n + " held-out rows are too few for a " + level + " interval");
      }
      q.put(level, scores[k - 1]);
    }
    return new Calibration(n, q);
  }

  /** The interval of a price at a level: lower and upper, in dollars. */
  public double[] interval(double price, double level) {
    Double q = halfWidths.get(level);
    if (q == null) {
      throw new IllegalArgumentException("not calibrated at level " + level);
    }
    return new double[] {price * Math.exp(-q), price * Math.exp(q)};
  }

  /** The share of rows whose actual price lies in the interval at the level. */
  public double coverage(double[] actual, double[] predicted, double level) {
    int in = 0;
    for (int i = 0; i < actual.length; i++) {
      double[] range = interval(predicted[i], level);
      if (actual[i] >= range[0] && actual[i] <= range[1]) {
        in++;
      }
    }
    return actual.length == 0 ? Double.NaN : (double) in / actual.length;
  }
}
