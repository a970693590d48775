package com.diamondpricing.model.xgboost;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.Calibration;
import com.diamondpricing.tuning.Trial;
import com.diamondpricing.tuning.TrialPrunedException;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One TPE trial of {@link XgboostTrainer}: fit on the inner training rows, report the validation
 * MAE every {@value XgboostTrainer#REPORT_EVERY} rounds (the pruner may stop it), and, once
 * complete, calibrate prediction intervals on the validation rows. The best trial's calibration
 * goes with the final model, which is refitted on every training row: the rows held out of the
 * trial's fit are what split conformal needs; refitting on all of them afterwards is the pragmatic
 * choice, and its coverage of the test rows is measured and recorded.
 */
final class TuningTrial {

  private final XgboostTrainer trainer;
  private final XgboostTarget target;
  private final Trial trial;

  TuningTrial(XgboostTrainer trainer, XgboostTarget target, Trial trial) {
    this.trainer = trainer;
    this.target = target;
    this.trial = trial;
  }

  /** The trial's validation MAE; its metrics and calibration go into the maps by trial number. */
  double validationMae(
      Dataset innerTrain,
      Dataset validation,
      Map<Integer, Metrics> metrics,
      Map<Integer, Calibration> calibrations)
      throws XGBoostError, InterruptedException, TrialPrunedException {
    Map<String, Object> params = trainer.boosterParams(trial.params(), 1);
    int rounds = trial.getInt("n_estimators");
    double[] actual = validation.prices();
    DMatrix dtrain = FeatureMatrix.labelled(innerTrain, target);
    DMatrix dvalid = null;
    Booster booster = null;
    try {
      dvalid = FeatureMatrix.labelled(validation, target);
      booster = XGBoost.train(dtrain, params, 0, Map.of(), null, null);
      for (int round = 0; round < rounds; round++) {
        if (Thread.interrupted()) {
          throw new InterruptedException("tuning interrupted");
        }
        booster.update(dtrain, round);
        int done = round + 1;
        if (done % XgboostTrainer.REPORT_EVERY == 0 && done < rounds) {
          trial.report(done, mae(actual, prices(booster, dvalid)));
          if (trial.shouldPrune()) {
            throw new TrialPrunedException();
          }
        }
      }
      double[] predicted = prices(booster, dvalid);
      Metrics m = Metrics.of(actual, predicted);
      metrics.put(trial.number(), m);
      Calibration c = calibrate(actual, predicted);
      if (c != null) {
        calibrations.put(trial.number(), c);
      }
      return m.mae();
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
   * Intervals from validation predictions, scored as the service answers them: a price below a cent
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
    int n = out.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = target.price(out[i][0]);
    }
    return p;
  }

  private static double mae(double[] actual, double[] predicted) {
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      s += Math.abs(actual[i] - predicted[i]);
    }
    return s / actual.length;
  }
}
