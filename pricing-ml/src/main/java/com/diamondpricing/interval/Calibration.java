package com.diamondpricing.interval;

import com.diamondpricing.data.Diamond;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conformal prediction intervals on log residuals: a stone priced p gets [p e^-h, p e^h], a range
 * whose width grows with the price, which suits diamonds.
 *
 * <p>Two kinds. <b>Split conformal</b> ({@link #of}; {@code folds} 0, what models registered before
 * cross-conformal calibration carry): each held-out row scores s = |ln(actual) - ln(predicted)|,
 * and for a level 1 - alpha, h is the ceil((n + 1)(1 - alpha))-th smallest score, the same for
 * every stone. <b>Cross-conformal</b> ({@link CalibrationFit}; {@code folds} k): the scores are
 * out-of-fold residuals of fits of the same recipe on k - 1 of k folds, so they are honest for the
 * model refitted on every row; each is divided by the stone's {@link ResidualScale}, and h =
 * sigma(x) times the largest of the pooled quantile and the quantiles of the stone's {@link
 * Segment}s (calibrated separately where a segment has at least {@value
 * CalibrationFit#MIN_SEGMENT_ROWS} rows): a range covers each cut, colour, clarity, carat band and
 * the stones with few comparables, not only stones overall.
 *
 * @param rows the held-out rows the scores came from
 * @param halfWidths per level (0.8, 0.9), the pooled quantile: in log dollars for split conformal,
 *     in units of the scale for cross-conformal
 * @param folds 0 for split conformal, else the folds of the cross-conformal fits
 * @param scale the residual scale, or null (every stone alike)
 * @param segments per segment and level, the segment's own quantile (units of the scale)
 * @param medianHalfWidths per level, the median h over the held-out rows, in log dollars: how wide
 *     a typical range is
 */
public record Calibration(
    int rows,
    Map<Double, Double> halfWidths,
    int folds,
    ResidualScale scale,
    Map<Segment, Map<Double, Double>> segments,
    Map<Double, Double> medianHalfWidths) {

  /** The levels every model is calibrated at. */
  public static final double[] LEVELS = {0.8, 0.9};

  public Calibration {
    halfWidths = Collections.unmodifiableMap(new LinkedHashMap<>(halfWidths));
    Map<Segment, Map<Double, Double>> copy = new LinkedHashMap<>();
    segments.forEach((s, q) -> copy.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(q))));
    segments = Collections.unmodifiableMap(copy);
    medianHalfWidths = Collections.unmodifiableMap(new LinkedHashMap<>(medianHalfWidths));
  }

  /** A split-conformal calibration: one half-width per level for every stone. */
  public Calibration(int rows, Map<Double, Double> halfWidths) {
    this(rows, halfWidths, 0, null, Map.of(), halfWidths);
  }

  /**
   * The split-conformal calibration of predictions on held-out rows.
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

  /** Whether the calibration is cross-conformal (else split conformal). */
  public boolean crossConformal() {
    return folds > 0;
  }

  /**
   * The half-width h of a stone's range at a level, in log dollars.
   *
   * @param fewComparables whether the stone has few comparables among the model's training rows
   * @throws IllegalArgumentException for a level not calibrated
   */
  public double halfWidth(Diamond d, double level, boolean fewComparables) {
    Double pooled = halfWidths.get(level);
    if (pooled == null) {
      throw new IllegalArgumentException("not calibrated at level " + level);
    }
    double q = pooled;
    if (!segments.isEmpty()) {
      for (Segment s : Segment.of(d)) {
        q = Math.max(q, quantile(s, level));
      }
      if (fewComparables) {
        q = Math.max(q, quantile(Segment.FEW_COMPARABLES, level));
      }
    }
    return scale == null ? q : q * scale.of(d);
  }

  private double quantile(Segment s, double level) {
    Map<Double, Double> q = segments.get(s);
    Double v = q == null ? null : q.get(level);
    return v == null ? 0 : v;
  }

  /** The range of a stone priced {@code price}: lower and upper, in dollars. */
  public double[] interval(Diamond d, double price, double level, boolean fewComparables) {
    return range(price, halfWidth(d, level, fewComparables));
  }

  /** The range of a price for a half-width in log dollars. */
  public static double[] range(double price, double halfWidth) {
    return new double[] {price * Math.exp(-halfWidth), price * Math.exp(halfWidth)};
  }
}
