package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The notebook's protocol: split the clean data 80/20 with seed 42, fit on the training part, score
 * the test part.
 */
public final class HoldoutEvaluation {

  private HoldoutEvaluation() {}

  /**
   * The outcome of one evaluation.
   *
   * @param model the fitted model; the caller closes it
   * @param test metrics on the test rows
   * @param split the split used
   * @param seconds wall-clock seconds of the fit
   * @param coverage per interval level, the share of test rows inside their interval; empty when
   *     the model has no intervals
   */
  public record Result(
      TrainedModel model,
      Metrics test,
      TrainTestSplit split,
      double seconds,
      Map<Double, Double> coverage) {

    public int nTrain() {
      return split.train().length;
    }

    public int nTest() {
      return split.test().length;
    }
  }

  /**
   * Per level, the share of rows whose actual price lies in the model's interval; empty when the
   * model has none.
   */
  public static Map<Double, Double> coverage(
      TrainedModel model, double[] actual, double[] predicted) {
    Calibration c = model.provenance().calibration();
    Map<Double, Double> coverage = new LinkedHashMap<>();
    if (c != null) {
      for (double level : c.halfWidths().keySet()) {
        coverage.put(level, c.coverage(actual, predicted, level));
      }
    }
    return coverage;
  }

  /** Splits, fits and scores. */
  public static Result run(Dataset clean, ModelType type, TrainingOptions options)
      throws InterruptedException, TrainingException {
    TrainTestSplit split = TrainTestSplit.notebook(clean.size());
    Dataset train = clean.rows(split.train());
    Dataset test = clean.rows(split.test());
    long start = System.nanoTime();
    TrainedModel model = type.trainer(options).fit(train);
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      double[] predicted = model.predict(test);
      Metrics metrics = Metrics.of(test.prices(), predicted);
      return new Result(model, metrics, split, seconds, coverage(model, test.prices(), predicted));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
