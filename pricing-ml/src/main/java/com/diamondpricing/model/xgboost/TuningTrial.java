package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Folds;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.tuning.Trial;
import com.diamondpricing.tuning.TrialPrunedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One TPE trial of {@link XgboostTrainer}: fit each of the study's splits of the tuning rows (the
 * notebook's one inner 80/20 split, or k folds) round by round, report the MAE of the held-out rows
 * of every split together every {@value XgboostTrainer#REPORT_EVERY} rounds (the pruner may stop
 * it), and, once complete, calibrate prediction intervals on those held-out rows. With k folds
 * every tuning row is held out once, so the trial's score is its cross-validated MAE: a setting
 * that merely suits one split's quirks no longer wins.
 */
final class TuningTrial {

  /**
   * The splits a study scores its trials on: pairs of rows to fit and rows to score, the scored
   * rows of all pairs together being {@link #heldOut()}.
   */
  record Splits(List<Dataset> fit, List<Dataset> scored, double[] heldOut) {

    /** The notebook's inner split (one pair), or {@code folds} shuffled folds. */
    static Splits of(Dataset tuning, int folds, long seed) {
      List<Dataset> fit = new ArrayList<>();
      List<Dataset> scored = new ArrayList<>();
      if (folds <= 1) {
        TrainTestSplit inner = TrainTestSplit.notebook(tuning.size());
        fit.add(tuning.rows(inner.train()));
        scored.add(tuning.rows(inner.test()));
      } else {
        Folds f = Folds.shuffled(tuning.size(), folds, seed);
        for (int k = 0; k < folds; k++) {
          fit.add(tuning.rows(f.train(k)));
          scored.add(tuning.rows(f.test(k)));
        }
      }
      int n = scored.stream().mapToInt(Dataset::size).sum();
      double[] actual = new double[n];
      int o = 0;
      for (Dataset s : scored) {
        System.arraycopy(s.prices(), 0, actual, o, s.size());
        o += s.size();
      }
      return new Splits(List.copyOf(fit), List.copyOf(scored), actual);
    }

    int count() {
      return fit.size();
    }
  }

  private final XgboostTrainer trainer;
  private final XgboostRecipe recipe;
  private final FeatureMatrix matrix;
  private final Trial trial;

  TuningTrial(XgboostTrainer trainer, XgboostRecipe recipe, FeatureMatrix matrix, Trial trial) {
    this.trainer = trainer;
    this.recipe = recipe;
    this.matrix = matrix;
    this.trial = trial;
  }

  /**
   * The trial's MAE on the held-out rows; its metrics and calibration go into the maps by trial
   * number. On one split, the trial reports its MAE every {@value XgboostTrainer#REPORT_EVERY}
   * rounds; on k folds, the folds are fitted one after the other and the trial reports the MAE of
   * the folds done so far after each (step 1 to k), so that the pruner compares trials on the same
   * rows, each fitted to the end: judged part-way through its rounds, a slow learner (a low
   * learning rate over many rounds, which generalises best here) would lose to a fast one that
   * stops early.
   */
  double validationMae(
      Splits splits, Map<Integer, Metrics> metrics, Map<Integer, Calibration> calibrations)
      throws XGBoostError, InterruptedException, TrialPrunedException {
    int k = splits.count();
    double[] predicted = new double[splits.heldOut().length];
    int done = 0;
    for (int s = 0; s < k; s++) {
      double[] fold = fit(splits.fit().get(s), splits.scored().get(s), k == 1);
      System.arraycopy(fold, 0, predicted, done, fold.length);
      done += fold.length;
      if (k > 1 && s < k - 1) {
        trial.report(s + 1, mae(splits.heldOut(), predicted, done));
        if (trial.shouldPrune()) {
          throw new TrialPrunedException();
        }
      }
    }
    Metrics m = Metrics.of(splits.heldOut(), predicted);
    metrics.put(trial.number(), m);
    Calibration c = calibrate(splits.heldOut(), predicted);
    if (c != null) {
      calibrations.put(trial.number(), c);
    }
    return m.mae();
  }

  /**
   * The prices of the scored rows predicted by a booster of the trial's parameters fitted on the
   * fit rows; reporting every {@value XgboostTrainer#REPORT_EVERY} rounds when {@code report}.
   */
  private double[] fit(Dataset fitRows, Dataset scoredRows, boolean report)
      throws XGBoostError, InterruptedException, TrialPrunedException {
    Map<String, Object> params = trainer.boosterParams(trial.params(), 1);
    int rounds = trial.getInt("n_estimators");
    double[] actual = scoredRows.prices();
    DMatrix dtrain = matrix.labelled(fitRows, recipe);
    DMatrix dvalid = null;
    Booster booster = null;
    try {
      dvalid = matrix.labelled(scoredRows, recipe);
      booster = XGBoost.train(dtrain, params, 0, Map.of(), null, null);
      for (int round = 0; round < rounds; round++) {
        if (Thread.interrupted()) {
          throw new InterruptedException("tuning interrupted");
        }
        booster.update(dtrain, round);
        int done = round + 1;
        if (report && done % XgboostTrainer.REPORT_EVERY == 0 && done < rounds) {
          trial.report(done, mae(actual, prices(booster, dvalid), actual.length));
          if (trial.shouldPrune()) {
            throw new TrialPrunedException();
          }
        }
      }
      return prices(booster, dvalid);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (dvalid != null) {
        dvalid.dispose();
      }
      dtrain.dispose();
    }
  }

  /**
   * Intervals from held-out predictions, scored as the service answers them: a price below a cent
   * counts as a cent (a model on price can predict below zero, which has no log). Null for too few
   * rows.
   */
  static Calibration calibrate(double[] actual, double[] predicted) {
    double[] served = new double[predicted.length];
    for (int i = 0; i < predicted.length; i++) {
      double p = predicted[i];
      served[i] = Double.isFinite(p) && p >= 0.01 ? p : 0.01;
    }
    try {
      return Calibration.of(actual, served);
    } catch (IllegalArgumentException tooFew) {
      return null;
    }
  }

  /**
   * The prices a booster predicts (exp of its sum when it fits log(price)). Predicting a DMatrix
   * goes through the booster's prediction cache: each report adds the trees grown since the last
   * one to the cached sums (the same float additions in the same order), where predicting the rows
   * afresh would walk every tree again at each report.
   */
  private double[] prices(Booster booster, DMatrix rows) throws XGBoostError {
    float[][] out = booster.predict(rows);
    double[] p = new double[out.length];
    for (int i = 0; i < out.length; i++) {
      p[i] = recipe.price(out[i][0]);
    }
    return p;
  }

  /** The MAE of the first {@code n} predictions. */
  private static double mae(double[] actual, double[] predicted, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.abs(actual[i] - predicted[i]);
    }
    return s / n;
  }
}
