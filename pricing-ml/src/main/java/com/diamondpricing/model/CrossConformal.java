package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Folds;
import com.diamondpricing.interval.CalibrationFit;
import com.diamondpricing.interval.Comparables;
import java.util.Arrays;

/**
 * Calibrates the ranges of a model refitted on rows it will serve: the rows are cut into {@value
 * #FOLDS} folds, the model's recipe ({@link Trainer#refit}, no tuning) is fitted on every fold but
 * one, and each held-out row's prediction and residual come from a fit that never saw it. Those
 * residuals are honest for the model fitted on every row in a way its own in-sample residuals are
 * not (cross-conformal calibration, the scores of CV+: Barber, Candes, Ramdas and Tibshirani,
 * "Predictive inference with the jackknife+", 2021); {@link CalibrationFit} turns them into ranges
 * normalised per stone and per segment.
 *
 * <p>The range is centred on the model refitted on every row, not on the fold models as CV+ proper
 * does: CV+ would walk {@value #FOLDS} more models for every price. On the bundled data the centred
 * ranges cover the test rows as the fold-centred ones do (docs/intervals.md).
 *
 * <p>On large data the folds stop once {@value #MAX_HELD_OUT} rows have been held out: a fold of a
 * million rows already gives 200,000 residuals, more than calibrating needs, and every fold is a
 * fit of the whole recipe.
 */
public final class CrossConformal {

  public static final int FOLDS = 5;
  public static final int MAX_HELD_OUT = 100_000;

  private CrossConformal() {}

  /**
   * The calibration of a model with {@code tuned}'s recipe on {@code rows}, and the cross-validated
   * coverage of its ranges; null when the rows are too few to calibrate.
   *
   * @throws InterruptedException when the thread is interrupted
   * @throws TrainingException when a fold cannot be fitted
   */
  public static CalibrationFit.Result calibrate(
      Trainer trainer, TrainedModel tuned, Dataset rows, long seed)
      throws InterruptedException, TrainingException {
    int n = rows.size();
    if (n < CalibrationFit.MIN_ROWS) {
      return null;
    }
    Folds folds = Folds.shuffled(n, FOLDS, seed);
    double[] predicted = new double[n];
    Arrays.fill(predicted, Double.NaN);
    boolean[] few = new boolean[n];
    int fitted = 0;
    int heldOut = 0;
    for (int f = 0; f < FOLDS && heldOut < MAX_HELD_OUT; f++) {
      int[] fit = folds.train(f);
      int[] scored = folds.test(f);
      Dataset scoredRows = rows.rows(scored);
      double[] p;
      try (TrainedModel model = trainer.refit(tuned, rows.rows(fit))) {
        p = model.predict(scoredRows);
      }
      Comparables comparables = Comparables.of(rows, fit);
      for (int j = 0; j < scored.length; j++) {
        predicted[scored[j]] = p[j];
        few[scored[j]] = comparables.few(scoredRows, j);
      }
      fitted++;
      heldOut += scored.length;
    }
    return CalibrationFit.fit(rows, predicted, few, fitted, seed);
  }
}
