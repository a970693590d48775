package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.interval.CalibrationFit;
import com.diamondpricing.interval.Comparables;
import com.diamondpricing.interval.CoverageReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notebook's protocol: split the clean data 80/20 with seed 42, fit on the training part, score
 * the test part. The fit's ranges are calibrated cross-conformally on the training part ({@link
 * CrossConformal}) and their coverage measured on the test rows, which neither the fit nor the
 * calibration saw.
 */
public final class HoldoutEvaluation {

  private HoldoutEvaluation() {}

  /**
   * The outcome of one evaluation.
   *
   * @param model the model fitted on the training part; the caller closes it
   * @param test metrics on the test rows
   * @param nTrain training rows
   * @param nTest test rows
   * @param seconds wall-clock seconds of the fit (tuning included, calibration not)
   * @param calibration the ranges calibrated on the training part, or null when it is too small
   * @param testCoverage how those ranges covered the test rows, overall and per segment; null
   *     without a calibration
   * @param outOfFoldCoverage how they covered the training part, each row ranged by a calibration
   *     that did not see it; null without a calibration
   */
  public record Result(
      TrainedModel model,
      Metrics test,
      int nTrain,
      int nTest,
      double seconds,
      Calibration calibration,
      CoverageReport testCoverage,
      CoverageReport outOfFoldCoverage) {

    /** Per level, the share of the test rows inside their range; empty without a calibration. */
    public Map<Double, Double> coverage() {
      return testCoverage == null ? Map.of() : testCoverage.overall();
    }
  }

  /** Splits as the notebook does, fits, calibrates and scores. */
  public static Result run(Dataset clean, ModelType type, TrainingOptions options)
      throws InterruptedException, TrainingException {
    TrainTestSplit split = TrainTestSplit.notebook(clean.size());
    return run(clean.rows(split.train()), clean.rows(split.test()), type, options);
  }

  /** Fits on the training part, calibrates on it, and scores the test part. */
  public static Result run(Dataset train, Dataset test, ModelType type, TrainingOptions options)
      throws InterruptedException, TrainingException {
    Trainer trainer = type.trainer(options);
    long start = System.nanoTime();
    TrainedModel model = trainer.fit(train);
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      double[] predicted = model.predict(test);
      Metrics metrics = Metrics.of(test.prices(), predicted);
      // the folds report no progress: the evaluation's progress is the tuning's and the fit's
      CalibrationFit.Result calibrated =
          CrossConformal.calibrate(
              type.trainer(options.withListener(TrainingListener.NONE)),
              model,
              train,
              options.seed());
      if (calibrated == null) {
        return new Result(model, metrics, train.size(), test.size(), seconds, null, null, null);
      }
      CoverageReport testCoverage =
          CalibrationFit.coverage(calibrated.calibration(), test, predicted, Comparables.of(train));
      return new Result(
          model,
          metrics,
          train.size(),
          test.size(),
          seconds,
          calibrated.calibration(),
          testCoverage,
          calibrated.coverage());
    } catch (InterruptedException | TrainingException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Per level, the share of rows inside the ranges a stone-independent (split-conformal)
   * calibration gives them; empty for none. For a model trained elsewhere (on a cluster), whose
   * calibration came with it.
   */
  public static Map<Double, Double> coverage(Calibration c, double[] actual, double[] predicted) {
    Map<Double, Double> coverage = new LinkedHashMap<>();
    if (c != null && !c.crossConformal()) {
      for (double level : c.halfWidths().keySet()) {
        double q = c.halfWidths().get(level);
        int in = 0;
        for (int i = 0; i < actual.length; i++) {
          double[] r = Calibration.range(predicted[i], q);
          in += actual[i] >= r[0] && actual[i] <= r[1] ? 1 : 0;
        }
        coverage.put(level, actual.length == 0 ? Double.NaN : (double) in / actual.length);
      }
    }
    return coverage;
  }
}
