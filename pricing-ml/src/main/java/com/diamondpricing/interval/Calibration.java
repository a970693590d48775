package com.diamondpricing.interval;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Diamond;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
 * <p>Immutable. A stone's half-width is read from tables by grade code and carat band (it is
 * computed for every price the service gives).
 */
public final class Calibration {

  /** The levels every model is calibrated at. */
  public static final double[] LEVELS = {0.8, 0.9};

  private final int rows;
  private final Map<Double, Double> halfWidths;
  private final int folds;
  private final ResidualScale scale;
  private final Map<Segment, Map<Double, Double>> segments;
  private final Map<Double, Double> medianHalfWidths;

  /** Per level index: the pooled quantile, then per kind of segment the quantile by level code. */
  private final double[] pooled;

  private final double[][] byCut;
  private final double[][] byColor;
  private final double[][] byClarity;
  private final double[][] byBand;
  private final double[] few;

  /**
   * @param rows the held-out rows the scores came from
   * @param halfWidths per level (0.8, 0.9), the pooled quantile: in log dollars for split
   *     conformal, in units of the scale for cross-conformal
   * @param folds 0 for split conformal, else the folds of the cross-conformal fits
   * @param scale the residual scale, or null (every stone alike)
   * @param segments per segment and level, the segment's own quantile (units of the scale)
   * @param medianHalfWidths per level, the median h over the held-out rows, in log dollars: how
   *     wide a typical range is
   */
  public Calibration(
      int rows,
      Map<Double, Double> halfWidths,
      int folds,
      ResidualScale scale,
      Map<Segment, Map<Double, Double>> segments,
      Map<Double, Double> medianHalfWidths) {
    this.rows = rows;
    this.halfWidths = Collections.unmodifiableMap(new LinkedHashMap<>(halfWidths));
    this.folds = folds;
    this.scale = scale;
    Map<Segment, Map<Double, Double>> copy = new LinkedHashMap<>();
    segments.forEach((s, q) -> copy.put(s, Collections.unmodifiableMap(new LinkedHashMap<>(q))));
    this.segments = Collections.unmodifiableMap(copy);
    this.medianHalfWidths = Collections.unmodifiableMap(new LinkedHashMap<>(medianHalfWidths));
    int levels = LEVELS.length;
    this.pooled = new double[levels];
    this.byCut = new double[levels][Cut.values().length];
    this.byColor = new double[levels][Color.values().length];
    this.byClarity = new double[levels][Clarity.values().length];
    this.byBand = new double[levels][Segment.CARAT_BANDS.size()];
    this.few = new double[levels];
    for (int l = 0; l < levels; l++) {
      Double q = this.halfWidths.get(LEVELS[l]);
      pooled[l] = q == null ? Double.NaN : q;
      for (Cut c : Cut.values()) {
        byCut[l][c.code()] = quantile(new Segment(Segment.Kind.CUT, c.label()), LEVELS[l]);
      }
      for (Color c : Color.values()) {
        byColor[l][c.code()] = quantile(new Segment(Segment.Kind.COLOR, c.label()), LEVELS[l]);
      }
      for (Clarity c : Clarity.values()) {
        byClarity[l][c.code()] = quantile(new Segment(Segment.Kind.CLARITY, c.label()), LEVELS[l]);
      }
      for (int b = 0; b < byBand[l].length; b++) {
        byBand[l][b] =
            quantile(new Segment(Segment.Kind.CARAT, Segment.CARAT_BANDS.get(b)), LEVELS[l]);
      }
      few[l] = quantile(Segment.FEW_COMPARABLES, LEVELS[l]);
    }
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

  /** The held-out rows the scores came from. */
  public int rows() {
    return rows;
  }

  /** Per level, the pooled quantile (log dollars, or units of the scale). */
  public Map<Double, Double> halfWidths() {
    return halfWidths;
  }

  /** 0 for split conformal, else the folds of the cross-conformal fits. */
  public int folds() {
    return folds;
  }

  /** The residual scale, or null. */
  public ResidualScale scale() {
    return scale;
  }

  /** Per segment and level, the segment's own quantile. */
  public Map<Segment, Map<Double, Double>> segments() {
    return segments;
  }

  /** Per level, the median half-width over the held-out rows, in log dollars. */
  public Map<Double, Double> medianHalfWidths() {
    return medianHalfWidths;
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
    int l = levelIndex(level);
    double q = pooled[l];
    if (Double.isNaN(q)) {
      throw new IllegalArgumentException("not calibrated at level " + level);
    }
    if (!segments.isEmpty()) {
      q = Math.max(q, byCut[l][d.cut().code()]);
      q = Math.max(q, byColor[l][d.color().code()]);
      q = Math.max(q, byClarity[l][d.clarity().code()]);
      q = Math.max(q, byBand[l][Segment.caratBand(d.carat())]);
      if (fewComparables) {
        q = Math.max(q, few[l]);
      }
    }
    return scale == null ? q : q * scale.of(d);
  }

  private static int levelIndex(double level) {
    for (int l = 0; l < LEVELS.length; l++) {
      if (LEVELS[l] == level) {
        return l;
      }
    }
    throw new IllegalArgumentException("not calibrated at level " + level);
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Calibration c
        && rows == c.rows
        && folds == c.folds
        && halfWidths.equals(c.halfWidths)
        && Objects.equals(scale, c.scale)
        && segments.equals(c.segments)
        && medianHalfWidths.equals(c.medianHalfWidths);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, folds, halfWidths, scale, segments, medianHalfWidths);
  }

  @Override
  public String toString() {
    return "Calibration[rows="
        + rows
        + ", folds="
        + folds
        + ", halfWidths="
        + halfWidths
        + ", segments="
        + segments.size()
        + "]";
  }
}
