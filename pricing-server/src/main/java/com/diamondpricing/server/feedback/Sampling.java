package com.diamondpricing.server.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * What a sample can say and what it cannot: the tests and intervals monitoring reads its figures
 * with, so that a figure from a few sales or predictions is shown with its uncertainty and flagged
 * only when it is beyond what chance alone would give.
 *
 * <ul>
 *   <li>{@link #goodnessOfFit}: Pearson's chi-square test of a sample's bin counts against the
 *       reference's shares (as Hipparchus' {@code ChiSquareTest} computes it, with the chi-square
 *       distribution of hipparchus-core);
 *   <li>{@link #tInterval}: Student's t interval of a mean;
 *   <li>{@link #wilson}: Wilson's score interval of a proportion (sound for proportions near 0 or 1
 *       and small n, where the normal approximation is not).
 * </ul>
 */
final class Sampling {

  /** The level of every interval monitoring gives. */
  static final double LEVEL = 0.9;

  /** The fewest expected values a cell of the chi-square test has (Cochran's rule); see below. */
  static final double MIN_EXPECTED = 5;

  private Sampling() {}

  /**
   * A mean and its confidence interval.
   *
   * @param n values
   * @param mean their mean
   * @param low the interval's lower end, or NaN below two values
   * @param high its upper end, or NaN below two values
   */
  record MeanInterval(int n, double mean, double low, double high) {

    /** Whether the interval lies wholly above or below {@code value}. */
    boolean excludes(double value) {
      return !Double.isNaN(low) && (low > value || high < value);
    }
  }

  /**
   * The p-value of Pearson's chi-square goodness-of-fit test of observed counts against reference
   * shares: the chance of a statistic at least as large, were the sample drawn from the reference.
   * The reference's shares are scaled to the observed total. Cells expected to hold fewer than
   * {@value #MIN_EXPECTED} values (rare grade levels in a small sample, or a level the reference
   * never had) are pooled into one, and that pool joins the next smallest cell while it is still
   * below, so that the statistic follows its chi-square distribution with (cells - 1) degrees of
   * freedom; 1 when fewer than two cells are left or nothing was observed.
   */
  static double goodnessOfFit(double[] shares, double[] counts) {
    if (shares.length != counts.length) {
      throw new IllegalArgumentException("shares and counts differ in length");
    }
    double n = Arrays.stream(counts).sum();
    double total = Arrays.stream(shares).map(s -> Math.max(s, 0)).sum();
    if (n <= 0 || total <= 0) {
      return 1.0;
    }
    List<double[]> cells = new ArrayList<>(); // {expected, observed}
    for (int i = 0; i < shares.length; i++) {
      cells.add(new double[] {n * Math.max(shares[i], 0) / total, counts[i]});
    }
    cells.sort(Comparator.comparingDouble(c -> c[0]));
    double[] pool = {0, 0};
    int next = 0;
    while (next < cells.size()
        && (cells.get(next)[0] < MIN_EXPECTED || (next > 0 && pool[0] < MIN_EXPECTED))) {
      pool[0] += cells.get(next)[0];
      pool[1] += cells.get(next)[1];
      next++;
    }
    List<double[]> tested = new ArrayList<>();
    if (next > 0) {
      tested.add(pool);
    }
    tested.addAll(cells.subList(next, cells.size()));
    if (tested.size() < 2) {
      return 1.0;
    }
    double statistic = 0;
    for (double[] c : tested) {
      statistic += (c[1] - c[0]) * (c[1] - c[0]) / c[0];
    }
    return 1.0 - new ChiSquaredDistribution(tested.size() - 1).cumulativeProbability(statistic);
  }

  /**
   * The mean of the values and its two-sided Student's t interval at {@code level}: mean ± t(n-1) ×
   * sd / √n. The ends are NaN below two values.
   */
  static MeanInterval tInterval(double[] values, double level) {
    int n = values.length;
    if (n == 0) {
      return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    if (n < 2) {
      return new MeanInterval(n, mean, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    double t = new TDistribution(n - 1).inverseCumulativeProbability((1 + level) / 2);
    return new MeanInterval(n, mean, mean - t * se, mean + t * se);
  }

  /**
   * Wilson's score interval at {@code level} of a proportion of {@code k} in {@code n}: {low,
   * high}; null when n is 0.
   */
  static double[] wilson(int k, int n, double level) {
    if (n <= 0) {
      return null;
    }
    double z = new NormalDistribution(0, 1).inverseCumulativeProbability((1 + level) / 2);
    double p = (double) k / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
