package com.diamondpricing.interval;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Folds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a cross-conformal {@link Calibration} from out-of-fold predictions, and measures how well
 * its ranges cover, overall and in every {@link Segment}, by cross-validating the calibration
 * itself: the rows are cut into {@value #CHECK_FOLDS} folds, and each fold's rows are given the
 * ranges a calibration fitted on the other folds' rows gives them.
 *
 * <p>The scores are normalised: s = |log residual| / sigma(x), with the {@link ResidualScale} that
 * scores a row fitted on the other folds (a scale fitted on a row's own residual would make its
 * score too small, and the ranges too narrow). Chosen against a pooled quantile (one width for
 * every stone: 90% overall, but 73% of the stones of 2 carats and more and 74% of Fair cuts on the
 * bundled data), per-segment quantiles alone (every segment held, 92.4% overall and wider ranges)
 * and a scale from a small XGBoost model (no better than this, and a second model to walk per
 * price); see docs/intervals.md.
 */
public final class CalibrationFit {

  /** A segment calibrates its own quantile from this many rows. */
  public static final int MIN_SEGMENT_ROWS = 30;

  static final int CHECK_FOLDS = 5;

  private CalibrationFit() {}

  /**
   * A cross-conformal calibration and its cross-validated coverage.
   *
   * @param calibration the calibration of every held-out row
   * @param coverage how its ranges covered, each row ranged by a calibration that did not see it
   */
  public record Result(Calibration calibration, CoverageReport coverage) {}

  /**
   * The calibration of out-of-fold predictions; null when fewer than {@value #MIN_ROWS} rows were
   * held out.
   *
   * @param rows the rows, with their actual prices
   * @param predicted each row's out-of-fold prediction, NaN for a row no fold held out
   * @param few whether each row had few comparables among the rows its fold's model trained on
   * @param modelFolds how many fold models made the predictions
   * @param seed the seed of the folds that cross-fit the scale and check the coverage
   */
  public static Result fit(
      Dataset rows, double[] predicted, boolean[] few, int modelFolds, long seed) {
    int[] held = heldOut(predicted);
    int m = held.length;
    if (m < MIN_ROWS) {
      return null;
    }
    double[] residual = new double[rows.size()];
    for (int i : held) {
      residual[i] = Math.abs(Math.log(rows.price(i)) - Math.log(served(predicted[i])));
    }
    Folds check = Folds.shuffled(m, CHECK_FOLDS, seed);
    double[] sigma = new double[rows.size()];
    ResidualScale[] scales = new ResidualScale[CHECK_FOLDS];
    for (int c = 0; c < CHECK_FOLDS; c++) {
      scales[c] = ResidualScale.fit(rows, residual, positions(held, check.train(c)));
      for (int j : check.test(c)) {
        sigma[held[j]] = scales[c].of(rows, held[j]);
      }
    }
    double[] score = new double[rows.size()];
    for (int i : held) {
      score[i] = residual[i] / sigma[i];
    }
    Quantiles all = Quantiles.of(rows, score, few, held);
    ResidualScale scale = ResidualScale.fit(rows, residual, held);
    CoverageReport.Tally tally = new CoverageReport.Tally();
    for (int c = 0; c < CHECK_FOLDS; c++) {
      Quantiles others = Quantiles.of(rows, score, few, positions(held, check.train(c)));
      for (int j : check.test(c)) {
        int i = held[j];
        boolean[] inside = new boolean[Calibration.LEVELS.length];
        for (int l = 0; l < inside.length; l++) {
          inside[l] = residual[i] <= sigma[i] * others.of(rows, i, few[i], l);
        }
        tally.add(rows, i, few[i], inside);
      }
    }
    Calibration calibration =
        new Calibration(
            m,
            all.pooled(),
            modelFolds,
            scale,
            all.segments(),
            medians(rows, held, few, all, scale));
    return new Result(calibration, tally.report());
  }

  /** Fewer held-out rows than this calibrate nothing. */
  public static final int MIN_ROWS = 20;

  /**
   * How the calibration's ranges cover rows it never saw (a model's test rows): each row's actual
   * price against its range around {@code predicted}.
   */
  public static CoverageReport coverage(
      Calibration calibration, Dataset rows, double[] predicted, Comparables comparables) {
    CoverageReport.Tally tally = new CoverageReport.Tally();
    for (int i = 0; i < rows.size(); i++) {
      boolean few = comparables.few(rows, i);
      boolean[] inside = new boolean[Calibration.LEVELS.length];
      for (int l = 0; l < inside.length; l++) {
        double[] r =
            calibration.interval(rows.diamond(i), served(predicted[i]), Calibration.LEVELS[l], few);
        inside[l] = rows.price(i) >= r[0] && rows.price(i) <= r[1];
      }
      tally.add(rows, i, few, inside);
    }
    return tally.report();
  }

  /** A price as the service answers it: below a cent (or none) counts as a cent. */
  static double served(double p) {
    return Double.isFinite(p) && p >= 0.01 ? p : 0.01;
  }

  private static int[] heldOut(double[] predicted) {
    int n = 0;
    for (double p : predicted) {
      n += Double.isNaN(p) ? 0 : 1;
    }
    int[] held = new int[n];
    int k = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (!Double.isNaN(predicted[i])) {
        held[k++] = i;
      }
    }
    return held;
  }

  private static int[] positions(int[] held, int[] indexes) {
    int[] out = new int[indexes.length];
    for (int j = 0; j < indexes.length; j++) {
      out[j] = held[indexes[j]];
    }
    return out;
  }

  private static Map<Double, Double> medians(
      Dataset rows, int[] held, boolean[] few, Quantiles q, ResidualScale scale) {
    Map<Double, Double> medians = new LinkedHashMap<>();
    double[] h = new double[held.length];
    for (int l = 0; l < Calibration.LEVELS.length; l++) {
      for (int j = 0; j < held.length; j++) {
        int i = held[j];
        h[j] = scale.of(rows, i) * q.of(rows, i, few[i], l);
      }
      Arrays.sort(h);
      medians.put(Calibration.LEVELS[l], h[h.length / 2]);
    }
    return medians;
  }

  /** The pooled and per-segment conformal quantiles of scores. */
  private record Quantiles(double[] levels, Map<Segment, double[]> bySegment) {

    static Quantiles of(Dataset rows, double[] score, boolean[] few, int[] positions) {
      Map<Segment, List<Double>> scores = new LinkedHashMap<>();
      double[] all = new double[positions.length];
      for (int j = 0; j < positions.length; j++) {
        int i = positions[j];
        all[j] = score[i];
        for (Segment s : Segment.of(rows, i)) {
          scores.computeIfAbsent(s, k -> new ArrayList<>()).add(score[i]);
        }
        if (few[i]) {
          scores.computeIfAbsent(Segment.FEW_COMPARABLES, k -> new ArrayList<>()).add(score[i]);
        }
      }
      Map<Segment, double[]> bySegment = new LinkedHashMap<>();
      scores.forEach(
          (s, list) -> {
            if (list.size() >= MIN_SEGMENT_ROWS) {
              bySegment.put(s, quantiles(list.stream().mapToDouble(Double::doubleValue).toArray()));
            }
          });
      return new Quantiles(quantiles(all), bySegment);
    }

    /** Per level, the ceil((n + 1) level)-th smallest score (the largest when n is too small). */
    static double[] quantiles(double[] scores) {
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      double[] q = new double[Calibration.LEVELS.length];
      for (int l = 0; l < q.length; l++) {
        int k = (int) Math.ceil((sorted.length + 1) * Calibration.LEVELS[l]);
        q[l] = sorted[Math.min(k, sorted.length) - 1];
      }
      return q;
    }

    /** The quantile a row's range takes at level index {@code l}: its segments' largest. */
    double of(Dataset rows, int i, boolean few, int l) {
      double q = levels[l];
      for (Segment s : Segment.of(rows, i)) {
        double[] v = bySegment.get(s);
        if (v != null) {
          q = Math.max(q, v[l]);
        }
      }
      if (few) {
        double[] v = bySegment.get(Segment.FEW_COMPARABLES);
        if (v != null) {
          q = Math.max(q, v[l]);
        }
      }
      return q;
    }

    Map<Double, Double> pooled() {
      Map<Double, Double> m = new LinkedHashMap<>();
      for (int l = 0; l < levels.length; l++) {
        m.put(Calibration.LEVELS[l], levels[l]);
      }
      return m;
    }

    Map<Segment, Map<Double, Double>> segments() {
      Map<Segment, Map<Double, Double>> m = new LinkedHashMap<>();
      for (Segment s : Segment.all()) {
        double[] v = bySegment.get(s);
        if (v != null) {
          Map<Double, Double> q = new LinkedHashMap<>();
          for (int l = 0; l < v.length; l++) {
            q.put(Calibration.LEVELS[l], v[l]);
          }
          m.put(s, q);
        }
      }
      return m;
    }
  }
}
