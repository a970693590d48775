package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;

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
   */
  public record Result(TrainedModel model, Metrics test, TrainTestSplit split, double seconds) {

    public int nTrain() {
      return split.train().length;
    }

    public int nTest() {
      return split.test().length;
    }
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
      Metrics metrics = Metrics.of(test.prices(), model.predict(test));
      return new Result(model, metrics, split, seconds);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
