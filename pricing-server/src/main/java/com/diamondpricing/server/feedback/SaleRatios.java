package com.diamondpricing.server.feedback;

import java.util.Arrays;

/**
 * How one grade level's stones sold against the prices given, from a few sales on: the geometric
 * mean of actual / predicted (the mean of the log ratios, back on the price scale) with its 90%
 * Student's t interval. A level is flagged only when that interval excludes 1 (sold at the price
 * given, no change): moderate when its stones sold less than {@value #MAJOR_CHANGE} (as a fraction)
 * over or under their prices, major from there. Log ratios, not ratios: a stone sold at half its
 * price and one at twice it cancel out, and one outlier weighs less.
 */
final class SaleRatios {

  /** The change (sold over or under the price, as a fraction) a flagged level is major from. */
  static final double MAJOR_CHANGE = 0.10;

  private SaleRatios() {}

  /**
   * A grade level's sale ratios.
   *
   * @param n sales
   * @param ratio the geometric mean of actual / predicted
   * @param low the lower end of its 90% interval, or NaN below two sales
   * @param high the upper end, or NaN
   * @param median the median of actual / predicted
   * @param label stable, moderate, major, or not enough data
   */
  record Ratio(int n, double ratio, double low, double high, double median, String label) {}

  /** The ratios' mean and interval; not enough data below {@code minSales} (at least two). */
  static Ratio of(double[] ratios, int minSales) {
    double[] r = Arrays.stream(ratios).sorted().toArray();
    int n = r.length;
    if (n == 0) {
      return new Ratio(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Psi.NOT_ENOUGH);
    }
    double median = n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
    Sampling.MeanInterval log =
        Sampling.tInterval(Arrays.stream(r).map(Math::log).toArray(), Sampling.LEVEL);
    double ratio = Math.exp(log.mean());
    double low = Math.exp(log.low());
    double high = Math.exp(log.high());
    String label;
    if (n < Math.max(2, minSales)) {
      label = Psi.NOT_ENOUGH;
    } else if (!log.excludes(0)) {
      label = Psi.STABLE;
    } else {
      label = Math.abs(ratio - 1) >= MAJOR_CHANGE ? Psi.MAJOR_LABEL : Psi.MODERATE_LABEL;
    }
    return new Ratio(n, ratio, low, high, median, label);
  }
}
